//! Importing a till's export through the shell: the file's bytes as base64,
//! the preview with its error rows, the commit, the list of imports, the undo.

use crate::common;

use base64::Engine;
use common::{invoke, shell};
use serde_json::json;

#[test]
fn a_gbk_export_is_previewed_committed_listed_and_undone() {
    let dir = tempfile::tempdir().unwrap();
    let s = shell(&dir.path().join("shop.db"));
    common::set_up_tea_shop(&s, "en");
    let bytes = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/till-orders-gbk.csv"),
    )
    .expect("fixture");
    let data = base64::engine::general_purpose::STANDARD.encode(bytes);
    let args = json!({ "fileName": "till-orders-gbk.csv", "data": data, "options": { "unticked": [5] } });
    let preview = invoke(&s.main, "preview_import", args.clone()).unwrap();
    assert_eq!((preview["new"].as_u64(), preview["errors"].as_u64()), (Some(4), Some(2)));
    assert_eq!(preview["rows"][3]["reason"], "The amount \"十二元\" cannot be read");
    let batch = invoke(&s.main, "commit_import", args).unwrap();
    assert_eq!(batch["new_rows"], 3, "line 5 was unticked");
    assert_eq!(invoke(&s.main, "list_imports", json!({})).unwrap().as_array().unwrap().len(), 1);
    let undone = invoke(&s.main, "undo_import", json!({ "id": batch["id"] })).unwrap();
    assert!(undone["undone_at"].is_string());
    let bad = invoke(
        &s.main,
        "preview_import",
        json!({ "fileName": "x.csv", "data": "not base64!", "options": {} }),
    )
    .unwrap_err();
    assert_eq!(bad["code"], "bad_upload");
}
