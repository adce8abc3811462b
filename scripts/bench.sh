#!/usr/bin/env bash
# Runs every criterion benchmark (core and print) and prints one table of the
# results beside the targets the issues set. Extra arguments go to criterion,
# e.g. `scripts/bench.sh vouchers` runs only the benchmarks whose name has it.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo bench --locked -p shopcircle-core -p shopcircle-print -- "$@" >&2

python3 - <<'PY'
import json, pathlib
# Targets from the issues; benchmarks without one are listed with "-". Key
# figures are two queries (the period and the one before): 100 ms each.
targets = {
    "vouchers/issue a batch of 10,000": 1000.0,
    "vouchers/redeem one code among 1,000,000": 5.0,
    "voucher sheet PDF, 10,000 vouchers/1,000 A4 pages, Chinese face": 2000.0,
    "campaigns/apply a flash sale with its poster and 1,000 pickup vouchers": 150.0,
    "campaigns/record a pasted 2,000-line 接龙": 50.0,
    "campaigns/settle a 2,000-line 接龙": 50.0,
    "campaigns/a fair draw among 100,000 entrants": 200.0,
    "campaigns/the month's referral leaderboard at 20,000 members": 50.0,
    "members/import 100,000 purchase rows from CSV (preview and commit)": 3000.0,
    "members/dashboard whole shop, 30 days: key figures and the period before": 200.0,
    "members/dashboard whole shop, 30 days: funnel": 100.0,
    "members/dashboard whole shop, 30 days: members over time": 100.0,
    "members/dashboard whole shop, 30 days: channels": 100.0,
    "members/dashboard whole shop: RFM segments": 100.0,
    "members/dashboard one community, 30 days: key figures and the period before": 200.0,
    "members/dashboard one community, 30 days: funnel": 100.0,
    "members/dashboard one community, 30 days: members over time": 100.0,
    "members/dashboard one community, 30 days: channels": 100.0,
    "members/dashboard one community: RFM segments": 100.0,
    "members/member list, first page of 50 among 20,000": 20.0,
    "backups/back up and verify 20,000 members, 1,000,000 purchases, 100,000 vouchers": 2000.0,
    "backups/restore it (the data before backed up first)": 3000.0,
}
rows = []
for est in sorted(pathlib.Path("target/criterion").glob("**/new/estimates.json")):
    bench = json.loads((est.parent / "benchmark.json").read_text())
    name = bench["full_id"]
    e = json.loads(est.read_text())
    ms = e["mean"]["point_estimate"] / 1e6
    lo = e["mean"]["confidence_interval"]["lower_bound"] / 1e6
    hi = e["mean"]["confidence_interval"]["upper_bound"] / 1e6
    target = targets.get(name)
    verdict = "-" if target is None else ("met" if hi < target else "MISSED")
    rows.append((name, f"{ms:.3f}", f"{lo:.3f} – {hi:.3f}", "-" if target is None else f"< {target:g}", verdict))
head = ("benchmark", "mean (ms)", "95% CI (ms)", "target (ms)", "")
widths = [max(len(r[i]) for r in rows + [head]) for i in range(5)]
line = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |"
print(line(head))
print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
for r in rows:
    print(line(r))
PY
