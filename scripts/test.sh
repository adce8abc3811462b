#!/usr/bin/env bash
# Sets up whatever is missing and runs every test: Rust (core, CLI, shell IPC),
# the UI's, and the end-to-end suite in the real app window under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\033[1;32m==>\033[0m %s\n' "$*"; }

scripts/setup.sh test

# A CI run builds once from a fresh clone: incremental caches would only double
# what the target folder holds on the disk.
if [ "${CI:-}" = true ]; then export CARGO_INCREMENTAL=0; fi

say "UI: lint (ESLint with React's rules of hooks), unit tests and production build"
npm --prefix ui run lint
npm --prefix ui test
npm --prefix ui run build

say "Rust: formatting, lint, then core, app, CLI and shell tests (the tests also regenerate the IPC bindings)"
cargo fmt --all --check
scripts/module-cycles.py >/dev/null || { scripts/module-cycles.py; echo "the core's modules must form layers, without cycles" >&2; exit 1; }
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo test --workspace --locked

say "Checking that the committed IPC bindings and icons are current"
scripts/check-generated.sh

say "End to end: the real app under Xvfb through tauri-driver"
cargo build --locked -p shopcircle -p shopcircle-cli
tests/e2e/run.sh target/debug/shopcircle
