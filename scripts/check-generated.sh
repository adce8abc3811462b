#!/usr/bin/env bash
# Fails when generated files differ from what their generators produce now:
# the ts-rs IPC bindings (written by `cargo test`) and the icon set (`tauri icon`).
set -euo pipefail
cd "$(dirname "$0")/.."

stale=$(git status --porcelain -- ui/src/bindings)
if [ -n "$stale" ]; then
  echo "The IPC bindings in ui/src/bindings are stale; run 'cargo test' and commit them:" >&2
  echo "$stale" >&2
  exit 1
fi

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
(cd ui && npx --no-install tauri icon ../icons/app-icon.svg -o "$tmp" >/dev/null)
# icon.icns is left out: its bytes differ from run to run of the same generator.
for f in icons/*.png icons/*.ico; do
  cmp -s "$f" "$tmp/$(basename "$f")" || { echo "$f is stale; run: (cd ui && npx tauri icon ../icons/app-icon.svg -o ../icons)" >&2; exit 1; }
done


# The core stays free of Tauri, so its tests need no GTK (ARCHITECTURE habit 1).
if cargo tree -p shopcircle-core -e normal --prefix none | grep -q '^tauri'; then
  echo "shopcircle-core depends on tauri; keep the core free of the shell" >&2
  exit 1
fi
echo "generated files are current; the core is free of tauri"
