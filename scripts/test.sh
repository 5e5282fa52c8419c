#!/usr/bin/env bash
# Runs every test: formatting, lints, native domain and content tests, the release build, and the
# browser tests in headless Chromium against dist/. Sets up whatever is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "cargo fmt --check"
cargo fmt --check

step "cargo clippy --all-targets -- -D warnings"
cargo clippy --quiet --all-targets -- -D warnings

step "native tests (domain, content, scenarios)"
cargo test --quiet 2>&1 | tee target/native-tests.log
native_passed=$(grep -Eo '[0-9]+ passed' target/native-tests.log | awk '{s+=$1} END {print s+0}')

step "release build with Trunk"
trunk build --release --offline

step "size budget of the compressed wasm"
node scripts/size-check.mjs

step "browser tests (headless Chromium)"
npx playwright test --config tests/e2e/playwright.config.mjs 2>&1 | tee target/e2e-tests.log
e2e_passed=$(grep -Eo '[0-9]+ passed' target/e2e-tests.log | tail -n 1 | awk '{print $1+0}')

step "summary"
echo "native: ${native_passed} tests passed; browser: ${e2e_passed} tests passed"
echo "$((native_passed + e2e_passed)) passed, 0 failed"
