//! The file work under a backup: hashing, flushing, renaming into place, and
//! turning the system's refusals into the owner's words.

use std::io::{Read, Write};
use std::path::Path;

use sha2::{Digest, Sha256};

use super::BackupProblem;
use crate::Error;

/// SHA-256 of a file, lower-case hex, read in 1 MiB pieces.
pub(crate) fn sha256_file(path: &Path) -> std::io::Result<String> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hasher.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

/// Flushes a file's bytes to the disk.
pub(crate) fn sync_file(path: &Path) -> std::io::Result<()> {
    std::fs::File::open(path)?.sync_all()
}

/// Flushes a folder, so a rename in it survives a power cut.
pub(crate) fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        std::fs::File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// Writes `bytes` to `path` whole or not at all: a `.partial` file, flushed, renamed.
pub(crate) fn write_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let partial = partial_name(path);
    let written = (|| {
        let mut f = std::fs::File::create(&partial)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&partial, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    written
}

/// `NAME.partial` beside `path`.
pub(crate) fn partial_name(path: &Path) -> std::path::PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    path.with_file_name(name)
}

pub(crate) fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// The system's refusal while writing in `folder`, in the owner's words.
pub(crate) fn io_problem(folder: &Path, e: &std::io::Error) -> Error {
    use std::io::ErrorKind as K;
    let folder = shown(folder);
    let problem = match e.kind() {
        K::StorageFull | K::QuotaExceeded => BackupProblem::DiskFull { folder },
        K::PermissionDenied | K::ReadOnlyFilesystem => BackupProblem::FolderNotWritable { folder },
        K::NotFound => BackupProblem::FolderMissing { folder },
        _ if e.raw_os_error() == Some(28) => BackupProblem::DiskFull { folder },
        _ => BackupProblem::WriteFailed { folder, reason: e.to_string() },
    };
    Error::Backup(problem)
}

/// SQLite's refusal while writing a copy in `folder`, in the owner's words.
pub(crate) fn sqlite_problem(folder: &Path, e: rusqlite::Error) -> Error {
    use rusqlite::ErrorCode as C;
    let f = shown(folder);
    match e.sqlite_error_code() {
        Some(C::DiskFull) => Error::Backup(BackupProblem::DiskFull { folder: f }),
        Some(C::ReadOnly) | Some(C::CannotOpen) | Some(C::PermissionDenied) => {
            Error::Backup(BackupProblem::FolderNotWritable { folder: f })
        }
        Some(C::SystemIoFailure) => {
            Error::Backup(BackupProblem::WriteFailed { folder: f, reason: e.to_string() })
        }
        _ => Error::Database(e),
    }
}
