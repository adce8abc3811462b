//! `shopcircle-cli community …`

use chrono::{DateTime, Utc};
use clap::Subcommand;
use serde_json::json;
use shopcircle_core::community::{read, write, Community, CommunityInput};
use shopcircle_core::db::Connection;
use shopcircle_core::text::one_line;
use shopcircle_core::Result;

use crate::Output;

#[derive(Subcommand)]
pub enum CommunityCommand {
    /// Add a community; prints its id
    Add {
        #[arg(long)]
        name: String,
        /// high-frequency, low-frequency or niche
        #[arg(long)]
        kind: String,
        /// Members it can hold [default: 200 for a WeChat group, 500 for WeCom]
        #[arg(long, allow_negative_numbers = true)]
        capacity: Option<i64>,
        /// drainage, activation, value-output or realization [default: drainage]
        #[arg(long)]
        stage: Option<String>,
        /// wechat-group, wecom-group or other [default: wechat-group]
        #[arg(long)]
        platform: Option<String>,
        /// Why would a customer join?
        #[arg(long)]
        purpose: Option<String>,
        /// The long-term goal
        #[arg(long)]
        goal: Option<String>,
        /// A group rule; repeat for several
        #[arg(long = "rule")]
        rules: Vec<String>,
    },
    /// List communities
    List {
        /// Include archived communities
        #[arg(long)]
        all: bool,
    },
    /// Show one community in full
    Show { id: i64 },
    /// Archive a community (nothing is deleted)
    Archive { id: i64 },
    /// Restore an archived community
    Restore { id: i64 },
}

pub fn run(conn: &mut Connection, cmd: CommunityCommand, now: DateTime<Utc>) -> Result<Output> {
    match cmd {
        CommunityCommand::Add { name, kind, capacity, stage, platform, purpose, goal, rules } => {
            let input =
                CommunityInput { name, kind, stage, platform, purpose, goal, capacity, rules: Some(rules) };
            let c = write::create(conn, &input, now)?;
            Ok(Output { text: c.id.to_string(), json: json!({ "id": c.id }) })
        }
        CommunityCommand::List { all } => {
            let list = read::list(conn, all)?;
            let text = list.iter().map(line).collect::<Vec<_>>().join("\n");
            Ok(Output { text, json: serde_json::to_value(&list).unwrap_or_default() })
        }
        CommunityCommand::Show { id } => show(read::get(conn, id)?),
        CommunityCommand::Archive { id } => show(write::archive(conn, id, now)?),
        CommunityCommand::Restore { id } => show(write::restore(conn, id, now)?),
    }
}

fn line(c: &Community) -> String {
    let members = c.members.map_or("-".to_string(), |m| m.to_string());
    let archived = if c.archived_at.is_some() { "  (archived)" } else { "" };
    format!(
        "{:>4}  {:<14} {:<12} {}/{}  {}{archived}",
        c.id,
        c.kind.as_str(),
        c.stage.as_str(),
        members,
        c.capacity,
        one_line(&c.name)
    )
}

fn show(c: Community) -> Result<Output> {
    let mut text = format!(
        "#{} {}\nkind:     {}\nstage:    {}\nplatform: {}\ncapacity: {}\nmembers:  {}\npurpose:  {}\ngoal:     {}\n",
        c.id,
        one_line(&c.name),
        c.kind.as_str(),
        c.stage.as_str(),
        c.platform.as_str(),
        c.capacity,
        c.members.map_or("-".to_string(), |m| m.to_string()),
        one_line(&c.purpose),
        one_line(&c.goal)
    );
    if let Some(at) = c.archived_at {
        text.push_str(&format!("archived: {at}\n"));
    }
    text.push_str("rules:\n");
    for (i, r) in c.rules.iter().enumerate() {
        text.push_str(&format!("  {}. {}\n", i + 1, one_line(r)));
    }
    let json = serde_json::to_value(&c).unwrap_or_default();
    Ok(Output { text: text.trim_end().to_owned(), json })
}
