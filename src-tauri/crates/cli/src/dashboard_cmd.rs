//! `shopcircle-cli dashboard`: the same figures the dashboard's charts show.

use clap::Args;
use shopcircle_core::dashboard::{self, DashboardQuery};
use shopcircle_core::db::Connection;
use shopcircle_core::money::yuan;
use shopcircle_core::text::one_line;

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
    let pct = |p: Option<i64>| p.map(|p| format!("{p} %")).unwrap_or_else(|| "—".into());
    let mut lines = vec![
        format!("{} – {}", d.from, d.to),
        format!("members: {} joined, {} left, net {}", k.joined, k.left, k.net),
        format!(
            "sales after refunds ¥{} · buyers {} · repeat {}",
            yuan(k.sales_cents),
            k.buyers,
            pct(k.repeat_percent)
        ),
        format!(
            "vouchers issued {} · redeemed {} · gift cost ¥{} of attributed sales ¥{} ({})",
            k.vouchers_issued,
            pct(k.voucher_redemption_percent),
            yuan(k.gift_cost_cents),
            yuan(k.attributed_sales_cents),
            pct(k.gift_cost_percent)
        ),
        "funnel:".into(),
    ];
    for s in &d.funnel {
        lines.push(format!("{}\t{}\t{}\t{}", s.step, s.count, pct(s.of_previous), pct(s.of_first)));
    }
    lines.push("channels:".into());
    for c in &d.channels {
        lines.push(format!(
            "{}\t{} joined\t{} bought ({})\t¥{} in {} days\tcost per buyer {}",
            one_line(&c.name),
            c.joins,
            c.buyers,
            pct(c.first_purchase_percent),
            yuan(c.sales_cents),
            dashboard::CHANNEL_DAYS,
            c.cost_per_buyer_cents.map(|c| format!("¥{}", yuan(c))).unwrap_or_else(|| "—".into())
        ));
    }
    lines.push("segments:".into());
    for g in &d.segments {
        let name = serde_json::to_value(g.segment)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        lines.push(format!("{name}\t{}\t{} with marketing consent", g.members, g.marketing));
    }
    Ok(Output { text: lines.join("\n"), json: serde_json::to_value(&d).unwrap_or_default() })
}
