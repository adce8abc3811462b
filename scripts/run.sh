#!/usr/bin/env bash
# Sets up whatever is missing, builds ShopCircle and opens it. The data lives in
# the app's data directory unless SHOPCIRCLE_DB names another file.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh app
npm --prefix ui run build
cargo run --release --locked --bin shopcircle
