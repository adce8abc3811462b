//! `shopcircle-cli`: the app's operations from a terminal, on the same database
//! file and through the same core rules as the desktop app.

mod community_cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use shopcircle_core::{db, paths, shop, Error, Lang};

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
        Err(e) => return fail(&e, fallback),
    };
    let lang = shop::language_or(&conn, fallback);
    let result = match cli.command {
        Command::Community(cmd) => community_cmd::run(&mut conn, cmd),
    };
    match result {
        Ok(out) => {
            if cli.json {
                println!("{}", out.json);
            } else {
                println!("{}", out.text);
            }
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e, lang),
    }
}

fn fail(e: &Error, lang: Lang) -> ExitCode {
    eprintln!("error: {}", e.message(lang));
    ExitCode::FAILURE
}
