//! An import from the file to the database: the preview, the commit (which
//! recomputes the same plan inside its transaction and writes exactly the
//! rows it shows as new, less those the owner unticked), and its undo.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::customers::{self, KnownMembers, NewMember};
use super::plan::{self, Known, PlannedRow, RowOutcome};
use super::preset::{self, Columns, Preset, Target};
use super::{table, text, workbook, TextEncoding};
use crate::member::{ConsentInput, ConsentMethod, MemberInput};
use crate::{shop, Error, Field, Lang, Problem, Result};

/// What the owner chose: a preset (else the headers decide), an encoding
/// (else it is found), and the rows they unticked, by line.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct ImportOptions {
    #[serde(default)]
    pub preset: Option<String>,
    #[serde(default)]
    pub encoding: Option<TextEncoding>,
    #[serde(default)]
    #[ts(type = "number[]")]
    pub unticked: Vec<usize>,
    /// Columns mapped by hand (the generic kind only); saved for the file's
    /// header row when the import is committed.
    #[serde(default)]
    #[ts(optional)]
    pub columns: Option<Columns>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ImportPreview {
    pub file_name: String,
    pub encoding: TextEncoding,
    /// Characters the encoding could not read: the file may be in another one.
    #[ts(type = "number")]
    pub replaced: usize,
    pub preset: String,
    /// Sales or members: what the rows become.
    pub target: Target,
    pub headers: Vec<String>,
    pub columns: Columns,
    #[ts(type = "number")]
    pub header_line: usize,
    /// Title lines above the header, and total lines at the bottom, set aside.
    #[ts(type = "number")]
    pub skipped_top: usize,
    #[ts(type = "number[]")]
    pub totals: Vec<usize>,
    pub rows: Vec<PlannedRow>,
    #[ts(type = "number")]
    pub new: usize,
    #[ts(type = "number")]
    pub duplicates: usize,
    #[ts(type = "number")]
    pub errors: usize,
    /// When this very file was imported before, if it was.
    pub imported_before: Option<String>,
    /// The columns were mapped by hand: now, or saved from an earlier import of this header row.
    pub mapped: bool,
    /// A file of the generic kind whose amounts or dates were not found: no
    /// rows are planned until the owner maps the columns.
    pub unmapped: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ImportBatch {
    #[ts(type = "number")]
    pub id: i64,
    pub file_name: String,
    pub preset: String,
    #[ts(type = "number")]
    pub new_rows: i64,
    #[ts(type = "number")]
    pub duplicate_rows: i64,
    #[ts(type = "number")]
    pub error_rows: i64,
    pub imported_at: String,
    pub undone_at: Option<String>,
}

type Prepared = (ImportPreview, &'static Preset, HashMap<usize, NewMember>);

fn prepare(conn: &Connection, bytes: &[u8], file_name: &str, opts: &ImportOptions) -> Result<Prepared> {
    let lang = shop::language_or(conn, Lang::En);
    let (table, encoding, replaced) = if workbook::is_workbook(bytes) {
        if bytes.len() > text::MAX_MB * 1024 * 1024 {
            return Err(Error::invalid(Field::File, Problem::TooLarge { max_mb: text::MAX_MB }));
        }
        (table::from_rows(workbook::rows(bytes, lang)?, ',')?, TextEncoding::Workbook, 0)
    } else {
        let decoded = text::decode(bytes, opts.encoding, lang)?;
        (table::read(&decoded.text)?, decoded.encoding, decoded.replaced)
    };
    let preset = preset::find(&table.headers, opts.preset.as_deref())
        .ok_or_else(|| crate::validate::unknown(Field::Preset, opts.preset.as_deref().unwrap_or("")))?;
    let (columns, mapped) = match (&opts.columns, preset.id) {
        (Some(c), "generic") => {
            if !c.fits(table.headers.len()) {
                return Err(crate::validate::unknown(Field::File, "columns"));
            }
            (c.clone(), true)
        }
        (None, "generic") => match saved_mapping(conn, &table.headers)? {
            Some(c) if c.fits(table.headers.len()) => (c, true),
            _ => (preset.columns(&table.headers), false),
        },
        _ => (preset.columns(&table.headers), false),
    };
    let missing = match preset.target {
        Target::Purchases => columns.amount.is_none() || columns.occurred_at.is_none(),
        Target::Members => columns.name.is_none() && columns.nickname.is_none(),
    };
    let unmapped = missing && preset.id == "generic";
    if missing && !unmapped {
        let reason = match (preset.target, lang) {
            (Target::Purchases, Lang::En) => {
                "No column of amounts or of dates was found: choose the preset that matches the file"
            }
            (Target::Purchases, Lang::ZhCn) => "没有找到金额列或日期列：请选择与文件对应的模板",
            (Target::Members, Lang::En) => {
                "No column of names was found: choose the preset that matches the file"
            }
            (Target::Members, Lang::ZhCn) => "没有找到姓名列：请选择与文件对应的模板",
        };
        return Err(Error::invalid(Field::File, Problem::Refused { reason: reason.to_owned() }));
    }
    let zone = shop::zone(conn)?;
    let mut new_members = HashMap::new();
    let rows = match preset.target {
        _ if unmapped => Vec::new(),
        Target::Purchases => {
            let known = Known { orders: orders(conn, preset.system)?, members: members(conn)? };
            plan::rows(&table, preset, &columns, &known, zone, lang)
        }
        Target::Members => {
            let known = KnownMembers { by_phone: members(conn)?, by_names: names(conn)? };
            customers::rows(&table, &columns, &known, zone, lang)
                .into_iter()
                .map(|(row, new)| {
                    if let Some(m) = new {
                        new_members.insert(row.line, m);
                    }
                    row
                })
                .collect()
        }
    };
    let count = |o: RowOutcome| rows.iter().filter(|r| r.outcome == o).count();
    let sha = hex(&Sha256::digest(bytes));
    let imported_before: Option<String> = conn
        .query_row(
            "SELECT imported_at FROM import_batch WHERE sha256 = ?1 AND undone_at IS NULL ORDER BY id DESC LIMIT 1",
            [&sha],
            |r| r.get(0),
        )
        .optional()?;
    Ok((
        ImportPreview {
            file_name: file_name.to_owned(),
            encoding,
            replaced,
            preset: preset.id.to_owned(),
            target: preset.target,
            headers: table.headers,
            columns,
            header_line: table.header_line,
            skipped_top: table.skipped_top,
            totals: table.totals,
            new: count(RowOutcome::New),
            duplicates: count(RowOutcome::Duplicate),
            errors: count(RowOutcome::Error),
            rows,
            imported_before,
            mapped,
            unmapped,
        },
        preset,
        new_members,
    ))
}

pub fn preview(
    conn: &Connection,
    bytes: &[u8],
    file_name: &str,
    opts: &ImportOptions,
) -> Result<ImportPreview> {
    Ok(prepare(conn, bytes, file_name, opts)?.0)
}

/// Writes the rows the preview shows as new, less the unticked ones, in one
/// transaction; a batch that can be undone. Nothing new is refused, writing nothing.
pub fn commit(
    conn: &mut Connection,
    bytes: &[u8],
    file_name: &str,
    opts: &ImportOptions,
    now: DateTime<Utc>,
) -> Result<ImportBatch> {
    // An import writes hundreds of rows at once: the shop is copied first.
    crate::backup::before_risky(conn, crate::backup::Reason::BeforeImport, now)?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let (p, preset, new_members) = prepare(&tx, bytes, file_name, opts)?;
    if p.unmapped {
        let reason = match shop::language_or(&tx, Lang::En) {
            Lang::En => "No column of amounts or of dates was found: choose the preset that matches the file, or map the columns",
            Lang::ZhCn => "没有找到金额列或日期列：请选择与文件对应的模板，或手动对应各列",
        };
        return Err(Error::invalid(Field::File, Problem::Refused { reason: reason.to_owned() }));
    }
    let unticked: HashSet<usize> = opts.unticked.iter().copied().collect();
    let chosen: Vec<&PlannedRow> =
        p.rows.iter().filter(|r| r.outcome == RowOutcome::New && !unticked.contains(&r.line)).collect();
    if chosen.is_empty() {
        let reason = match shop::language_or(&tx, Lang::En) {
            Lang::En => "Nothing new to import: every row is already in, unticked or has an error".to_owned(),
            Lang::ZhCn => "没有可导入的新记录：每一行都已导入、被取消勾选或有错误".to_owned(),
        };
        return Err(Error::invalid(Field::File, Problem::Refused { reason }));
    }
    tx.execute(
        "INSERT INTO import_batch (file_name, sha256, encoding, preset, new_rows, duplicate_rows, error_rows, imported_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            file_name,
            hex(&Sha256::digest(bytes)),
            serde_json::to_value(p.encoding).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default(),
            preset.id,
            chosen.len() as i64,
            p.duplicates as i64,
            p.errors as i64,
            now
        ],
    )?;
    let batch_id = tx.last_insert_rowid();
    if let (Some(c), "generic") = (&opts.columns, preset.id) {
        tx.execute(
            "INSERT INTO import_mapping (signature, columns, saved_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (signature) DO UPDATE SET columns = excluded.columns, saved_at = excluded.saved_at",
            params![preset::signature(&p.headers), serde_json::to_string(c).unwrap_or_default(), now],
        )?;
    }
    if preset.target == Target::Members {
        for r in chosen {
            let m = new_members.get(&r.line).ok_or(Error::Damaged("an imported customer"))?;
            add_member(&tx, m, preset, batch_id, now)?;
        }
        tx.commit()?;
        return get(conn, batch_id);
    }
    for r in chosen {
        let at = plan::at(r).ok_or(Error::Damaged("an import row's date"))?;
        tx.prepare_cached(
            "INSERT INTO purchase (member_id, occurred_at, amount_cents, items, source, external_system, external_order_id,
                 import_batch_id, created_at)
             VALUES (?1, ?2, ?3, ?4, 'import', ?5, ?6, ?7, ?8)",
        )?
        .execute(params![r.member_id, at, r.amount_cents, r.items, preset.system, r.order_id, batch_id, now])?;
        if r.refunded_cents > 0 {
            let purchase_id = tx.last_insert_rowid();
            tx.prepare_cached(
                "INSERT INTO refund (purchase_id, amount_cents, reason, refunded_at) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![purchase_id, r.refunded_cents, refunded_at_till(&tx), now])?;
        }
    }
    tx.commit()?;
    get(conn, batch_id)
}

fn refunded_at_till(conn: &Connection) -> &'static str {
    match shop::language_or(conn, Lang::En) {
        Lang::En => "Refunded at the till (imported)",
        Lang::ZhCn => "收银系统中已退款（导入）",
    }
}

