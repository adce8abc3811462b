#!/usr/bin/env bash
# Measures the CPU the idle app uses over a minute with 100 schedules: the app
# (with its reminder task) and WebKit's processes, window open, nothing clicked.
#   scripts/measure-idle-cpu.sh [APP]   (default target/release/shopcircle; build
#   it first: npm --prefix ui run build && cargo build --release -p shopcircle -p shopcircle-cli)
set -euo pipefail
cd "$(dirname "$0")/.."
app="${1:-target/release/shopcircle}"
cli="$(dirname "$app")/shopcircle-cli"
[ -x "$app" ] && [ -x "$cli" ] || { echo "build $app and $cli first" >&2; exit 1; }
work=$(mktemp -d)
trap 'pkill -f "$work" 2>/dev/null || true; [ -n "${xvfb:-}" ] && kill "$xvfb" 2>/dev/null; rm -rf "$work" 2>/dev/null || true' EXIT
if [ -z "${DISPLAY:-}" ]; then
  Xvfb :94 -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
  export DISPLAY=:94
  sleep 1
fi
export WEBKIT_DISABLE_DMABUF_RENDERER=1 XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
db="$work/shop.db"
rules=("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH" "FREQ=WEEKLY;BYDAY=FR" "FREQ=MONTHLY;BYDAY=-1FR" "FREQ=DAILY")
for i in $(seq 0 99); do
  "$cli" --db "$db" schedule add --title "Schedule $i" --rule "${rules[$((i % 4))]}" \
    --start "2026-01-$(printf %02d $((1 + i % 28))) $(printf %02d $((8 + i % 12))):00" --lead-minutes 30 >/dev/null
done

SHOPCIRCLE_DB="$db" "$app" >"$work/log" 2>&1 &
pid=$!
sleep 15 # start-up and the first render are not idle
ticks() { # user + system clock ticks of the app and its children
  local total=0
  for p in $pid $(pgrep -P "$pid" | tr '\n' ' '); do
    t=$(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)
    total=$((total + t))
  done
  echo "$total"
}
hz=$(getconf CLK_TCK)
before=$(ticks); t0=$(date +%s.%N)
sleep 60
after=$(ticks); t1=$(date +%s.%N)
kill "$pid"; wait "$pid" 2>/dev/null || true
python3 - "$before" "$after" "$t0" "$t1" "$hz" <<'PY'
import sys
b, a, t0, t1, hz = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
cpu = (a - b) / hz
wall = t1 - t0
print(f"idle with 100 schedules: {cpu:.2f} s of CPU in {wall:.0f} s of wall time = {100 * cpu / wall:.2f} % of one core")
PY
