//! The whole shop in one file, for a new laptop: a consistent copy of the
//! database (which holds every image and the voucher key) and the erasures
//! recorded beside it, encrypted with a key derived from the owner's
//! passphrase. The voucher key is what makes vouchers unforgeable, so it never
//! leaves the laptop in clear.
//!
//! Format (version 1): the 16-byte magic `SHOPCIRCLE-SHOP\n`, a version byte,
//! Argon2id's memory (KiB), passes and lanes (u32 LE each), a 16-byte salt and
//! a 19-byte nonce prefix, and 16 bytes of SHA-256 of the derived key (so a
//! wrong passphrase is told from a damaged file): the header. Then the payload in 1 MiB pieces, each
//! sealed with XChaCha20-Poly1305 under the nonce `prefix ‖ piece number (u32
//! BE) ‖ last (1) or not (0)` and the header as associated data (the STREAM
//! construction): a piece moved, dropped, or the file cut short is caught.
//! The payload: a u32 LE length, the JSON description (`ShopFile` and the
//! erasures), then the database file.

use std::io::{Read, Write};
use std::path::Path;

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use chrono::{DateTime, Utc};
use rand::RngCore;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use sha2::Digest;

use super::{restore, Restored};
use crate::backup::files::{io_problem, partial_name, shown, sync_dir};
use crate::backup::{self, BackupProblem, Counts, Reason};
use crate::{member, Error, Field, Problem, Result};

const MAGIC: &[u8; 16] = b"SHOPCIRCLE-SHOP\n";
const VERSION: u8 = 1;
const HEADER_LEN: usize = 16 + 1 + 12 + 16 + 19 + 16;
const PIECE: usize = 1 << 20;
const TAG: usize = 16;
/// The shortest passphrase accepted.
pub const PASSPHRASE_MIN: usize = 8;
pub const PASSPHRASE_MAX: usize = 200;

/// How hard the passphrase is to guess by trying: Argon2id's memory and passes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KdfCost {
    pub memory_kib: u32,
    pub passes: u32,
}

impl KdfCost {
    /// What the owner's files use: 64 MiB, 3 passes (a quarter second or so).
    pub const OWNER: KdfCost = KdfCost { memory_kib: 64 * 1024, passes: 3 };
    /// For tests only: cheap, and still Argon2id.
    #[doc(hidden)]
    pub const TEST: KdfCost = KdfCost { memory_kib: 64, passes: 1 };
}

/// What a whole-shop file holds, shown before it is imported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct ShopFile {
    pub shop_name: String,
    pub exported_at: DateTime<Utc>,
    pub app_version: String,
    #[ts(type = "number")]
    pub schema_version: i64,
    pub counts: Counts,
}

#[derive(Serialize, Deserialize)]
struct Description {
    shop: ShopFile,
    erasures: Vec<String>,
}

fn check_passphrase(passphrase: &str) -> Result<()> {
    let n = passphrase.chars().count();
    if n < PASSPHRASE_MIN {
        return Err(Error::invalid(Field::Passphrase, Problem::TooShort { min: PASSPHRASE_MIN }));
    }
    if n > PASSPHRASE_MAX {
        return Err(Error::invalid(Field::Passphrase, Problem::TooLong { max: PASSPHRASE_MAX }));
    }
    Ok(())
}

fn derive(passphrase: &str, salt: &[u8], cost: KdfCost) -> Result<(XChaCha20Poly1305, [u8; 16])> {
    let params = Params::new(cost.memory_kib, cost.passes, 1, Some(32))
        .map_err(|_| Error::Backup(BackupProblem::NotAShopFile { file: String::new() }))?;
    let mut key = [0u8; 32];
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(passphrase.as_bytes(), salt, &mut key)
        .map_err(|_| Error::Backup(BackupProblem::NotAShopFile { file: String::new() }))?;
    let mut check = [0u8; 16];
    check.copy_from_slice(
        &sha2::Sha256::new_with_prefix(b"shopcircle-shop-key-check").chain_update(key).finalize()[..16],
    );
    Ok((XChaCha20Poly1305::new(&key.into()), check))
}

fn nonce(prefix: &[u8], piece: u32, last: bool) -> XNonce {
    let mut n = [0u8; 24];
    n[..19].copy_from_slice(prefix);
    n[19..23].copy_from_slice(&piece.to_be_bytes());
    n[23] = u8::from(last);
    n.into()
}

/// Writes the whole shop `conn` is connected to into `out`, sealed with
/// `passphrase`: whole or not at all. What it holds.
pub fn export_shop(
    conn: &Connection,
    out: &Path,
    passphrase: &str,
    cost: KdfCost,
    now: DateTime<Utc>,
) -> Result<ShopFile> {
    check_passphrase(passphrase)?;
    let db = conn.path().filter(|p| !p.is_empty()).map(std::path::PathBuf::from);
    let out_dir = out.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new(".")).to_path_buf();
    // The clear copy stays in the private data folder, never beside the output.
    let work = db.as_deref().map(backup::default_folder).unwrap_or_else(|| out_dir.clone());
    let copy = backup::back_up(conn, &work, Reason::Manual, now)?;
    let written =
        seal(conn, Path::new(&copy.path), &copy.manifest, db.as_deref(), out, passphrase, cost, now);
    let _ = std::fs::remove_file(&copy.path);
    let _ = std::fs::remove_file(Path::new(&copy.path).with_extension("json"));
    written
}