/// A customer of the list as a member: their consent recorded as given
/// through the other system (membership only), the import remembered.
fn add_member(
    tx: &Transaction,
    m: &NewMember,
    preset: &Preset,
    batch_id: i64,
    now: DateTime<Utc>,
) -> Result<()> {
    let recorded_by = match shop::language_or(tx, Lang::En) {
        Lang::En => format!("Imported ({})", preset.id),
        Lang::ZhCn => format!("导入（{}）", preset.id),
    };
    let input = MemberInput {
        phone: m.phone.clone().unwrap_or_default(),
        wechat_nickname: m.nickname.clone(),
        birthday: m.birthday.clone().unwrap_or_default(),
        tags: m.tags.clone(),
        ..MemberInput::new(
            &m.display_name,
            ConsentInput { method: ConsentMethod::Imported, marketing: false, recorded_by },
        )
    };
    let id = crate::member::create_in(tx, &input, m.joined_at.unwrap_or(now))?;
    tx.execute("UPDATE member SET import_batch_id = ?1 WHERE id = ?2", params![batch_id, id])?;
    Ok(())
}

/// Takes an import back: its sales and their imported refunds go (or the
/// members it added), the batch stays marked. Refused when a sale of it was
/// refunded here since, or a member it added has been used since.
pub fn undo(conn: &mut Connection, batch_id: i64, now: DateTime<Utc>) -> Result<ImportBatch> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let batch = get(&tx, batch_id)?;
    if batch.undone_at.is_some() {
        return Err(Error::NothingToUndo);
    }
    if preset::find(&[], Some(&batch.preset)).map(|p| p.target) == Some(Target::Members) {
        let used: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM member m WHERE m.import_batch_id = ?1 AND (
                 m.merged_into IS NOT NULL OR m.erased_at IS NOT NULL
                 OR EXISTS (SELECT 1 FROM purchase p WHERE p.member_id = m.id)
                 OR EXISTS (SELECT 1 FROM membership s WHERE s.member_id = m.id)
                 OR EXISTS (SELECT 1 FROM member_merge g WHERE g.kept_id = m.id OR g.merged_id = m.id)
                 OR EXISTS (SELECT 1 FROM rule_event e WHERE e.member_id = m.id)
                 OR EXISTS (SELECT 1 FROM member r WHERE r.referred_by = m.id)))",
            [batch_id],
            |r| r.get(0),
        )?;
        if used {
            let reason = match shop::language_or(&tx, Lang::En) {
                Lang::En => {
                    "A member this import added has purchases, communities or a merge since: they stay"
                        .to_owned()
                }
                Lang::ZhCn => "这次导入添加的会员之后有了消费、社群或合并记录：不能撤销".to_owned(),
            };
            return Err(Error::invalid(Field::Batch, Problem::Refused { reason }));
        }
        for table in ["consent", "member_tag"] {
            tx.execute(
                &format!("DELETE FROM {table} WHERE member_id IN (SELECT id FROM member WHERE import_batch_id = ?1)"),
                [batch_id],
            )?;
        }
        tx.execute("DELETE FROM member WHERE import_batch_id = ?1", [batch_id])?;
        tx.execute("UPDATE import_batch SET undone_at = ?1 WHERE id = ?2", params![now, batch_id])?;
        tx.commit()?;
        return get(conn, batch_id);
    }
    let refunded_here: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM refund f JOIN purchase p ON p.id = f.purchase_id
                        WHERE p.import_batch_id = ?1 AND f.refunded_at > ?2)",
        params![batch_id, batch.imported_at],
        |r| r.get(0),
    )?;
    if refunded_here {
        let reason = match shop::language_or(&tx, Lang::En) {
            Lang::En => "A sale of this import was refunded since: undo that refund first".to_owned(),
            Lang::ZhCn => "这次导入的销售之后有过退款：请先撤销那笔退款".to_owned(),
        };
        return Err(Error::invalid(Field::Batch, Problem::Refused { reason }));
    }
    tx.execute(
        "DELETE FROM refund WHERE purchase_id IN (SELECT id FROM purchase WHERE import_batch_id = ?1)",
        [batch_id],
    )?;
    tx.execute("DELETE FROM purchase WHERE import_batch_id = ?1", [batch_id])?;
    tx.execute("UPDATE import_batch SET undone_at = ?1 WHERE id = ?2", params![now, batch_id])?;
    tx.commit()?;
    get(conn, batch_id)
}

