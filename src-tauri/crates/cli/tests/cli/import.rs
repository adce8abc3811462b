//! Importing a till's GBK export from the terminal: the preview names each
//! broken row, the commit adds the good ones, a second commit adds nothing,
//! and the import is undone.

use crate::common;
use common::{cli, json, stdout};

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../tests/fixtures").join(name)
}

#[test]
fn a_gbk_till_export_is_previewed_committed_once_and_undone() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::new_db(&dir);
    let file = fixture("till-orders-gbk.csv");
    let preview = stdout(&cli(&db).arg("import").arg("preview").arg(&file).assert().success());
    assert_eq!(
        preview,
        "till-orders-gbk.csv: 4 new, 0 duplicate, 2 with errors (generic)\n\
         line 7: The amount \"十二元\" cannot be read\n\
         line 9: The date \"2026-02-30 11:00\" cannot be read"
    );
    let shown = json(
        &cli(&db).args(["--json", "import", "preview"]).arg(&file).assert().success().get_output().stdout,
    );
    assert_eq!(
        (shown["encoding"].as_str(), shown["header_line"].as_u64(), shown["totals"][0].as_u64()),
        (Some("gb18030"), Some(3), Some(10))
    );

    let batch = stdout(&cli(&db).arg("import").arg("commit").arg(&file).assert().success());
    let again = cli(&db).arg("import").arg("commit").arg(&file).assert().failure();
    assert!(String::from_utf8_lossy(&again.get_output().stderr).contains("Nothing new to import"));
    let after = stdout(&cli(&db).arg("import").arg("preview").arg(&file).assert().success());
    assert!(after.starts_with("till-orders-gbk.csv: 0 new, 4 duplicate, 2 with errors"), "{after}");

    cli(&db).args(["import", "undo", &batch]).assert().success();
    let fresh = stdout(&cli(&db).arg("import").arg("preview").arg(&file).assert().success());
    assert!(fresh.starts_with("till-orders-gbk.csv: 4 new"), "{fresh}");
    let picture = cli(&db).arg("import").arg("preview").arg(fixture("not-a-qr.jpg")).assert().failure();
    assert!(String::from_utf8_lossy(&picture.get_output().stderr).contains("picture"));
}
