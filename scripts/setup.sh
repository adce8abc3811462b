#!/usr/bin/env bash
# Installs whatever ShopCircle needs and is missing; safe to run again and again.
#   scripts/setup.sh app    what building and running the app needs
#   scripts/setup.sh test   that, plus what the tests need (Xvfb, WebKitWebDriver, tauri-driver)
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-test}"

say() { printf '\033[1;32m==>\033[0m %s\n' "$*"; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

packages=(pkg-config build-essential libwebkit2gtk-4.1-dev libxdo-dev libssl-dev
          libayatana-appindicator3-dev librsvg2-dev fonts-noto-cjk fonts-noto-color-emoji)
if [ "$what" = test ]; then
  # xdotool answers the system save dialog in the end-to-end test; dunst (on a
  # dbus session bus) shows the reminders' notifications and clicks one.
  packages+=(webkit2gtk-driver xvfb xauth imagemagick x11-utils poppler-utils xdotool dbus dunst)
fi
command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing system packages: ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    || die "apt-get install failed for: ${missing[*]}"
fi

command -v cargo >/dev/null || die "Rust is missing: install it with rustup (https://rustup.rs), then run this again"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || die "Node.js 20 or newer is needed (found $(node --version))"

if [ "$what" = test ] && ! command -v tauri-driver >/dev/null; then
  say "installing tauri-driver"
  cargo install tauri-driver --locked || die "cargo install tauri-driver failed"
fi

# Install only when the lock file changed since the last install. `npm install`
# rather than `npm ci`: npm records @tauri-apps/cli's per-platform packages only
# for the platform that wrote the lock, and `npm ci` then refuses the lock as
# out of sync; `npm install` still installs exactly the locked versions.
if [ ! -f ui/node_modules/.package-lock.json ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  say "installing the UI's npm packages"
  (cd ui && npm install --no-audit --no-fund) || die "npm install failed"
fi
