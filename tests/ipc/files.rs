//! The commands that save files, through the mock runtime, with the save
//! dialog answered by a folder (the real dialog is driven end to end): what
//! lands on disk is what the owner asked for.

use crate::common;

use std::path::Path;
use std::process::Command;

use base64::Engine;
use common::{invoke, Shell};
use serde_json::{json, Value};

fn ok(s: &Shell, cmd: &str, args: Value) -> Value {
    invoke(&s.main, cmd, args).unwrap_or_else(|e| panic!("{cmd}: {e}"))
}

fn pdf_pages(pdf: &Path) -> usize {
    let out = Command::new("pdfinfo").arg(pdf).output().expect("pdfinfo (poppler-utils) is installed");
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text.lines().find(|l| l.starts_with("Pages:")).expect("a page count");
    line.split_whitespace().last().unwrap().parse().unwrap()
}

fn decode_png(png: &[u8]) -> Vec<String> {
    let img = image::load_from_memory(png).expect("a PNG").to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare(img);
    prepared.detect_grids().into_iter().filter_map(|g| g.decode().ok().map(|(_, s)| s)).collect()
}

#[test]
fn a_poster_a_sheet_a_card_a_csv_and_the_calendar_are_saved_where_the_dialog_says() {
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("Documents");
    std::fs::create_dir(&saved).unwrap();
    let s = common::shell_saving_to(&dir.path().join("shop.db"), &saved);
    common::set_up_tea_shop(&s, "en");
    let community = common::community(&s, "Tea friends");

    // A poster from a channel's code.
    let channel = ok(
        &s,
        "create_channel",
        json!({ "communityId": community, "input": { "kind": "counter", "name": "Counter" } }),
    );
    let fixture =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/group-qr-screenshot.png"))
            .unwrap();
    let image = base64::engine::general_purpose::STANDARD.encode(fixture);
    ok(&s, "import_qr", json!({ "channelId": channel["id"], "kind": "group_qr", "image": image }));
    let poster = ok(
        &s,
        "create_poster",
        json!({ "channelId": channel["id"], "input": { "template": "counter", "headline": "Join our tea friends" } }),
    );
    let made = ok(&s, "export_poster", json!({ "id": poster["id"], "format": "pdf" }));
    let pdf = saved.join("Join our tea friends - counter.pdf");
    assert_eq!(made["last_output"]["path"], pdf.to_string_lossy().as_ref());
    assert_eq!(pdf_pages(&pdf), 1);

    // Twelve vouchers: a sheet of two pages, a CSV of twelve lines, one card.
    let batch = ok(
        &s,
        "issue_batch",
        json!({ "input": { "benefit": { "kind": "amount_off", "cents": 500 }, "count": 12, "valid_until": "2099-12-31" } }),
    );
    let sheet = ok(&s, "save_voucher_sheet", json!({ "id": batch["id"] }));
    assert_eq!(pdf_pages(Path::new(sheet.as_str().unwrap())), 2, "ten cards a page");
    let csv = ok(&s, "export_batch_csv", json!({ "id": batch["id"] }));
    let text = std::fs::read_to_string(csv.as_str().unwrap()).unwrap();
    assert!(text.starts_with('\u{feff}'), "a BOM, so spreadsheet programs read the Chinese");
    assert_eq!(text.lines().count(), 13, "a header and one line a voucher");
    let code = ok(&s, "batch_vouchers", json!({ "id": batch["id"] }))[0]["code"].as_str().unwrap().to_owned();
    let card = ok(&s, "save_voucher_image", json!({ "code": code }));
    assert_eq!(decode_png(&std::fs::read(card.as_str().unwrap()).unwrap()), vec![code]);

    // The schedules for a phone calendar.
    ok(
        &s,
        "create_schedule",
        json!({ "input": { "title": "Spike", "purpose": "campaign", "community_id": community,
        "rule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH", "start": "2026-11-23 20:00", "zone": "", "ends_on": null,
        "skipped": [], "lead_minutes": 30, "message": "" } }),
    );
    let ics = ok(&s, "export_schedules_ics", json!({}));
    let text = std::fs::read_to_string(ics.as_str().unwrap()).unwrap();
    assert!(text.contains("RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH"), "{text}");
    assert!(text.contains("SUMMARY:Spike"));
}

#[cfg(unix)]
#[test]
fn a_read_only_file_chosen_in_the_dialog_is_left_as_it_was() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let s = common::shell_saving_to(&dir.path().join("shop.db"), dir.path());
    common::set_up_tea_shop(&s, "en");
    let batch = ok(
        &s,
        "issue_batch",
        json!({ "input": { "benefit": { "kind": "percent_off", "percent": 10 }, "count": 1, "valid_until": "2099-12-31" } }),
    );
    let name = format!("{} ({}).csv", batch["name"].as_str().unwrap(), batch["id"]);
    let target = dir.path().join(name);
    std::fs::write(&target, "mine").unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o444)).unwrap();
    let e = invoke(&s.main, "export_batch_csv", json!({ "id": batch["id"] })).unwrap_err();
    assert_eq!(e["code"], "file_refused");
    assert!(e["message"].as_str().unwrap().contains("read-only"), "{e}");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "mine");
}
