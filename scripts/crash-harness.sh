#!/usr/bin/env bash
# The crash harness at full strength: every kind of write the app makes
# (issue vouchers, redeem, apply a campaign, import, back up, restore) run by
# the CLI and killed with SIGKILL at random moments, RUNS times each (default
# 200, so 1,200 kills), each followed by integrity_check, the all-or-none check
# and an open as the app opens it. Prints one line per operation and the total.
# The suite runs the same tests with 30 kills each; CRASH_SEED replays a run.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-200}"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
CRASH_RUNS="$runs" cargo test --locked -p shopcircle-cli --test cli crash -- --nocapture --test-threads 1 >"$log" 2>&1 || true
# With one test at a time the figures follow each test's name on its line.
grep -oE "crash harness: .*" "$log" || true
if ! grep -q "test result: ok" "$log"; then
  echo "the crash harness failed:" >&2
  grep -A20 panicked "$log" >&2 || tail -40 "$log" >&2
  exit 1
fi
total=$(grep -cE "crash harness: " "$log" || true)
echo "survived: $((total * runs)) kills across $total operations, every database whole"
