//! Drainage posters through the shell's commands: the designer's preview, bad
//! input, and files made again when the channel's code is replaced.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;

use base64::Engine;
use chrono::Utc;
use common::{invoke, shell};
use serde_json::{json, Value};
use shopcircle_app::posters::{self, FileRequest};
use shopcircle_core::poster::{OutputFormat, OutputReason};

const FIRST: &str = "https://weixin.qq.com/g/AwYAAGx2aWxsYWdlLXRlYS1mcmllbmRzLWdyb3Vw";
const RENEWED: &str = "https://weixin.qq.com/g/AwYAAGx2aWxsYWdlLXRlYS1yZW5ld2VkLWNvZGU";

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)).expect("fixture")
}

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

struct Shop {
    _dir: tempfile::TempDir,
    db: PathBuf,
    s: common::Shell,
    channel: i64,
}

/// A shop with one channel whose code is the group screenshot fixture.
fn shop_with_code() -> Shop {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.db");
    let s = shell(&db);
    let c = invoke(
        &s.main,
        "create_community",
        json!({ "input": { "name": "茶友群", "kind": "high_frequency" } }),
    )
    .unwrap();
    let ch = invoke(
        &s.main,
        "create_channel",
        json!({ "communityId": c["id"], "input": { "kind": "counter", "name": "收银台" } }),
    )
    .unwrap();
    let channel = ch["id"].as_i64().unwrap();
    import(&s, channel, "group-qr-screenshot.png");
    Shop { _dir: dir, db, s, channel }
}

fn import(s: &common::Shell, channel: i64, fixture_name: &str) -> Value {
    invoke(
        &s.main,
        "import_qr",
        json!({ "channelId": channel, "kind": "group_qr", "image": b64(&fixture(fixture_name)) }),
    )
    .unwrap()
}

fn counter_input() -> Value {
    json!({ "template": "counter", "headline": "扫码加入茶友群", "gift": "入群即送 精美茶包一份" })
}

fn decode_data_url(url: &str) -> String {
    let png = url.strip_prefix("data:image/png;base64,").expect("a PNG data URL");
    let bytes = base64::engine::general_purpose::STANDARD.decode(png).unwrap();
    shopcircle_print::qr_import::decode(&bytes).expect("the preview's code scans")
}

/// Rasterizes the PDF's page as a printer driver would and reads its code.
fn decode_pdf(pdf: &Path) -> String {
    let out = pdf.with_file_name("rasterized-page");
    let status = Command::new("pdftoppm")
        .args(["-r", "100", "-png", "-singlefile"])
        .arg(pdf)
        .arg(&out)
        .status()
        .expect("pdftoppm (poppler-utils) is installed by scripts/setup.sh");
    assert!(status.success());
    let png = std::fs::read(out.with_extension("png")).unwrap();
    shopcircle_print::qr_import::decode(&png).expect("the printed code scans")
}

#[test]
fn the_designers_preview_shows_exactly_the_channels_code_in_the_chosen_template() {
    let shop = shop_with_code();
    for template in ["counter", "table_tent", "window"] {
        let preview = invoke(
            &shop.s.main,
            "preview_poster",
            json!({ "channelId": shop.channel, "input": { "template": template, "headline": "扫码加入茶友群" } }),
        )
        .unwrap();
        assert_eq!(preview["payload"], FIRST);
        // The table tent carries the code twice (one half upside down), so only
        // single-face templates are decoded as one code here.
        if template != "table_tent" {
            assert_eq!(decode_data_url(preview["image"].as_str().unwrap()), FIRST, "{template}");
        }
    }
    let a3 = invoke(
        &shop.s.main,
        "preview_poster",
        json!({ "channelId": shop.channel, "input": { "template": "window", "headline": "入群有礼" } }),
    )
    .unwrap();
    assert_eq!((a3["width_mm"].as_f64(), a3["height_mm"].as_f64()), (Some(297.0), Some(420.0)));
}

