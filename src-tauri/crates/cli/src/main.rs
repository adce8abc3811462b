//! `shopcircle-cli`: the app's operations from a terminal, on the same database
//! file and through the same core rules as the desktop app.

mod backup_cmd;
mod campaign_cmd;
mod community_cmd;
mod dashboard_cmd;
mod drainage_cmd;
mod draw_cmd;
mod error;
mod gift_cmd;
mod import_cmd;
mod ladder_cmd;
mod member_cmd;
mod partner_cmd;
mod poster_cmd;
mod product_cmd;
mod purchase_cmd;
mod qr_cmd;
mod referral_cmd;
mod schedule_cmd;
mod voucher_cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::Utc;
use clap::{Parser, Subcommand};
use shopcircle_core::db::IfMissing;
use shopcircle_core::text::printable;
use shopcircle_core::{db, paths, restore, shop, Lang};

#[derive(Parser)]
#[command(
    name = "shopcircle-cli",
    version,
    about = "ShopCircle from the terminal, on the app's own database"
)]
struct Cli {
    /// The database file [default: $SHOPCIRCLE_DB, else the app's data directory]
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,

    /// Print results as JSON
    #[arg(long, global = true)]
    json: bool,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create the database file (the app's, or --db PATH); prints its path
    Init,
    /// Plan and list the shop's communities
    #[command(subcommand)]
    Community(community_cmd::CommunityCommand),
    /// Import a channel's QR code, read one from an image, list group codes about to expire
    #[command(subcommand)]
    Qr(qr_cmd::QrCommand),
    /// Render drainage posters
    #[command(subcommand)]
    Poster(PosterCommand),
    /// The gift catalogue
    #[command(subcommand)]
    Gift(gift_cmd::GiftCommand),
    /// Campaign wizards from the terminal: plan, create, list, cancel
    #[command(subcommand)]
    Campaign(campaign_cmd::CampaignCommand),
    /// Lucky draws anyone can check: create, freeze, run, publish, verify
    #[command(subcommand)]
    Draw(draw_cmd::DrawCommand),
    /// Partner stores and their monthly settlement
    #[command(subcommand)]
    Partner(partner_cmd::PartnerCommand),
    /// Alliances with partner stores: create one, see each partner's figures
    #[command(subcommand)]
    Alliance(partner_cmd::AllianceCommand),
    /// Referral days: friend cards, a friend's card at the counter, the month's leaderboard
    #[command(subcommand)]
    Referral(referral_cmd::ReferralCommand),
    /// The shop's members, with their consent
    #[command(subcommand)]
    Member(member_cmd::MemberCommand),
    /// Orders imported from a till's or a spreadsheet's export
    #[command(subcommand)]
    Import(import_cmd::ImportCommand),
    /// The dashboard's key figures and funnel for a period
    Dashboard(dashboard_cmd::DashboardArgs),
    /// The products the shop sells, with their price history
    #[command(subcommand)]
    Product(product_cmd::ProductCommand),
    /// Sales recorded as at the counter, and refunds
    #[command(subcommand)]
    Purchase(purchase_cmd::PurchaseCommand),
    /// Issue, redeem, print and report vouchers
    #[command(subcommand)]
    Voucher(voucher_cmd::VoucherCommand),
    /// Recurring schedules, their occurrences, and the .ics export
    #[command(subcommand)]
    Schedule(schedule_cmd::ScheduleCommand),
    /// Back up, list, verify and restore the shop's data
    #[command(subcommand)]
    Backup(backup_cmd::BackupCommand),
    /// The whole shop in one passphrase-protected file, for a new laptop
    #[command(subcommand)]
    Export(ExportCommand),
}

#[derive(Subcommand)]
enum ExportCommand {
    /// Write the whole shop (data, images, the voucher key) sealed with a passphrase
    Shop {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// A file whose first line is the passphrase (at least 8 characters)
        #[arg(long, value_name = "FILE")]
        passphrase_file: PathBuf,
    },
}

#[derive(Subcommand)]
enum PosterCommand {
    /// Render a poster to PDF, PNG or SVG; prints the file written
    Render(poster_cmd::RenderArgs),
}

/// What the CLI prints, in plain text and as JSON.
pub struct Output {
    pub text: String,
    pub json: serde_json::Value,
}

impl Command {
    /// Commands that may make a new database: `init`, and a shop's first
    /// community. Every other command on a path with no database says so,
    /// rather than answering from a new empty one, or issuing vouchers under
    /// a new key the shop's counter would refuse (issue 11).
    fn may_create(&self) -> bool {
        matches!(self, Command::Init | Command::Community(community_cmd::CommunityCommand::Add { .. }))
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // The one clock of this run: every operation is passed the same `now`.
    let now = Utc::now();
    let Some(path) = cli.db.clone().or_else(paths::default_db_path) else {
        eprintln!("error: no data directory found; pass --db PATH");
        return ExitCode::FAILURE;
    };
    let fallback = Lang::from_locale(&std::env::var("LANG").unwrap_or_default());
    // Reading an image, or checking a published draw, needs no shop.
    if let Command::Qr(qr_cmd::QrCommand::Decode { image }) = &cli.command {
        return finish(qr_cmd::decode(image).map(|out| (out, 0)), cli.json, fallback);
    }
    if let Command::Draw(draw_cmd::DrawCommand::Verify { file }) = &cli.command {
        return finish(draw_cmd::verify(file, fallback), cli.json, fallback);
    }
    // Checking a copy needs no shop; replacing the shop's file needs it closed.
    match &cli.command {
        Command::Backup(backup_cmd::BackupCommand::Verify { file }) => {
            return finish(backup_cmd::verify(file), cli.json, fallback);
        }
        Command::Backup(backup_cmd::BackupCommand::Restore { file }) => {
            return finish(backup_cmd::restore(&path, file, now), cli.json, fallback);
        }
        Command::Import(import_cmd::ImportCommand::Shop { file, passphrase_file }) => {
            return finish(backup_cmd::import(&path, file, passphrase_file, now), cli.json, fallback);
        }
        _ => {}
    }
    let if_missing = if cli.command.may_create() { IfMissing::Create } else { IfMissing::Refuse };
    let made_here = if_missing == IfMissing::Create && !path.exists();
    let folder = path.parent().filter(|d| !d.as_os_str().is_empty() && !d.exists()).map(PathBuf::from);
    // Held before the file is opened and while this runs: a restore (by the
    // app or another command) waits its turn, and this never opens a file a
    // restore is replacing. Not taken for a path with no shop (a typo leaves nothing).
    let _hold = (path.exists() || if_missing == IfMissing::Create).then(|| restore::hold(&path)).flatten();
    let mut conn = match db::open_with(&path, if_missing, now) {
        Ok(conn) => conn,
        Err(e) => return fail(&e.into(), fallback),
    };
    let lang = shop::language_or(&conn, fallback);
    let ok = |out| (out, 0);
    let result = match cli.command {
        Command::Init => {
            let shown = path.display().to_string();
            Ok((Output { text: shown.clone(), json: serde_json::json!({ "db": shown }) }, 0))
        }
        Command::Community(cmd) => {
            community_cmd::run(&mut conn, cmd, now).map_err(shopcircle_app::Error::from).map(ok)
        }
        Command::Qr(cmd) => qr_cmd::run(&mut conn, cmd, lang, now).map(ok),
        Command::Poster(PosterCommand::Render(args)) => poster_cmd::render_poster(&conn, args).map(ok),
        Command::Gift(cmd) => gift_cmd::run(&mut conn, cmd, now).map(ok),
        Command::Draw(cmd) => draw_cmd::run(&mut conn, cmd, lang, now),
        Command::Partner(cmd) => partner_cmd::run_partner(&mut conn, cmd, lang, now),
        Command::Alliance(cmd) => partner_cmd::run_alliance(&mut conn, cmd, now),
        Command::Referral(cmd) => referral_cmd::run(&mut conn, cmd, lang, now),
        Command::Member(cmd) => member_cmd::run(&mut conn, cmd, &path, now).map(ok),
        Command::Import(cmd) => import_cmd::run(&mut conn, cmd, now).map(ok),
        Command::Dashboard(args) => dashboard_cmd::run(&conn, args).map(ok),
        Command::Product(cmd) => product_cmd::run(&mut conn, cmd, now).map(ok),
        Command::Purchase(cmd) => purchase_cmd::run(&mut conn, cmd, now).map(ok),
        Command::Campaign(cmd) => campaign_cmd::run(&mut conn, cmd, now),
        Command::Voucher(cmd) => voucher_cmd::run(&mut conn, cmd, lang, now),
        Command::Schedule(cmd) => schedule_cmd::run(&mut conn, cmd, now).map(ok),
        Command::Backup(cmd) => backup_cmd::run(&conn, &path, cmd, now),
        Command::Export(ExportCommand::Shop { out, passphrase_file }) => {
            backup_cmd::export(&conn, &out, &passphrase_file, now)
        }
    };
    if result.is_err() && made_here {
        // A refused first community leaves no empty shop behind at a path
        // that may be a typo.
        drop(conn);
        db::remove(&path);
        if let Some(folder) = folder {
            let _ = std::fs::remove_dir(folder); // only if this run made it, and only if empty
        }
    }
    finish(result, cli.json, lang)
}

fn finish(result: error::CliResult<(Output, u8)>, json: bool, lang: Lang) -> ExitCode {
    match result {
        Ok((out, status)) => {
            if json {
                println!("{}", out.json);
            } else {
                // Whatever the data holds, the terminal only ever shows text.
                println!("{}", printable(&out.text));
            }
            ExitCode::from(status)
        }
        Err(e) => fail(&e, lang),
    }
}

fn fail(e: &shopcircle_app::Error, lang: Lang) -> ExitCode {
    // The prefix in the message's own language, so a line is wholly in one.
    let prefix = if lang == Lang::En { "error: " } else { "错误：" };
    eprintln!("{prefix}{}", printable(&e.message(lang)));
    ExitCode::FAILURE
}
