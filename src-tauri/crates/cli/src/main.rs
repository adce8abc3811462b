//! `shopcircle-cli`: the app's operations from a terminal, on the same database
//! file and through the same core rules as the desktop app.

mod community_cmd;
mod error;
mod gift_cmd;
mod poster_cmd;
mod qr_cmd;
mod schedule_cmd;
mod voucher_cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use error::CliError;
use shopcircle_core::{db, paths, shop, Lang};

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
    /// Issue, redeem, print and report vouchers
    #[command(subcommand)]
    Voucher(voucher_cmd::VoucherCommand),
    /// Recurring schedules, their occurrences, and the .ics export
    #[command(subcommand)]
    Schedule(schedule_cmd::ScheduleCommand),
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    let Some(path) = cli.db.clone().or_else(paths::default_db_path) else {
        eprintln!("error: no data directory found; pass --db PATH");
        return ExitCode::FAILURE;
    };
    let fallback = Lang::from_locale(&std::env::var("LANG").unwrap_or_default());
    let mut conn = match db::open(&path) {
        Ok(conn) => conn,
        Err(e) => return fail(&e.into(), fallback),
    };
    let lang = shop::language_or(&conn, fallback);
    let ok = |out| (out, 0);
    let result = match cli.command {
        Command::Community(cmd) => community_cmd::run(&mut conn, cmd).map_err(CliError::from).map(ok),
        Command::Qr(cmd) => qr_cmd::run(&mut conn, cmd).map(ok),
        Command::Poster(PosterCommand::Render(args)) => poster_cmd::render_poster(&conn, args).map(ok),
        Command::Gift(cmd) => gift_cmd::run(&mut conn, cmd).map(ok),
        Command::Voucher(cmd) => voucher_cmd::run(&mut conn, cmd, lang),
        Command::Schedule(cmd) => schedule_cmd::run(&mut conn, cmd).map(ok),
    };
    match result {
        Ok((out, status)) => {
            if cli.json {
                println!("{}", out.json);
            } else {
                println!("{}", out.text);
            }
            ExitCode::from(status)
        }
        Err(e) => fail(&e, lang),
    }
}

fn fail(e: &CliError, lang: Lang) -> ExitCode {
    eprintln!("error: {}", e.message(lang));
    ExitCode::FAILURE
}
