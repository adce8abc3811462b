//! The owner's files: what is written (posters, sheets, CSV, .ics) replaces a
//! file only when it is an ordinary, writable file, and whole or not at all;
//! what is read (a screenshot, a logo) is checked for its kind and size
//! before a byte is read. Issue 11 found `--out` turning a symlink, a FIFO or
//! a read-only file into a new file, and `/dev/zero` read until memory ran out.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::{Error, FileProblem, Result};

/// The largest image the owner may import (a phone screenshot is a few MB).
pub const IMAGE_MAX_BYTES: u64 = 20 * 1024 * 1024;

/// Reads an ordinary file of at most `max` bytes.
pub fn read_input(path: &Path, max: u64) -> Result<Vec<u8>> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if !meta.is_file() {
        return Err(Error::file(path, FileProblem::NotRegular));
    }
    let too_large = || Error::file(path, FileProblem::TooLarge { max_mb: max.div_ceil(1024 * 1024) });
    if meta.len() > max {
        return Err(too_large());
    }
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    // The size may change between the look and the read; never take more.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max + 1).read_to_end(&mut bytes).map_err(|e| Error::io(path, e))?;
    if bytes.len() as u64 > max {
        return Err(too_large());
    }
    Ok(bytes)
}

/// Writes `bytes` to `path` through a temporary file beside it, flushed to the
/// disk and renamed over the target: the path holds the old file or the whole
/// new one, never a part. A symbolic link is followed and its target replaced
/// (keeping the link); a folder, FIFO or device, and a file the owner cannot
/// write, are refused untouched. An existing file keeps its permissions. The
/// temporary file has a name of its own (created new, never through a link),
/// so two writers or a planted link cannot meet in it.
pub fn write_output(path: &Path, bytes: &[u8]) -> Result<()> {
    let target = resolve(path)?;
    let existing = match std::fs::metadata(&target) {
        Ok(meta) if !meta.is_file() => return Err(Error::file(path, FileProblem::NotRegular)),
        Ok(meta) if meta.permissions().readonly() || !writable(&target) => {
            return Err(Error::file(path, FileProblem::ReadOnly))
        }
        Ok(meta) => Some(meta.permissions()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(Error::io(path, e)),
    };
    let dir = target.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".shopcircle-tmp")
        .tempfile_in(dir)
        .map_err(|e| Error::io(path, e))?;
    let written = (|| {
        if let Some(permissions) = existing {
            tmp.as_file().set_permissions(permissions)?;
        }
        tmp.write_all(bytes)?;
        tmp.as_file().sync_all()
    })();
    written.map_err(|e| Error::io(path, e))?;
    // On failure the temporary file is removed when `tmp` is dropped.
    tmp.persist(&target).map(drop).map_err(|e| Error::io(path, e.error))
}

/// Whether this user may write the file: the mode bits alone do not say
/// (a root-owned 0644 file is not "read-only" by them). Opening for writing
/// without truncating changes nothing.
fn writable(file: &Path) -> bool {
    std::fs::OpenOptions::new().write(true).open(file).is_ok()
}

/// The file a path names: itself, or where its chain of links ends.
fn resolve(path: &Path) -> Result<PathBuf> {
    let mut current = path.to_owned();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = std::fs::read_link(&current).map_err(|e| Error::io(path, e))?;
                current = match current.parent() {
                    Some(dir) if link.is_relative() => dir.join(link),
                    _ => link,
                };
            }
            Ok(_) => return Ok(current),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return if current == path {
                    Ok(current)
                } else {
                    Err(Error::file(path, FileProblem::DanglingLink))
                };
            }
            Err(e) => return Err(Error::io(path, e)),
        }
    }
    Err(Error::file(path, FileProblem::DanglingLink))
}

#[cfg(test)]
mod tests;
