#!/usr/bin/env bash
# Runs the end-to-end suite against a built app binary: Xvfb for a display (when
# there is none), tauri-driver + WebKitWebDriver for WebDriver, and a fresh
# database and profile so every run starts at the first-run welcome.
#   tests/e2e/run.sh target/debug/shopcircle
set -euo pipefail
cd "$(dirname "$0")/../.."
app=$(realpath "${1:?usage: run.sh PATH_TO_APP}")
cli=$(dirname "$app")/shopcircle-cli

work=$(mktemp -d)
artifacts=tests/e2e/artifacts
mkdir -p "$artifacts"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work" 2>/dev/null || true; }
trap cleanup EXIT

if [ -z "${DISPLAY:-}" ]; then
  Xvfb :99 -screen 0 1440x900x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
  pids+=($!)
  export DISPLAY=:99
fi

export SHOPCIRCLE_DB="$work/e2e.db"
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache"
export WEBKIT_DISABLE_DMABUF_RENDERER=1   # blank windows under some GPU stacks otherwise
export LANG=C.UTF-8
# The app's clock may be moved by the tests (set_test_clock), so a reminder due
# tomorrow is seen without waiting a day. The app refuses that without this.
export SHOPCIRCLE_TEST_CLOCK=1

tauri-driver --port 4444 >"$artifacts/tauri-driver.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do
  (exec 3<>/dev/tcp/127.0.0.1/4444) 2>/dev/null && break
  sleep 0.1
done

E2E_APP="$app" E2E_CLI="$cli" E2E_ARTIFACTS="$artifacts" \
  node --test --test-concurrency=1 ${E2E_ONLY:-tests/e2e/*.test.mjs}
