#!/usr/bin/env bash
# Measures the release build over several cold launches: the time from launch
# until the window first paints (the frame's outline in index.html) and until the
# UI says its first screen is painted (`ui_painted`; the app logs both), and the
# resident memory of the app and its web processes once idle.
#   scripts/measure-startup.sh [RUNS]     (needs: npm --prefix ui run build; cargo build --release)
# APP=path/to/binary measures another build the same way, e.g. an empty Tauri 2
# window whose page calls a command that prints "first paint N ms" and "UI ready
# N ms" the same way (the yardstick). SEED=file.db starts each launch on a copy of
# that database (a returning owner's shop) instead of a new one (the welcome).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
app=${APP:-target/release/shopcircle}
[ -x "$app" ] || { echo "build it first: npm --prefix ui run build && cargo build --release -p shopcircle" >&2; exit 1; }
work=$(mktemp -d)
trap 'pkill -f "$work" 2>/dev/null || true; [ -n "${xvfb:-}" ] && kill "$xvfb" 2>/dev/null; rm -rf "$work" 2>/dev/null || true' EXIT
if [ -z "${DISPLAY:-}" ]; then
  Xvfb :95 -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
  export DISPLAY=:95
  sleep 1
fi
export WEBKIT_DISABLE_DMABUF_RENDERER=1 XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"

# Waits for the app to log its start-up time, then prints it.
ready_ms() {
  for _ in $(seq 300); do
    line=$(grep -o 'UI ready [0-9]* ms' "$1" 2>/dev/null || true)
    [ -n "$line" ] && { echo "$line" | grep -o '[0-9]*'; return; }
    sleep 0.05
  done
  echo "timeout"
}

for i in $(seq "$runs"); do
  [ -n "${SEED:-}" ] && cp "$SEED" "$work/run$i.db"
  SHOPCIRCLE_DB="$work/run$i.db" "$app" >"$work/log$i" 2>&1 &
  pid=$!
  ready=$(ready_ms "$work/log$i")
  first=$(grep -o 'first paint [0-9]* ms' "$work/log$i" | grep -o '[0-9]*' || echo "-")
  script=$(grep -o 'UI script running [0-9]* ms' "$work/log$i" | grep -o '[0-9]*' || echo "-")
  setup=$(grep -o 'set up [0-9]* ms' "$work/log$i" | grep -o '[0-9]*' || echo "-")
  [ "$ready" = timeout ] && { echo "launch $i: no start-up time logged; its log:" >&2; cat "$work/log$i" >&2; }
  echo "launch $i: first paint after $first ms, UI ready after $ready ms (shell set up after $setup ms, UI script running after $script ms)"
  if [ "$i" -eq "$runs" ]; then
    sleep 10
    # The app process plus WebKit's web and network processes it started.
    kids=$(pgrep -P "$pid" | tr '\n' ' ')
    # RSS counts shared libraries once per process; PSS splits them fairly.
    rss_total=0 pss_total=0
    for p in $pid $kids; do
      rss=$(awk '/^Rss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)
      pss=$(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)
      printf '  idle %-16s RSS %7d KiB  PSS %7d KiB\n' "$(cat /proc/$p/comm 2>/dev/null)" "$rss" "$pss"
      rss_total=$((rss_total + rss)) pss_total=$((pss_total + pss))
    done
    echo "  idle total: RSS $((rss_total / 1024)) MiB, PSS $((pss_total / 1024)) MiB"
  fi
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
