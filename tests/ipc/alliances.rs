//! An alliance through the shell's commands: a partner added (refused with
//! its agreement backwards), the alliance created, a partner's voucher
//! redeemed here, and the month's settlement saved as PDF and CSV through
//! the save dialog.

use crate::common;

use common::{invoke, shell_saving_to};
use serde_json::json;

#[test]
fn a_partners_voucher_is_counted_in_the_settlement_saved_as_pdf_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let s = shell_saving_to(&dir.path().join("shop.db"), out.path());
    common::set_up_tea_shop(&s, "zh-CN");
    let group = common::community(&s, "茶友群");
    let today = invoke(&s.main, "shop_today", json!({})).unwrap().as_str().unwrap().to_owned();
    let partner = |from: &str, to: &str| {
        json!({ "input": { "community_id": group, "name": "隔壁面包店", "business": "面包店",
            "agreement_from": from, "agreement_to": to, "fee_cents": 200 } })
    };
    let backwards = invoke(&s.main, "add_partner", partner(&today, "2020-01-01")).unwrap_err();
    assert_eq!(backwards["field"], "ends_on");
    let p = invoke(&s.main, "add_partner", partner(&today, &today)).unwrap();
    assert_eq!(invoke(&s.main, "list_partners", json!({})).unwrap()[0]["active"], true);
    let input = json!({ "input": { "community_id": group, "partner_ids": [p["id"]],
        "benefit": { "kind": "amount_off", "cents": 1000 }, "min_spend_cents": null,
        "vouchers_per_partner": 10, "first_day": today, "last_day": today } });
    assert_eq!(invoke(&s.main, "preview_alliance", input.clone()).unwrap()["refused"], false);
    let made = invoke(&s.main, "create_alliance", input).unwrap();
    let batch = made["batch_ids"][0].as_i64().unwrap();
    let code = invoke(&s.main, "voucher_preview", json!({ "batchId": batch, "code": null })).unwrap()["code"]
        .as_str()
        .unwrap()
        .to_owned();
    let redeemed = invoke(
        &s.main,
        "redeem_voucher",
        json!({ "input": { "code": code, "staff": "", "spend_cents": null } }),
    )
    .unwrap();
    assert_eq!(redeemed["voucher"]["batch_name"], "来自隔壁面包店：立减 ¥10");
    let console = invoke(&s.main, "alliance_console", json!({ "id": made["id"] })).unwrap();
    assert_eq!(
        (console["partners"][0]["redeemed"].as_i64(), console["partners"][0]["fee_cents"].as_i64()),
        (Some(1), Some(200))
    );

    let month = &today[..7];
    let sheet = invoke(&s.main, "partner_settlement", json!({ "id": p["id"], "month": month })).unwrap();
    assert_eq!(sheet["redeemed"], 1);
    let pdf =
        invoke(&s.main, "save_partner_settlement", json!({ "id": p["id"], "month": month, "csv": false }))
            .unwrap();
    assert!(std::fs::read(pdf.as_str().unwrap()).unwrap().starts_with(b"%PDF"));
    let csv =
        invoke(&s.main, "save_partner_settlement", json!({ "id": p["id"], "month": month, "csv": true }))
            .unwrap();
    assert!(std::fs::read_to_string(csv.as_str().unwrap()).unwrap().contains(&code));
    let bad =
        invoke(&s.main, "save_partner_settlement", json!({ "id": p["id"], "month": "soon", "csv": true }))
            .unwrap_err();
    assert_eq!(bad["field"], "date");
}
