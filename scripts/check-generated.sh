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

# ts-rs writes each exported type to bindings/<Name>.ts: two Rust types of one
# name would overwrite each other's file, whichever test ran last winning
# (a draw's Verdict once replaced the health check's). Names must be unique.
dupes=$(grep -rh -A3 --include='*.rs' '#\[ts(export' src-tauri \
  | grep -oE 'pub (struct|enum) [A-Za-z0-9_]+' | awk '{print $3}' | sort | uniq -d)
if [ -n "$dupes" ]; then
  echo "Two exported types share a name (their ui/src/bindings file would clash); rename one:" >&2
  echo "$dupes" >&2
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
