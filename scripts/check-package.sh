#!/usr/bin/env bash
# Installs the built .deb as a shop owner would (apt resolves what it needs),
# checks it is in the applications menu with its icon, starts the installed
# binary under Xvfb with a fresh home and waits for its window, then removes
# the package and checks the shop's data stayed. Run scripts/package.sh first.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\033[1;32m==>\033[0m %s\n' "$*"; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"

deb=$(ls -t target/release/bundle/deb/*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || die "no .deb in target/release/bundle/deb: run scripts/package.sh"
say "installing $deb ($(du -h "$deb" | cut -f1))"
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "./$deb" >/dev/null || die "installing the .deb failed"

package=$(dpkg-deb -f "$deb" Package)
desktop=$(dpkg -L "$package" | grep '/usr/share/applications/.*\.desktop$' | head -1)
[ -n "$desktop" ] || die "no menu entry (.desktop) was installed"
grep -q '^Name=ShopCircle' "$desktop" || die "$desktop does not name ShopCircle"
exe=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
icon=$(sed -n 's/^Icon=//p' "$desktop")
command -v "$exe" >/dev/null || die "the menu entry runs $exe, which is not installed"
dpkg -L "$package" | grep -q "/usr/share/icons/hicolor/.*/apps/$icon.png" || die "no icon named $icon was installed"
say "menu entry $desktop runs $exe with icon $icon"

home=$(mktemp -d)
trap 'rm -rf "$home"; pkill -f "Xvfb :98" 2>/dev/null || true' EXIT
Xvfb :98 -screen 0 1280x900x24 >/dev/null 2>&1 &
export DISPLAY=:98
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
say "starting the installed ShopCircle"
env -u SHOPCIRCLE_DB HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" \
  WEBKIT_DISABLE_DMABUF_RENDERER=1 "$exe" >"$home/app.log" 2>&1 &
app=$!
window=""
for _ in $(seq 300); do
  window=$(xdotool search --name '^ShopCircle' 2>/dev/null | head -1 || true)
  [ -n "$window" ] && break
  kill -0 "$app" 2>/dev/null || { cat "$home/app.log" >&2; die "the installed app stopped before its window appeared"; }
  sleep 0.1
done
[ -n "$window" ] || die "no ShopCircle window within 30 s"
say "its window appeared: $(xdotool getwindowname "$window")"
data="$home/.local/share/app.shopcircle.desktop/shopcircle.db"
for _ in $(seq 100); do [ -f "$data" ] && break; sleep 0.1; done
[ -f "$data" ] || die "the app made no data file at $data"
kill "$app"; wait "$app" 2>/dev/null || true

say "removing the package"
DEBIAN_FRONTEND=noninteractive $sudo apt-get remove -y -qq "$package" >/dev/null || die "removing the package failed"
command -v "$exe" >/dev/null && die "$exe is still there after removal"
[ -f "$data" ] || die "removing the package took the shop's data"
say "installed, opened, removed; the shop's data stayed at $data"