const BATCH: &str =
    "SELECT id, file_name, preset, new_rows, duplicate_rows, error_rows, imported_at, undone_at
     FROM import_batch";

fn batch_row(r: &rusqlite::Row) -> rusqlite::Result<ImportBatch> {
    Ok(ImportBatch {
        id: r.get(0)?,
        file_name: r.get(1)?,
        preset: r.get(2)?,
        new_rows: r.get(3)?,
        duplicate_rows: r.get(4)?,
        error_rows: r.get(5)?,
        imported_at: r.get(6)?,
        undone_at: r.get(7)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<ImportBatch> {
    conn.query_row(&format!("{BATCH} WHERE id = ?1"), [id], batch_row)
        .optional()?
        .ok_or(Error::NotFound { what: "import", id })
}

/// Every import, newest first.
pub fn list(conn: &Connection) -> Result<Vec<ImportBatch>> {
    Ok(conn
        .prepare_cached(&format!("{BATCH} ORDER BY id DESC"))?
        .query_map([], batch_row)?
        .collect::<rusqlite::Result<_>>()?)
}

fn orders(conn: &Connection, system: &str) -> Result<HashSet<String>> {
    Ok(conn
        .prepare_cached("SELECT external_order_id FROM purchase WHERE external_system = ?1")?
        .query_map([system], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

fn members(conn: &Connection) -> Result<std::collections::HashMap<String, (i64, String)>> {
    Ok(conn
        .prepare_cached("SELECT phone, id, display_name FROM member WHERE phone IS NOT NULL")?
        .query_map([], |r| Ok((r.get::<_, String>(0)?, (r.get(1)?, r.get(2)?))))?
        .collect::<rusqlite::Result<_>>()?)
}

fn saved_mapping(conn: &Connection, headers: &[String]) -> Result<Option<Columns>> {
    let saved: Option<String> = conn
        .query_row(
            "SELECT columns FROM import_mapping WHERE signature = ?1",
            [preset::signature(headers)],
            |r| r.get(0),
        )
        .optional()?;
    Ok(saved.and_then(|s| serde_json::from_str(&s).ok()))
}

fn names(conn: &Connection) -> Result<HashMap<(String, String), (i64, String)>> {
    let mut out = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT id, display_name, wechat_nickname FROM member
         WHERE (wechat_nickname <> '' OR import_batch_id IS NOT NULL) AND merged_into IS NULL AND erased_at IS NULL",
    )?;
    for row in
        stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))?
    {
        let (id, name, nickname) = row?;
        out.insert((customers::fold(&name), customers::fold(&nickname)), (id, name));
    }
    Ok(out)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
