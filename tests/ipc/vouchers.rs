//! Gifts and vouchers through the shell's commands: the counter's answers,
//! stock moved by redemptions, bad input named by field, and the cards and
//! sheets the owner saves or prints, decoded back.

use crate::common;

use std::path::Path;
use std::process::Command;

use base64::Engine;
use chrono::{Duration, Utc};
use common::{invoke, shell, Shell};
use serde_json::{json, Value};
use shopcircle_app::vouchers;
use shopcircle_core::db;
use shopcircle_print::voucher::{read_sheet_page, CARDS_PER_PAGE};

fn shop_with_gift(s: &Shell, stock: i64) -> i64 {
    common::set_up_tea_shop(s, "zh-CN");
    let gift = invoke(
        &s.main,
        "create_gift",
        json!({
            "input": { "name": "精美茶包", "kind": "drainage", "unit_cost_cents": 350, "value_cents": 1500, "low_stock_at": 2 },
            "stock": stock,
        }),
    )
    .unwrap();
    gift["id"].as_i64().unwrap()
}

fn until() -> String {
    (Utc::now() + Duration::days(30)).format("%Y-%m-%d").to_string()
}

fn issue(s: &Shell, gift: i64, count: i64) -> (i64, Vec<String>) {
    let batch = invoke(
        &s.main,
        "issue_batch",
        json!({ "input": { "benefit": { "kind": "gift", "gift_id": gift }, "count": count, "valid_until": until() } }),
    )
    .unwrap();
    let id = batch["id"].as_i64().unwrap();
    let rows = invoke(&s.main, "batch_vouchers", json!({ "id": id })).unwrap();
    let codes = rows.as_array().unwrap().iter().map(|r| r["code"].as_str().unwrap().to_owned()).collect();
    (id, codes)
}

fn redeem(s: &Shell, code: &str) -> Value {
    invoke(&s.main, "redeem_voucher", json!({ "input": { "code": code, "staff": "小美" } })).unwrap()
}

/// The code with one symbol changed, as a clerk might mistype it.
fn with_typo(code: &str, at: usize) -> String {
    let mut chars: Vec<char> = code.chars().collect();
    chars[at] = if chars[at] == '7' { '8' } else { '7' };
    chars.into_iter().collect()
}

#[test]
fn a_redeemed_gift_voucher_moves_the_stock_and_a_second_scan_is_told_when() {
    let dir = tempfile::tempdir().unwrap();
    let s = shell(&dir.path().join("shop.db"));
    let gift = shop_with_gift(&s, 3);
    let (batch, codes) = issue(&s, gift, 5);
    assert_eq!(codes.len(), 5);

    let first = redeem(&s, &codes[0]);
    assert_eq!(first["status"], "redeemed");
    assert_eq!(first["voucher"]["benefit"]["gift_name"], "精美茶包");
    assert_eq!(first["stock_left"], 2);
    let again = redeem(&s, &codes[0].to_lowercase());
    assert_eq!(again["status"], "already_redeemed");
    assert_eq!(again["redeemed_at"], first["redeemed_at"]);
    assert_eq!(again["redeemed_by"], "小美");

    // The 7th symbol (the 8th character, after the first hyphen) mistyped.
    let typo = redeem(&s, &with_typo(&codes[1], 7));
    assert_eq!(typo, json!({ "status": "mistyped", "position": 7 }));
    assert_eq!(redeem(&s, "K7QM-3XPA-9D2F-ABCD-EFGH")["status"], "not_ours");

    // Stock at the warning level: on the home screen's list, and the history says why.
    let low = invoke(&s.main, "low_stock_gifts", json!({})).unwrap();
    assert_eq!(low[0]["id"], gift);
    let moves = invoke(&s.main, "gift_moves", json!({ "id": gift })).unwrap();
    assert_eq!(moves[0]["reason"], "redeemed");
    assert_eq!(moves[0]["code"], codes[0].as_str());

    let b = invoke(&s.main, "get_batch", json!({ "id": batch })).unwrap();
    assert_eq!((b["stats"]["issued"].as_i64(), b["stats"]["redeemed"].as_i64()), (Some(5), Some(1)));
    assert_eq!(b["stats"]["gift_cost_cents"], 350);

    let undone = invoke(
        &s.main,
        "undo_redemption",
        json!({ "code": codes[0], "reason": "扫错了券", "staff": "小美" }),
    )
    .unwrap();
    assert_eq!(undone["voucher"]["code"], codes[0].as_str());
    assert_eq!(undone["stock_left"], 3);
    assert_eq!(redeem(&s, &codes[0])["status"], "redeemed");
    let log = invoke(&s.main, "batch_events", json!({ "id": batch })).unwrap();
    let actions: Vec<&str> = log.as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["redeemed", "undone", "redeemed"]);
    assert_eq!(
        (log[1]["code"].as_str(), log[1]["reason"].as_str()),
        (Some(codes[0].as_str()), Some("扫错了券"))
    );
}