#[test]
fn bad_designer_input_is_explained_and_nothing_is_stored() {
    let shop = shop_with_code();
    let main = &shop.s.main;
    let empty = json!({ "template": "counter", "headline": "  " });
    let err =
        invoke(main, "preview_poster", json!({ "channelId": shop.channel, "input": empty })).unwrap_err();
    assert_eq!((err["code"].as_str(), err["field"].as_str()), (Some("invalid_input"), Some("headline")));
    let err =
        invoke(main, "create_poster", json!({ "channelId": shop.channel, "input": empty })).unwrap_err();
    assert_eq!(err["field"], "headline");

    let not_an_image = b64(&fixture("not-a-qr.jpg")[..200]);
    let err = invoke(
        main,
        "create_poster",
        json!({ "channelId": shop.channel, "input": counter_input(), "logo": not_an_image }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "bad_image", "{err}");
    assert!(!err["message"].as_str().unwrap().is_empty());
    assert_eq!(invoke(main, "list_posters", json!({})).unwrap(), json!([]), "nothing half-saved");
}

#[test]
fn a_logo_is_stored_scaled_and_the_code_under_it_still_scans() {
    let shop = shop_with_code();
    let logo = b64(&fixture("staff-contact-qr.png"));
    let p = invoke(
        &shop.s.main,
        "create_poster",
        json!({ "channelId": shop.channel, "input": counter_input(), "logo": logo }),
    )
    .unwrap();
    assert_eq!(p["has_logo"], true);
    let preview = invoke(
        &shop.s.main,
        "preview_poster",
        json!({ "channelId": shop.channel, "input": counter_input(), "posterId": p["id"] }),
    )
    .unwrap();
    // The logo is itself a QR image: the decoder may see it as well, so look for ours among all.
    let url = preview["image"].as_str().unwrap().strip_prefix("data:image/png;base64,").unwrap();
    let png = base64::engine::general_purpose::STANDARD.decode(url).unwrap();
    let img = image::load_from_memory(&png).unwrap().to_luma8();
    let found: Vec<String> = rqrr::PreparedImage::prepare(img)
        .detect_grids()
        .into_iter()
        .filter_map(|g| g.decode().ok().map(|(_, s)| s))
        .collect();
    assert!(found.iter().any(|s| s == FIRST), "{found:?}");
    let removed = invoke(
        &shop.s.main,
        "update_poster",
        json!({ "id": p["id"], "input": counter_input(), "removeLogo": true }),
    )
    .unwrap();
    assert_eq!(removed["has_logo"], false);
}

#[test]
fn replacing_the_code_makes_the_saved_pdf_again_with_the_new_code_and_logs_it() {
    let shop = shop_with_code();
    let p =
        invoke(&shop.s.main, "create_poster", json!({ "channelId": shop.channel, "input": counter_input() }))
            .unwrap();
    let id = p["id"].as_i64().unwrap();
    // What export_poster does once the owner picked a file in the save dialog.
    let out_dir = tempfile::tempdir().unwrap();
    let pdf = out_dir.path().join("counter.pdf");
    let gone = out_dir.path().join("moved-away");
    std::fs::create_dir(&gone).unwrap();
    let png = gone.join("counter.png");
    let conn = shopcircle_core::db::open(&shop.db).unwrap();
    let fonts = shopcircle_print::Fonts::system().unwrap();
    let req =
        FileRequest { format: OutputFormat::Pdf, dpi: None, path: pdf.clone(), reason: OutputReason::Saved };
    posters::make_file(&conn, &fonts, id, &req, Utc::now()).unwrap();
    assert_eq!(decode_pdf(&pdf), FIRST);
    let second =
        invoke(&shop.s.main, "create_poster", json!({ "channelId": shop.channel, "input": counter_input() }))
            .unwrap();
    let second = second["id"].as_i64().unwrap();
    let req = FileRequest {
        format: OutputFormat::Png,
        dpi: Some(150),
        path: png.clone(),
        reason: OutputReason::Saved,
    };
    posters::make_file(&conn, &fonts, second, &req, Utc::now()).unwrap();
    std::fs::remove_dir_all(&gone).unwrap();

    let replaced = import(&shop.s, shop.channel, "group-qr-renewed.png");
    assert_eq!(replaced["qr"]["payload"], RENEWED);
    let rerendered = replaced["rerendered"].as_array().unwrap();
    let ok: Vec<_> = rerendered.iter().filter(|r| r["error"].is_null()).collect();
    let failed: Vec<_> = rerendered.iter().filter(|r| !r["error"].is_null()).collect();
    assert_eq!((ok.len(), failed.len()), (1, 1), "{rerendered:?}");
    assert_eq!(ok[0]["path"], pdf.to_string_lossy().as_ref());
    assert_eq!(decode_pdf(&pdf), RENEWED, "the file on disk now carries the new code");
    assert_eq!(failed[0]["poster_id"], second);

    let history = invoke(&shop.s.main, "poster_history", json!({ "id": id })).unwrap();
    let reasons: Vec<&str> =
        history.as_array().unwrap().iter().map(|o| o["reason"].as_str().unwrap()).collect();
    assert_eq!(reasons, vec!["rerendered", "saved"]);
    let listed = invoke(&shop.s.main, "list_posters", json!({ "channelId": shop.channel })).unwrap();
    let stale: Vec<(i64, Value)> =
        listed.as_array().unwrap().iter().map(|p| (p["id"].as_i64().unwrap(), p["stale"].clone())).collect();
    assert!(stale.contains(&(id, Value::Null)), "{stale:?}");
    assert!(stale.contains(&(second, json!("qr_replaced"))), "the one that failed stays flagged: {stale:?}");
}

#[test]
fn a_poster_is_read_back_and_archived_and_its_code_date_corrected() {
    let shop = shop_with_code();
    let main = &shop.s.main;
    let made = invoke(main, "create_poster", json!({ "channelId": shop.channel, "input": counter_input() }))
        .unwrap();
    let got = invoke(main, "get_poster", json!({ "id": made["id"] })).unwrap();
    assert_eq!(got["headline"], "扫码加入茶友群");
    let qr = import(&shop.s, shop.channel, "group-qr-screenshot.png")["qr"].clone();
    let corrected =
        invoke(main, "correct_qr_made_on", json!({ "qrId": qr["id"], "madeOn": "2020-01-01" })).unwrap();
    assert_eq!(
        corrected["expires_at"], "2020-01-08T00:00:00Z",
        "seven days from midnight (UTC: no shop set up)"
    );
    let e =
        invoke(main, "correct_qr_made_on", json!({ "qrId": qr["id"], "madeOn": "2099-01-01" })).unwrap_err();
    assert_eq!(e["field"], "made_at");
    invoke(main, "archive_poster", json!({ "id": made["id"] })).unwrap();
    assert_eq!(invoke(main, "list_posters", json!({})).unwrap(), json!([]));
}

/// The file commands check what they are asked for before the save dialog or
/// the system viewer opens (those are driven in the end-to-end suite).
#[test]
fn the_file_commands_refuse_an_unknown_poster_batch_or_file_before_any_dialog() {
    let shop = shop_with_code();
    let main = &shop.s.main;
    for (cmd, args) in [
        ("export_poster", json!({ "id": 999, "format": "pdf" })),
        ("print_poster", json!({ "id": 999 })),
        ("reveal_poster_file", json!({ "outputId": 999 })),
        ("save_voucher_sheet", json!({ "id": 999 })),
        ("print_voucher_sheet", json!({ "id": 999 })),
        ("export_batch_csv", json!({ "id": 999 })),
    ] {
        let e = invoke(main, cmd, args).unwrap_err();
        assert_eq!(e["code"], "not_found", "{cmd}: {e}");
    }
}
