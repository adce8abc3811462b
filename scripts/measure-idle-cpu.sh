#!/usr/bin/env bash
# Measures the CPU the idle app uses over a minute with 100 schedules (SCHEDULES=N for another count): the app
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
n="${SCHEDULES:-100}"
for i in $(seq 0 $((n - 1))); do
  "$cli" --db "$db" schedule add --title "Schedule $i" --rule "${rules[$((i % 4))]}" \
    --start "2026-01-$(printf %02d $((1 + i % 28))) $(printf %02d $((8 + i % 12))):00" --lead-minutes 30 >/dev/null
done

SHOPCIRCLE_DB="$db" "$app" >"$work/log" 2>&1 &
pid=$!
sleep 15 # start-up and the first render are not idle
ticks() { # "name ticks" (user + system) for the app and each process it started
  for p in $pid $(pgrep -P "$pid" | tr '\n' ' '); do
    awk -v p="$p" '{gsub(/[()]/, "", $2); print p, $2, $14 + $15}' "/proc/$p/stat" 2>/dev/null || true
  done
}
hz=$(getconf CLK_TCK)
ticks >"$work/before"; t0=$(date +%s.%N)
sleep 60
ticks >"$work/after"; t1=$(date +%s.%N)
kill "$pid"; wait "$pid" 2>/dev/null || true
python3 - "$work/before" "$work/after" "$t0" "$t1" "$hz" "$n" <<'PY'
import sys
read = lambda f: {l.split()[0]: (l.split()[1], int(l.split()[2])) for l in open(f) if l.strip()}
before, after = read(sys.argv[1]), read(sys.argv[2])
t0, t1, hz = float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
wall = t1 - t0
total = 0.0
for p, (name, t) in after.items():
    cpu = (t - before.get(p, (name, 0))[1]) / hz
    total += cpu
    print(f"  {name:<18} {cpu:5.2f} s CPU = {100 * cpu / wall:5.2f} % of one core")
print(f"idle with {sys.argv[6]} schedules: {total:.2f} s of CPU in {wall:.0f} s = {100 * total / wall:.2f} % of one core")
PY
