//! The `--out` and input probes of issue 11, each with the answer it now gets.

use super::*;

#[test]
fn a_file_is_replaced_whole_and_no_temporary_file_is_left() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("券.csv");
    write_output(&path, b"old").unwrap();
    write_output(&path, b"new and longer").unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"new and longer");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn a_folder_that_is_gone_is_an_error_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("moved").join("poster.pdf");
    assert!(matches!(write_output(&path, b"x"), Err(Error::File { problem: FileProblem::Io(..), .. })));
    assert!(!dir.path().join("moved").exists());
}

#[cfg(unix)]
#[test]
fn a_symlink_is_written_through_and_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.pdf");
    std::fs::write(&real, b"old").unwrap();
    let link = dir.path().join("link.pdf");
    std::os::unix::fs::symlink("real.pdf", &link).unwrap();
    write_output(&link, b"new").unwrap();
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert_eq!(std::fs::read(&real).unwrap(), b"new");
}

#[cfg(unix)]
#[test]
fn a_dangling_link_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("link.pdf");
    std::os::unix::fs::symlink("nowhere/x.pdf", &link).unwrap();
    let err = write_output(&link, b"new").unwrap_err();
    assert!(matches!(err, Error::File { problem: FileProblem::DanglingLink, .. }));
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_refused_and_keeps_its_bytes_and_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("keep.csv");
    std::fs::write(&path, b"mine").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let err = write_output(&path, b"theirs").unwrap_err();
    assert_eq!(err.code(), "file_refused");
    assert!(err.message(shopcircle_core::Lang::En).contains("read-only"));
    assert!(err.message(shopcircle_core::Lang::ZhCn).contains("只读"));
    assert_eq!(std::fs::read(&path).unwrap(), b"mine");
    assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o444);
}

#[cfg(unix)]
#[test]
fn an_existing_file_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("private.csv");
    std::fs::write(&path, b"old").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    write_output(&path, b"new").unwrap();
    assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
}

#[cfg(unix)]
#[test]
fn a_device_a_fifo_or_a_folder_is_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    for path in [Path::new("/dev/null"), fifo.as_path(), dir.path()] {
        let err = write_output(path, b"x").unwrap_err();
        assert!(matches!(err, Error::File { problem: FileProblem::NotRegular, .. }), "{}", path.display());
    }
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
}

#[cfg(unix)]
#[test]
fn inputs_are_checked_for_kind_and_size_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    // Reading a FIFO with no writer would wait forever; it is refused at once.
    for path in [Path::new("/dev/zero"), fifo.as_path(), dir.path()] {
        let err = read_input(path, IMAGE_MAX_BYTES).unwrap_err();
        assert!(matches!(err, Error::File { problem: FileProblem::NotRegular, .. }), "{}", path.display());
    }
    // A 1 GB sparse file is refused by its size, not read.
    let sparse = dir.path().join("huge.png");
    std::fs::File::create(&sparse).unwrap().set_len(1 << 30).unwrap();
    let err = read_input(&sparse, IMAGE_MAX_BYTES).unwrap_err();
    assert!(matches!(err, Error::File { problem: FileProblem::TooLarge { max_mb: 20 }, .. }));
    let small = dir.path().join("small.png");
    std::fs::write(&small, b"png").unwrap();
    assert_eq!(read_input(&small, IMAGE_MAX_BYTES).unwrap(), b"png");
}

#[cfg(unix)]
#[test]
fn a_link_planted_where_a_temporary_file_used_to_go_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    // The name the temporary file had before it was made unique.
    std::os::unix::fs::symlink(&victim, dir.path().join(".poster.pdf.shopcircle-tmp")).unwrap();
    write_output(&dir.path().join("poster.pdf"), b"%PDF").unwrap();
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    assert_eq!(std::fs::read(dir.path().join("poster.pdf")).unwrap(), b"%PDF");
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".shopcircle-tmp") && n != ".poster.pdf.shopcircle-tmp")
        .collect();
    assert!(left.is_empty(), "no temporary file left: {left:?}");
}
