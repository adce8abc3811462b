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
# The owner's "reduce motion" setting, on: dialogs and drawers appear without
# zooming or sliding (prefers-reduced-motion, which the app follows), so no step
# waits out an animation. The motion itself is cosmetic and not what is tested.
mkdir -p "$work/config/gtk-3.0"
printf '[Settings]\ngtk-enable-animations=false\n' >"$work/config/gtk-3.0/settings.ini"
export WEBKIT_DISABLE_DMABUF_RENDERER=1   # blank windows under some GPU stacks otherwise
export LANG=C.UTF-8
# The app's clock may be moved by the tests (set_test_clock), so a reminder due
# tomorrow is seen without waiting a day. The app refuses that without this.
export SHOPCIRCLE_TEST_CLOCK=1

# A session bus and a notification server (dunst), so the reminders' desktop
# notifications are really shown: dunst logs each one's words to a file, and
# `dunstctl action` clicks one, as the owner would.
command -v dunst >/dev/null && command -v dbus-daemon >/dev/null && command -v dbus-send >/dev/null \
  || { echo "error: dunst and dbus-daemon are needed (scripts/setup.sh test installs them)" >&2; exit 1; }
dbus-daemon --session --nofork --print-address=3 3>"$work/bus" >"$work/dbus.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/bus" ] && break; sleep 0.05; done
DBUS_SESSION_BUS_ADDRESS=$(head -n1 "$work/bus")
export DBUS_SESSION_BUS_ADDRESS
export E2E_NOTIFICATIONS="$work/notifications.log"
cat >"$work/notified.sh" <<SH
#!/bin/sh
# dunst runs this for every notification: appname summary body icon urgency
printf '%s\t%s\t%s\n' "\$1" "\$2" "\$3" >>"$E2E_NOTIFICATIONS"
SH
chmod +x "$work/notified.sh"
cat >"$work/dunstrc" <<INI
[global]
    follow = none
    sort = no
    idle_threshold = 0
[urgency_normal]
    timeout = 0
[log_all]
    appname = "*"
    script = $work/notified.sh
INI
dunst -config "$work/dunstrc" >"$artifacts/dunst.log" 2>&1 &
pids+=($!)
# Wait for this dunst to own the notifications name, asking in a way that starts
# nothing: a `dunstctl` call would have D-Bus start a second dunst of its own
# (without this config, so nothing logged) when it came first, as on a loaded machine.
notifier_ready() {
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.Notifications 2>/dev/null | grep -q 'boolean true'
}
for _ in $(seq 200); do notifier_ready && break; sleep 0.05; done
notifier_ready || { echo "error: dunst did not start on the test session bus (see $artifacts/dunst.log)" >&2; exit 1; }

tauri-driver --port 4444 >"$artifacts/tauri-driver.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do
  (exec 3<>/dev/tcp/127.0.0.1/4444) 2>/dev/null && break
  sleep 0.1
done

# node runs the files in name order, one at a time, on one database: the
# journey (j…) must be the first of those that open it, since it is the one that
# meets the first-run welcome; pages.test.mjs uses a database of its own.
E2E_APP="$app" E2E_CLI="$cli" E2E_ARTIFACTS="$artifacts" \
  node --test --test-concurrency=1 ${E2E_ONLY:-tests/e2e/*.test.mjs}