#[test]
fn bad_input_is_refused_by_field_in_the_shops_language_and_nothing_is_issued() {
    let dir = tempfile::tempdir().unwrap();
    let db_path = dir.path().join("shop.db");
    let s = shell(&db_path);
    let gift = shop_with_gift(&s, 10);
    let too_many = invoke(
        &s.main,
        "issue_batch",
        json!({ "input": { "benefit": { "kind": "gift", "gift_id": gift }, "count": 100_001, "valid_until": until() } }),
    )
    .unwrap_err();
    assert_eq!(too_many["field"], "quantity");
    assert!(too_many["message"].as_str().unwrap().contains("100000"), "{too_many}");
    let backwards = invoke(
        &s.main,
        "issue_batch",
        json!({ "input": { "benefit": { "kind": "percent_off", "percent": 10 }, "count": 5,
                           "valid_from": "2026-12-31", "valid_until": "2026-12-01" } }),
    )
    .unwrap_err();
    assert_eq!(backwards["field"], "valid_until");
    let kind = invoke(
        &s.main,
        "create_gift",
        json!({ "input": { "name": "茶杯", "kind": "bribe", "unit_cost_cents": 1, "value_cents": 1 }, "stock": 1 }),
    )
    .unwrap_err();
    assert_eq!(kind["field"], "kind");
    let reason = invoke(&s.main, "void_batch", json!({ "id": 1, "reason": "  " })).unwrap_err();
    assert_eq!(reason["field"], "reason");
    // A code from nowhere is refused before any dialog asks where to save it.
    let image =
        invoke(&s.main, "save_voucher_image", json!({ "code": "K7QM-3XPA-9D2F-ABCD-EFGH" })).unwrap_err();
    assert_eq!(image["field"], "code");
    assert!(image["message"].as_str().unwrap().contains("本店"), "{image}");

    let conn = db::open(&db_path).unwrap();
    let vouchers: i64 = conn.query_row("SELECT count(*) FROM voucher", [], |r| r.get(0)).unwrap();
    assert_eq!(vouchers, 0);
}

#[test]
fn the_preview_card_and_every_card_of_the_sheet_scan_to_their_codes() {
    let dir = tempfile::tempdir().unwrap();
    let db_path = dir.path().join("shop.db");
    let s = shell(&db_path);
    let gift = shop_with_gift(&s, 10);
    let (batch, codes) = issue(&s, gift, 12);

    let preview = invoke(&s.main, "voucher_preview", json!({ "batchId": batch, "code": codes[3] })).unwrap();
    assert_eq!(preview["code"], codes[3].as_str());
    let png = base64::engine::general_purpose::STANDARD.decode(preview["png"].as_str().unwrap()).unwrap();
    assert_eq!(shopcircle_print::qr_import::decode(&png).unwrap(), codes[3]);

    // What save_voucher_sheet writes once the dialog answers, with one voucher
    // redeemed first: the sheet holds the eleven still open, each scanning back.
    assert_eq!(redeem(&s, &codes[0])["status"], "redeemed");
    let conn = db::open(&db_path).unwrap();
    let fonts = shopcircle_print::Fonts::system().unwrap();
    let (pdf, _) = vouchers::sheet(&conn, &fonts, batch, shopcircle_core::Lang::ZhCn, Utc::now()).unwrap();
    let file = dir.path().join("sheet.pdf");
    std::fs::write(&file, pdf).unwrap();
    assert_eq!(rasterize_and_decode(&file, 11), codes[1..].to_vec());
}

/// Every page through pdftoppm, as a printer driver would see it, then every
/// card read at its slot; a card that does not scan fails the test.
fn rasterize_and_decode(pdf: &Path, cards: usize) -> Vec<String> {
    let prefix = pdf.with_file_name("page");
    let status = Command::new("pdftoppm").args(["-r", "200", "-png"]).arg(pdf).arg(&prefix).status();
    assert!(status.expect("pdftoppm (poppler-utils) is installed").success());
    let mut pages: Vec<_> = std::fs::read_dir(pdf.parent().unwrap())
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("page-"))
        .collect();
    pages.sort();
    let mut codes = Vec::new();
    for (n, page) in pages.iter().enumerate() {
        let on_page = (cards - n * CARDS_PER_PAGE).min(CARDS_PER_PAGE);
        let read = read_sheet_page(&image::open(page).unwrap().to_luma8(), 200, on_page);
        codes.extend(read.into_iter().map(|c| c.expect("every card's QR scans")));
    }
    codes
}