#[allow(clippy::too_many_arguments)]
fn seal(
    conn: &Connection,
    copy: &Path,
    manifest: &backup::Manifest,
    db: Option<&Path>,
    out: &Path,
    passphrase: &str,
    cost: KdfCost,
    now: DateTime<Utc>,
) -> Result<ShopFile> {
    let out_dir = out.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new(".")).to_path_buf();
    let shop_name = crate::shop::get(conn)?.map(|s| s.name).unwrap_or_default();
    let shop = ShopFile {
        shop_name,
        exported_at: now,
        app_version: manifest.app_version.clone(),
        schema_version: manifest.schema_version,
        counts: manifest.counts,
    };
    let mut erasures: Vec<String> = conn
        .prepare("SELECT key_hash FROM member_erasure")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if let Some(db) = db {
        for h in member::read_outside(&member::erasures_file(db)) {
            if !erasures.contains(&h) {
                erasures.push(h);
            }
        }
    }
    let description = serde_json::to_vec(&Description { shop: shop.clone(), erasures })
        .map_err(|e| Error::Migration(e.to_string()))?;

    let mut salt = [0u8; 16];
    let mut prefix = [0u8; 19];
    rand::rngs::OsRng.fill_bytes(&mut salt);
    rand::rngs::OsRng.fill_bytes(&mut prefix);
    let mut header = Vec::with_capacity(HEADER_LEN);
    header.extend_from_slice(MAGIC);
    header.push(VERSION);
    for v in [cost.memory_kib, cost.passes, 1] {
        header.extend_from_slice(&v.to_le_bytes());
    }
    header.extend_from_slice(&salt);
    header.extend_from_slice(&prefix);
    let (cipher, check) = derive(passphrase, &salt, cost)?;
    header.extend_from_slice(&check);

    let partial = partial_name(out);
    let written = (|| -> Result<()> {
        let io = |e: std::io::Error| io_problem(&out_dir, &e);
        let mut file = std::io::BufWriter::new(std::fs::File::create(&partial).map_err(io)?);
        file.write_all(&header).map_err(io)?;
        let mut payload = (description.len() as u32).to_le_bytes().to_vec();
        payload.extend_from_slice(&description);
        let db_file = std::fs::File::open(copy).map_err(io)?;
        let mut source = std::io::Cursor::new(payload).chain(db_file);
        let mut piece = vec![0u8; PIECE];
        let mut filled = fill(&mut source, &mut piece).map_err(io)?;
        let mut number: u32 = 0;
        loop {
            let mut next = vec![0u8; PIECE];
            let next_filled = if filled == PIECE { fill(&mut source, &mut next).map_err(io)? } else { 0 };
            let last = next_filled == 0;
            let sealed = cipher
                .encrypt(&nonce(&prefix, number, last), Payload { msg: &piece[..filled], aad: &header })
                .map_err(|_| Error::Migration("encryption failed".into()))?;
            file.write_all(&sealed).map_err(io)?;
            if last {
                break;
            }
            piece = next;
            filled = next_filled;
            number += 1;
        }
        let file = file.into_inner().map_err(|e| io(e.into_error()))?;
        file.sync_all().map_err(io)?;
        std::fs::rename(&partial, out).map_err(io)?;
        sync_dir(&out_dir).map_err(io)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    written.map(|()| shop)
}

/// Reads until `buf` is full or the source ends; how many bytes.
fn fill(source: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match source.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

/// Opens a whole-shop file: its pieces in order, each checked. `each` gets
/// the payload as it is read.
fn open_sealed(file: &Path, passphrase: &str, mut each: impl FnMut(&[u8]) -> Result<bool>) -> Result<()> {
    let name = shown(file);
    let not_ours = || Error::Backup(BackupProblem::NotAShopFile { file: name.clone() });
    let damaged = || Error::Backup(BackupProblem::ShopFileDamaged { file: name.clone() });
    let mut input = std::fs::File::open(file)
        .map_err(|_| Error::Backup(BackupProblem::Missing { file: name.clone() }))?;
    let mut header = [0u8; HEADER_LEN];
    input.read_exact(&mut header).map_err(|_| not_ours())?;
    if &header[..16] != MAGIC || header[16] != VERSION {
        return Err(not_ours());
    }
    let le = |at: usize| u32::from_le_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]]);
    let cost = KdfCost { memory_kib: le(17), passes: le(21) };
    // A header asking for absurd work is not one we wrote.
    if le(25) != 1 || cost.memory_kib > 4 * 1024 * 1024 || cost.passes > 64 {
        return Err(not_ours());
    }
    let salt = &header[29..45];
    let prefix = &header[45..64];
    check_passphrase(passphrase)?;
    let (cipher, check) = derive(passphrase, salt, cost)?;
    if check[..] != header[64..80] {
        return Err(Error::Backup(BackupProblem::WrongPassphrase));
    }
    let mut input = std::io::BufReader::new(input);
    let mut piece = vec![0u8; PIECE + TAG];
    let mut filled = fill(&mut input, &mut piece).map_err(|_| damaged())?;
    let mut number: u32 = 0;
    loop {
        let mut next = vec![0u8; PIECE + TAG];
        let next_filled =
            if filled == PIECE + TAG { fill(&mut input, &mut next).map_err(|_| damaged())? } else { 0 };
        let last = next_filled == 0;
        let opened =
            cipher.decrypt(&nonce(prefix, number, last), Payload { msg: &piece[..filled], aad: &header });
        let plain = opened.map_err(|_| damaged())?;
        if !each(&plain)? || last {
            return Ok(());
        }
        piece = next;
        filled = next_filled;
        number += 1;
    }
}

