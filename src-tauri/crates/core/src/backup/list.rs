//! The backups in a folder, newest first, and the leftovers of unfinished ones.

use std::path::Path;

use super::{Backup, Manifest};

/// The finished backups in `dir` (a copy with its manifest), newest first; an
/// unreadable or missing folder lists none.
pub fn list(dir: &Path) -> Vec<Backup> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut found: Vec<Backup> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "db"))
        .filter_map(|copy| {
            let manifest = manifest_of(&copy)?;
            let on_disk = std::fs::metadata(&copy).ok()?.len();
            (on_disk == manifest.bytes).then(|| Backup { path: copy.display().to_string(), manifest })
        })
        .collect();
    found.sort_by(|a, b| b.manifest.taken_at.cmp(&a.manifest.taken_at).then(b.path.cmp(&a.path)));
    found
}

/// The newest finished backup in `dir`.
pub fn newest(dir: &Path) -> Option<Backup> {
    list(dir).into_iter().next()
}

/// The manifest beside a copy, when there is one that names it.
pub(super) fn manifest_of(copy: &Path) -> Option<Manifest> {
    let text = std::fs::read(copy.with_extension("json")).ok()?;
    let manifest: Manifest = serde_json::from_slice(&text).ok()?;
    let name = copy.file_name()?.to_string_lossy();
    (manifest.file == name).then_some(manifest)
}

/// Removes what an interrupted backup left (`.partial` files, a manifest whose
/// copy never arrived); how many files. Skipped while a backup is being
/// written into the folder (its lock is held), so a running one is never cut.
pub fn clean_partials(dir: &Path) -> usize {
    let Some(_lock) = super::make::try_lock_folder(dir) else { return 0 };
    let Ok(entries) = std::fs::read_dir(dir) else { return 0 };
    let mut removed = 0;
    for path in entries.filter_map(|e| e.ok()).map(|e| e.path()) {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let unfinished = name.ends_with(".partial")
            || (name.starts_with("shopcircle-")
                && name.ends_with(".json")
                && !path.with_extension("db").exists());
        if unfinished && std::fs::remove_file(&path).is_ok() {
            removed += 1;
        }
    }
    removed
}
