//! Importing QR screenshots: the fixtures in tests/fixtures are the kinds of
//! image an owner drops in.

use shopcircle_print::qr_import::decode;
use shopcircle_print::Error;

fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../tests/fixtures").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn a_wechat_group_screenshot_gives_its_group_link() {
    assert_eq!(
        decode(&fixture("group-qr-screenshot.png")).unwrap(),
        "https://weixin.qq.com/g/AwYAAGx2aWxsYWdlLXRlYS1mcmllbmRzLWdyb3Vw"
    );
}

#[test]
fn a_staff_contact_code_and_a_wecom_join_code_decode() {
    assert_eq!(
        decode(&fixture("staff-contact-qr.png")).unwrap(),
        "https://u.wechat.com/EKx7vqzQ3oYFmPq0Wd1nAbc"
    );
    assert_eq!(
        decode(&fixture("wecom-join-link-qr.png")).unwrap(),
        "https://work.weixin.qq.com/gm/3f2a9c1d7e5b4a60a8d2c4e6f8b0a1c2"
    );
}

#[test]
fn an_image_without_a_qr_or_with_two_is_refused_clearly() {
    assert_eq!(decode(&fixture("not-a-qr.jpg")), Err(Error::NoQrFound));
    assert_eq!(decode(&fixture("two-qrs.png")), Err(Error::SeveralQrFound { count: 2 }));
}

#[test]
fn a_file_that_is_not_an_image_or_is_cut_short_is_refused() {
    assert!(matches!(decode(b"%PDF-1.7 not an image"), Err(Error::BadImage(_))));
    let png = fixture("wecom-join-link-qr.png");
    assert!(matches!(decode(&png[..png.len() / 2]), Err(Error::BadImage(_))));
}