/// Splits the payload into its description and the database bytes.
struct Payloads<'a> {
    buffered: Vec<u8>,
    description: Option<Description>,
    db: Option<&'a mut dyn Write>,
}

impl Payloads<'_> {
    fn take(&mut self, plain: &[u8]) -> std::io::Result<bool> {
        if self.description.is_some() {
            if let Some(db) = self.db.as_mut() {
                db.write_all(plain)?;
            }
            return Ok(self.db.is_some());
        }
        self.buffered.extend_from_slice(plain);
        if self.buffered.len() < 4 {
            return Ok(true);
        }
        let len = u32::from_le_bytes([self.buffered[0], self.buffered[1], self.buffered[2], self.buffered[3]])
            as usize;
        if self.buffered.len() < 4 + len {
            return Ok(true);
        }
        let d: Description = serde_json::from_slice(&self.buffered[4..4 + len])
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
        self.description = Some(d);
        let rest = self.buffered.split_off(4 + len);
        if let Some(db) = self.db.as_mut() {
            db.write_all(&rest)?;
        }
        Ok(self.db.is_some())
    }
}

/// What a whole-shop file holds (its passphrase checked), without importing it.
pub fn read_shop_file(file: &Path, passphrase: &str) -> Result<ShopFile> {
    let damaged = || Error::Backup(BackupProblem::ShopFileDamaged { file: shown(file) });
    let mut payloads = Payloads { buffered: Vec::new(), description: None, db: None };
    open_sealed(file, passphrase, |plain| payloads.take(plain).map_err(|_| damaged()))?;
    payloads.description.map(|d| d.shop).ok_or_else(damaged)
}

/// Imports a whole-shop file in place of the shop at `db` (backed up first,
/// as any restore): checked whole before anything is replaced.
pub fn import_shop(db: &Path, file: &Path, passphrase: &str, now: DateTime<Utc>) -> Result<Restored> {
    let damaged = || Error::Backup(BackupProblem::ShopFileDamaged { file: shown(file) });
    let work = backup::default_folder(db);
    std::fs::create_dir_all(&work).map_err(|e| io_problem(&work, &e))?;
    let clear = work.join(format!("import-{}.db.partial", now.format("%Y%m%d-%H%M%S")));
    let unpacked = (|| -> Result<Description> {
        let mut out =
            std::io::BufWriter::new(std::fs::File::create(&clear).map_err(|e| io_problem(&work, &e))?);
        let mut payloads = Payloads { buffered: Vec::new(), description: None, db: Some(&mut out) };
        open_sealed(file, passphrase, |plain| {
            payloads.take(plain).map_err(|e| match e.kind() {
                std::io::ErrorKind::InvalidData => damaged(),
                _ => io_problem(&work, &e),
            })
        })?;
        let description = payloads.description.take().ok_or_else(damaged)?;
        drop(payloads);
        out.flush().map_err(|e| io_problem(&work, &e))?;
        Ok(description)
    })();
    let outcome = unpacked.and_then(|description| {
        let mut restored = restore(db, &clear, now)?;
        // The old laptop's erasures are this shop's only once it is in place
        // (a refused import must not erase anyone here).
        let erasures = member::erasures_file(db);
        let known = member::read_outside(&erasures);
        let fresh: Vec<&String> = description.erasures.iter().filter(|h| !known.contains(h)).collect();
        for h in &fresh {
            member::record_outside(&erasures, h).map_err(|e| io_problem(&work, &e))?;
        }
        if !fresh.is_empty() {
            let mut conn = crate::db::open_with(db, crate::db::IfMissing::Refuse, now)?;
            restored.erased_again += member::reapply(&mut conn, &member::read_outside(&erasures), now)?;
        }
        Ok(restored)
    });
    let _ = std::fs::remove_file(&clear);
    outcome
}
