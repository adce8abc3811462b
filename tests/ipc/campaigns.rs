//! Products and campaigns through the shell's commands: a product added and
//! repriced, a flash sale reviewed then created from the same input, listed
//! and cancelled.

use crate::common;

use chrono::{Datelike, Duration, Utc, Weekday};
use common::{invoke, shell, Shell};
use serde_json::{json, Value};

fn ok(s: &Shell, cmd: &str, args: Value) -> Value {
    invoke(&s.main, cmd, args).unwrap_or_else(|e| panic!("{cmd}: {e}"))
}

/// A Monday between one and seven days ahead, in Shanghai.
fn next_monday() -> chrono::NaiveDate {
    let mut d = Utc::now().date_naive() + Duration::days(7);
    while d.weekday() != Weekday::Mon {
        d -= Duration::days(1);
    }
    d
}

#[test]
fn a_product_goes_on_a_flash_sale_reviewed_created_and_cancelled() {
    let dir = tempfile::tempdir().unwrap();
    let s = shell(&dir.path().join("shop.db"));
    common::set_up_tea_shop(&s, "en");
    let group = common::community(&s, "Tea friends");
    let product = json!({ "name": "Tieguanyin", "unit": "tin", "price_cents": 3900, "cost_cents": 1800, "stock": 40, "role": "traffic" });
    let tea = ok(&s, "create_product", json!({ "input": product, "photo": null }));
    let id = tea["id"].as_i64().unwrap();
    let cheaper = json!({ "name": "Tieguanyin", "unit": "tin", "price_cents": 3500, "cost_cents": 1800, "stock": 40, "role": "traffic" });
    ok(&s, "update_product", json!({ "id": id, "input": cheaper, "photo": null, "removePhoto": false }));
    assert_eq!(ok(&s, "product_prices", json!({ "id": id })).as_array().unwrap().len(), 2);
    let refused = invoke(&s.main, "create_product", json!({ "input": { "name": "x", "price_cents": 0, "cost_cents": 0, "stock": 1, "role": "profit" }, "photo": null })).unwrap_err();
    assert_eq!((refused["code"].as_str(), refused["field"].as_str()), (Some("invalid_input"), Some("price")));

    let monday = next_monday();
    let input = json!({
        "product_id": id, "price_cents": 1990, "quantity": 20, "per_customer": 1,
        "rule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH", "start": format!("{monday} 20:00"), "minutes": 30,
        "ends_on": (monday + Duration::days(3)).to_string(), "community_ids": [group], "lead_minutes": 60, "pickup_days": 3,
    });
    let plan = ok(&s, "preview_spike", json!({ "input": input }));
    assert_eq!((plan["sessions"].as_array().unwrap().len(), plan["refused"].as_bool()), (4, Some(false)));
    assert_eq!(plan["reference_cents"], 3500, "the week's low, not the first price");
    // A draft first, resumed, then published in place.
    let draft = ok(&s, "save_spike_draft", json!({ "id": null, "input": input }));
    assert_eq!(ok(&s, "spike_draft", json!({ "id": draft }))["quantity"], 20);
    assert_eq!(ok(&s, "list_campaigns", json!({ "status": "draft" })).as_array().unwrap().len(), 1);
    let made = ok(&s, "create_spike", json!({ "input": input, "draftId": draft }));
    assert_eq!(made["id"], draft);
    let scratch = ok(&s, "save_spike_draft", json!({ "id": null, "input": input }));
    ok(&s, "discard_campaign_draft", json!({ "id": scratch }));
    assert_eq!(made["content_ids"].as_array().unwrap().len(), plan["posts"].as_array().unwrap().len());
    let campaigns = ok(&s, "list_campaigns", json!({ "status": "scheduled" }));
    assert_eq!(campaigns[0]["id"], made["id"]);

    let again = invoke(&s.main, "create_spike", json!({ "input": input })).unwrap_err();
    assert_eq!(again["code"], "plan_refused");
    let done = ok(&s, "cancel_campaign", json!({ "id": made["id"], "reason": "Tea delayed" }));
    assert_eq!(done["posts_withdrawn"], 12);
    assert_eq!(ok(&s, "list_campaigns", json!({ "status": "cancelled" })).as_array().unwrap().len(), 1);
}
