//! The probes of issue 11, run as a user ran them, each with the answer it
//! now gets: nothing the owner did not ask for is changed, nothing panics.

use crate::common;
use common::cli;

fn stderr(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stderr).into_owned()
}

#[test]
fn a_huge_day_count_is_refused_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.db");
    cli(&db).arg("init").assert().success();
    for days in ["9223372036854775807", "1000000000", "-1"] {
        let out = cli(&db).args(["qr", "expiring", "--days", days]).assert().code(1);
        assert!(
            stderr(&out).contains("Number of days must be between 0 and 366"),
            "{days}: {}",
            stderr(&out)
        );
    }
}

#[cfg(unix)]
#[test]
fn a_device_or_a_fifo_is_refused_as_an_image_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.db");
    cli(&db).args(["community", "add", "--name", "Tea friends", "--kind", "niche"]).assert().success();
    let fifo = dir.path().join("pipe.png");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    for image in [std::path::Path::new("/dev/zero"), fifo.as_path()] {
        let out = cli(&db).args(["qr", "import"]).arg(image).args(["--community", "1"]).assert().code(1);
        assert!(stderr(&out).contains("not an ordinary file"), "{}", stderr(&out));
    }
    let sparse = dir.path().join("huge.png");
    std::fs::File::create(&sparse).unwrap().set_len(1 << 30).unwrap();
    let out = cli(&db).args(["qr", "decode"]).arg(&sparse).assert().code(1);
    assert!(stderr(&out).contains("too large"), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn a_read_only_out_file_is_left_as_it_was() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = common::new_db(&dir);
    let issued = cli(&db)
        .args(["voucher", "issue", "--amount-off", "5", "--count", "2", "--valid-until", "2099-12-31"])
        .assert()
        .success();
    assert!(!issued.get_output().stdout.is_empty());
    let keep = dir.path().join("keep.csv");
    std::fs::write(&keep, "mine").unwrap();
    std::fs::set_permissions(&keep, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = cli(&db).args(["voucher", "csv", "--batch", "1", "--out"]).arg(&keep).assert().code(1);
    assert!(stderr(&out).contains("read-only"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&keep).unwrap(), "mine");
    assert_eq!(std::fs::metadata(&keep).unwrap().permissions().mode() & 0o777, 0o444);
    let out = cli(&db).args(["voucher", "csv", "--batch", "1", "--out", "/dev/null"]).assert().code(1);
    assert!(stderr(&out).contains("not an ordinary file"), "{}", stderr(&out));
}

#[test]
fn a_png_is_never_written_under_a_pdf_name_and_a_bad_colour_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.db");
    cli(&db).arg("init").assert().success();
    let pdf = dir.path().join("x.pdf");
    let render = |extra: &[&str]| {
        let mut c = cli(&db);
        c.args(["poster", "render", "--payload", "https://x.cn", "--template", "counter"]).args(extra);
        if !extra.contains(&"--headline") {
            c.args(["--headline", "Join us"]);
        }
        c.arg("--out").arg(&pdf);
        c
    };
    let out = render(&["--format", "png"]).assert().code(1);
    assert!(
        stderr(&out).contains("File format: the file name ends in .pdf but the file would be png"),
        "{}",
        stderr(&out)
    );
    let out = render(&["--color", "green"]).assert().code(1);
    assert!(stderr(&out).contains("Brand colour"), "{}", stderr(&out));
    let long = "长".repeat(61);
    let out = render(&["--headline", &long]).assert().code(1);
    assert!(stderr(&out).contains("at most 60 characters"), "{}", stderr(&out));
    assert!(!pdf.exists());
    render(&["--format", "PDF"]).assert().success();
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
}

#[test]
fn four_processes_opening_a_new_database_at_once_all_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let bin = assert_cmd::cargo::cargo_bin("shopcircle-cli");
    // Spawned together, not one after another, so they race for the new file;
    // a few rounds, since a lost race is a matter of timing.
    for round in 0..10 {
        let db = dir.path().join(format!("race-{round}.db"));
        let racers: Vec<_> = (0..4)
            .map(|_| {
                std::process::Command::new(&bin)
                    .arg("--db")
                    .arg(&db)
                    .arg("init")
                    .env_remove("SHOPCIRCLE_DB")
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in racers {
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success(), "round {round}: {}", String::from_utf8_lossy(&out.stderr));
        }
    }
}

// See issue 11: `voucher image|void|undo` answered `Voucher code "This code
// was not issued by this shop" is not known`.
#[test]
fn a_code_that_is_not_ours_is_refused_in_plain_words() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::new_db(&dir);
    cli(&db)
        .args(["voucher", "issue", "--amount-off", "5", "--count", "1", "--valid-until", "2099-12-31"])
        .assert()
        .success();
    let out_png = dir.path().join("x.png");
    let not_ours = "ABCD-EFGH-JKMN-PQRS-TVWX";
    for args in [
        vec!["voucher", "image", not_ours, "--out", out_png.to_str().unwrap()],
        vec!["voucher", "void", "--code", not_ours, "--reason", "lost"],
        vec!["voucher", "undo", not_ours, "--reason", "mistake"],
    ] {
        let err = stderr(&cli(&db).args(&args).assert().code(1));
        assert_eq!(err.trim(), "error: Voucher code: This code was not issued by this shop", "{args:?}");
    }
    let err = stderr(&cli(&db).args(["voucher", "image", "hello", "--out"]).arg(&out_png).assert().code(1));
    assert!(err.contains("Voucher code: A voucher code has 20 characters; this has 5"), "{err}");
    assert!(!out_png.exists());
}
