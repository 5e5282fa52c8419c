#!/usr/bin/env bash
# Builds the widget (release, size-optimised) and serves it on http://127.0.0.1:8080/ with the built-in questionnaires.
# Sets up whatever is missing first (see scripts/setup.sh). Extra arguments go to `trunk serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
echo "[serve] building and serving on http://127.0.0.1:8080/ (Ctrl+C to stop)"
exec trunk serve --release --offline "$@"
