//! `qr import`, `qr expiring` and `poster render` on a database of their own.

use crate::common;
use common::cli;

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../tests/fixtures").join(name)
}

fn stdout_json(out: &assert_cmd::assert::Assert) -> serde_json::Value {
    serde_json::from_slice(&out.get_output().stdout).expect("JSON")
}

const GROUP: &str = "https://weixin.qq.com/g/AwYAAGx2aWxsYWdlLXRlYS1mcmllbmRzLWdyb3Vw";

fn with_community(db: &std::path::Path) {
    cli(db)
        .args(["community", "add", "--name", "Tea friends", "--kind", "high-frequency"])
        .assert()
        .success();
}

#[test]
fn importing_a_group_screenshot_prints_its_content_and_a_seven_day_expiry() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.db");
    with_community(&db);
    let out = cli(&db)
        .args(["--json", "qr", "import"])
        .arg(fixture("group-qr-screenshot.png"))
        .args(["--community", "1"])
        .assert()
        .success();
    let v = stdout_json(&out);
    assert_eq!(v["payload"], GROUP);
    let expires = chrono::DateTime::parse_from_rfc3339(v["expires_at"].as_str().unwrap()).unwrap();
    let days = (expires.with_timezone(&chrono::Utc) - chrono::Utc::now()).num_hours();
    assert!((167..=168).contains(&days), "expires in 7 days: {days} h");
}

#[test]
fn an_image_with_no_qr_or_two_is_refused_and_nothing_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.db");
    with_community(&db);
    for (image, message) in [("not-a-qr.jpg", "No QR code was found"), ("two-qrs.png", "holds 2 QR codes")] {
        let out =
            cli(&db).args(["qr", "import"]).arg(fixture(image)).args(["--community", "1"]).assert().failure();
        assert!(String::from_utf8_lossy(&out.get_output().stderr).contains(message));
    }
    let out = cli(&db).args(["--json", "qr", "expiring", "--days", "30"]).assert().success();
    assert_eq!(stdout_json(&out), serde_json::json!([]));
}

#[test]
fn the_expiry_watch_lists_a_code_made_long_ago_as_expired() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.db");
    with_community(&db);
    cli(&db)
        .args(["qr", "import"])
        .arg(fixture("group-qr-screenshot.png"))
        .args(["--community", "1", "--channel", "shop-window", "--made", "2020-01-01"])
        .assert()
        .success();
    let out = cli(&db).args(["--json", "qr", "expiring"]).assert().success();
    let v = stdout_json(&out);
    assert_eq!(v[0]["expired"], true);
    assert_eq!(v[0]["channel_name"], "shop-window");
    assert_eq!(v[0]["qr"]["payload"], GROUP);
}

#[test]
fn a_poster_rendered_from_a_channel_carries_that_channels_code() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.db");
    with_community(&db);
    cli(&db)
        .args(["qr", "import"])
        .arg(fixture("wecom-join-link-qr.png"))
        .args(["--community", "1"])
        .assert()
        .success();
    let png = dir.path().join("poster.png");
    cli(&db)
        .args(["poster", "render", "--channel", "1", "--template", "counter", "--headline", "扫码加入茶友群"])
        .args(["--format", "png", "--dpi", "100", "--out"])
        .arg(&png)
        .assert()
        .success();
    let img = image::open(&png).unwrap().to_luma8();
    let codes: Vec<String> = rqrr::PreparedImage::prepare(img)
        .detect_grids()
        .into_iter()
        .filter_map(|g| g.decode().ok().map(|(_, s)| s))
        .collect();
    assert_eq!(codes, vec!["https://work.weixin.qq.com/gm/3f2a9c1d7e5b4a60a8d2c4e6f8b0a1c2".to_string()]);
}

#[test]
fn a_poster_with_an_unknown_template_or_no_headline_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.db");
    let out = dir.path().join("x.pdf");
    cli(&db).arg("init").assert().success();
    let bad = cli(&db)
        .args(["poster", "render", "--payload", "x", "--template", "flyer", "--headline", "h", "--out"])
        .arg(&out)
        .assert()
        .failure();
    assert!(String::from_utf8_lossy(&bad.get_output().stderr).contains("Template \"flyer\" is not known"));
    let empty = cli(&db)
        .args(["poster", "render", "--payload", "x", "--template", "counter", "--headline", " ", "--out"])
        .arg(&out)
        .assert()
        .failure();
    assert!(String::from_utf8_lossy(&empty.get_output().stderr).contains("Headline cannot be empty"));
    assert!(!out.exists());
}

#[test]
fn decode_prints_what_the_one_code_in_an_image_carries() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.db");
    let out = cli(&db).args(["qr", "decode"]).arg(fixture("wecom-join-link-qr.png")).assert().success();
    assert_eq!(
        String::from_utf8_lossy(&out.get_output().stdout).trim(),
        "https://work.weixin.qq.com/gm/3f2a9c1d7e5b4a60a8d2c4e6f8b0a1c2"
    );
    let out = cli(&db).args(["--json", "qr", "decode"]).arg(fixture("two-qrs.png")).assert().failure();
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("holds 2 QR codes"));
}
