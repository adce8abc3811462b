#!/usr/bin/env bash
# Builds ShopCircle's installers from the repository's root: the .deb (and the
# AppImage with `--appimage`, which fetches linuxdeploy from GitHub while it
# bundles). The same tauri.conf.json gives .msi/NSIS on Windows and .dmg on macOS.
# Prints each bundle's path and size.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh app
bundles=deb
[ "${1:-}" = --appimage ] && bundles=deb,appimage
# The Tauri CLI runs from the root (where tauri.conf.json is); its
# beforeBuildCommand builds the UI in ui/, named here so it never depends on
# where the CLI guesses the front end lives.
TAURI_FRONTEND_PATH="$PWD/ui" ui/node_modules/.bin/tauri build --bundles "$bundles"
found=0
for f in target/release/bundle/deb/*.deb target/release/bundle/appimage/*.AppImage; do
  [ -f "$f" ] || continue
  found=1
  printf '%s\t%s\n' "$(du -h "$f" | cut -f1)" "$f"
done
[ "$found" = 1 ] || { echo "error: no bundle was written" >&2; exit 1; }
