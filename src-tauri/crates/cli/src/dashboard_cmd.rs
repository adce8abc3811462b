//! `shopcircle-cli dashboard`: the same figures the dashboard's charts show.

use clap::Args;
use shopcircle_core::dashboard::{self, DashboardQuery};
use shopcircle_core::db::Connection;
use shopcircle_core::money::yuan;

use crate::error::CliResult;
use crate::Output;

#[derive(Args)]
pub struct DashboardArgs {
    /// First day, YYYY-MM-DD
    #[arg(long)]
    from: String,
    /// Last day, YYYY-MM-DD (included)
    #[arg(long)]
    to: String,
    /// One community's figures (else the whole shop's)
    #[arg(long)]
    community: Option<i64>,
}

pub fn run(conn: &Connection, args: DashboardArgs) -> CliResult<Output> {
    let q = DashboardQuery { from: args.from, to: args.to, community_id: args.community };
    let d = dashboard::dashboard(conn, &q)?;
    let k = &d.current;
    let mut lines = vec![
        format!("{} – {}", d.from, d.to),
        format!("members: {} joined, {} left, net {}", k.joined, k.left, k.net),
        format!(
            "sales after refunds ¥{} · buyers {} · repeat {}",
            yuan(k.sales_cents),
            k.buyers,
            k.repeat_percent.map(|p| format!("{p} %")).unwrap_or_else(|| "—".into())
        ),
    ];
    for s in &d.funnel {
        let pct = |p: Option<i64>| p.map(|p| format!("{p} %")).unwrap_or_else(|| "—".into());
        lines.push(format!("{}\t{}\t{}\t{}", s.step, s.count, pct(s.of_previous), pct(s.of_first)));
    }
    Ok(Output { text: lines.join("\n"), json: serde_json::to_value(&d).unwrap_or_default() })
}
