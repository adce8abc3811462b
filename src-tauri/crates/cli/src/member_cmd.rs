//! `shopcircle-cli member …`: the shop's members, added with their consent,
//! listed with their phones masked.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use clap::Subcommand;
use serde_json::json;
use shopcircle_core::dashboard::Segment;
use shopcircle_core::db::Connection;
use shopcircle_core::export_log::{self, ExportKind, Phones};
use shopcircle_core::member::{self, ConsentInput, ConsentMethod, JoinInput, MemberFilter, MemberInput};
use shopcircle_core::text::one_line;

use crate::error::CliResult;
use crate::Output;

#[derive(Subcommand)]
pub enum MemberCommand {
    /// Add a member who agreed to the shop keeping their details; prints the id
    Add {
        /// What the shop calls them (a WeChat nickname is enough)
        #[arg(long)]
        name: String,
        /// A mainland mobile number (spaces, +86 and full-width digits are fine)
        #[arg(long, default_value = "")]
        phone: String,
        #[arg(long, default_value = "")]
        nickname: String,
        /// The community they joined
        #[arg(long)]
        community: Option<i64>,
        /// The community's channel they joined through (needs --community)
        #[arg(long, requires = "community")]
        channel: Option<i64>,
        /// How they agreed: paper, verbal or qr_form
        #[arg(long, default_value = "verbal")]
        consent: String,
        /// They also agreed to hear about campaigns
        #[arg(long)]
        marketing_consent: bool,
    },
    /// List members, newest first, their phones masked
    List {
        /// A name, nickname, phone number or its last four digits
        #[arg(long, default_value = "")]
        search: String,
        #[arg(long)]
        community: Option<i64>,
        /// Only one RFM segment today: core, loyal, new, potential, cant_lose, at_risk, hibernating, never_bought
        #[arg(long)]
        segment: Option<String>,
        /// At most this many
        #[arg(long, default_value_t = 50)]
        limit: i64,
    },
    /// List probable duplicates (same name and nickname, same nickname, same name with one phone missing)
    Duplicates,
    /// Merge the second member into the first (purchases, communities, consents, tags, referrals, vouchers); prints the merge's id
    Merge {
        kept: i64,
        merged: i64,
        /// Who did it
        #[arg(long, default_value = "")]
        staff: String,
    },
    /// Undo a merge
    UndoMerge { merge: i64 },
    /// Erase a member on request: personal data gone, purchases kept as anonymous sales
    Erase { id: i64 },
    /// Write the members (optionally one community's) as CSV, phones masked unless --full-phones; logged
    ExportCsv {
        #[arg(long, value_name = "FILE.csv")]
        out: PathBuf,
        #[arg(long)]
        community: Option<i64>,
        #[arg(long)]
        full_phones: bool,
    },
    /// Write the members' privacy notice (Chinese and English, one A4 page) as PDF
    Notice {
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// Write everything kept about a member as JSON
    Export {
        id: i64,
        #[arg(long, value_name = "FILE.json")]
        out: PathBuf,
    },
}

pub fn run(conn: &mut Connection, cmd: MemberCommand, db: &Path, now: DateTime<Utc>) -> CliResult<Output> {
    match cmd {
        MemberCommand::Add { name, phone, nickname, community, channel, consent, marketing_consent } => {
            let consent = ConsentInput {
                method: ConsentMethod::parse(&consent)?,
                marketing: marketing_consent,
                recorded_by: String::new(),
            };
            let input = MemberInput {
                phone,
                wechat_nickname: nickname,
                join: community.map(|community_id| JoinInput {
                    community_id,
                    channel_id: channel,
                    staff_id: None,
                }),
                ..MemberInput::new(&name, consent)
            };
            let m = member::create(conn, &input, now)?;
            Ok(Output { text: m.id.to_string(), json: json!({ "id": m.id }) })
        }
        MemberCommand::List { search, community, segment, limit } => {
            let filter = MemberFilter {
                search,
                community_id: community,
                segment: segment.as_deref().map(Segment::parse).transpose()?,
                limit: Some(limit),
                ..MemberFilter::default()
            };
            let page = member::list(conn, &filter, now)?;
            let text = page
                .rows
                .iter()
                .map(|r| {
                    format!(
                        "{}\t{}\t{}\t{}\t{}",
                        r.id,
                        one_line(&r.display_name),
                        r.phone_masked.as_deref().unwrap_or("—"),
                        one_line(&r.communities.join(", ")),
                        if r.marketing { "marketing" } else { "no marketing" }
                    )
                })
                .collect::<Vec<_>>()
                .join("\n");
            Ok(Output { text, json: serde_json::to_value(&page).unwrap_or_default() })
        }
        MemberCommand::Duplicates => {
            let pairs = member::duplicates(conn)?;
            let text = pairs
                .iter()
                .map(|p| {
                    let side = |m: &member::DuplicateSide| {
                        format!(
                            "{} {} {}",
                            m.id,
                            one_line(&m.display_name),
                            m.phone_masked.as_deref().unwrap_or("—")
                        )
                    };
                    let why = serde_json::to_value(p.reason).ok().and_then(|v| v.as_str().map(str::to_owned));
                    format!("{}\t{}\t{}", side(&p.a), side(&p.b), why.unwrap_or_default())
                })
                .collect::<Vec<_>>()
                .join("\n");
            Ok(Output { text, json: serde_json::to_value(&pairs).unwrap_or_default() })
        }
        MemberCommand::Merge { kept, merged, staff } => {
            member::merge(conn, kept, merged, &staff, now)?;
            let id = member::merges(conn)?.first().map(|m| m.id).unwrap_or_default();
            Ok(Output { text: id.to_string(), json: json!({ "merge": id, "kept": kept, "merged": merged }) })
        }
        MemberCommand::UndoMerge { merge } => {
            let m = member::undo_merge(conn, merge, now)?;
            Ok(Output { text: m.id.to_string(), json: json!({ "restored": m.id }) })
        }
        MemberCommand::Erase { id } => {
            let hash = member::erase(conn, id, now)?;
            let file = member::erasures_file(db);
            member::record_outside(&file, &hash).map_err(|e| shopcircle_app::Error::io(&file, e))?;
            Ok(Output { text: format!("erased {id}"), json: json!({ "erased": id }) })
        }
        MemberCommand::ExportCsv { out, community, full_phones } => {
            let lang = shopcircle_core::shop::language_or(conn, shopcircle_core::Lang::En);
            let filter = MemberFilter { community_id: community, ..MemberFilter::default() };
            let (text, rows) = member::csv(conn, &filter, !full_phones, lang, now)?;
            shopcircle_app::files::write_output(&out, text.as_bytes())?;
            let phones = if full_phones { Phones::Full } else { Phones::Masked };
            export_log::record(conn, ExportKind::Members, rows, phones, &file_name(&out), now)?;
            Ok(Output {
                text: format!("{rows}\t{}", out.display()),
                json: json!({ "rows": rows, "file": out.display().to_string() }),
            })
        }
        MemberCommand::Notice { out } => {
            let fonts = shopcircle_print::Fonts::system()?;
            let bytes = shopcircle_app::notice::pdf(conn, &fonts)?;
            shopcircle_app::files::write_output(&out, &bytes)?;
            Ok(Output { text: out.display().to_string(), json: json!({ "file": out.display().to_string() }) })
        }
        MemberCommand::Export { id, out } => {
            let doc = shopcircle_core::member_export::export(conn, id, now)?;
            let text = serde_json::to_string_pretty(&doc).unwrap_or_default();
            shopcircle_app::files::write_output(&out, text.as_bytes())?;
            export_log::record(conn, ExportKind::MemberData, 1, Phones::Full, &file_name(&out), now)?;
            Ok(Output { text: out.display().to_string(), json: json!({ "file": out.display().to_string() }) })
        }
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}
