#!/usr/bin/env bash
# The benchmark (README "Benchmark"): builds the release dist, a second dist with a generated
# 1,000-item stress questionnaire and the SurveyJS reference pages, then measures both in headless
# Chromium and prints one table, the start-up download per language, Lighthouse (mobile and
# desktop) and where the wasm's bytes go. Measures only: it never fails on a number.
# Usage: scripts/bench.sh [--runs=5] [--clicks=12]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Logs go to target/, which a fresh clone does not have yet.
mkdir -p target

echo "== native: scoring, roadmap and documents for a complete full assessment"
cargo bench --quiet -p aims-domain --bench domain 2>/dev/null | tee target/bench-native.log

echo "== inputs: stress questionnaire and SurveyJS reference pages"
node bench/prepare.mjs target/bench

echo "== release builds (the stress build first, so dist/ ends as the normal build)"
AIMS_EXTRA_QUESTIONNAIRES="$PWD/target/bench/stress" trunk build --release --offline --dist target/bench/dist-stress >target/bench/stress-build.log 2>&1 \
  || { tail -20 target/bench/stress-build.log; exit 1; }
trunk build --release --offline >target/bench/build.log 2>&1 || { tail -20 target/bench/build.log; exit 1; }

echo "== browser measurements"
node bench/run.mjs "$@"

echo "== start-up download per language (gzip -9: index.html, what it references, the content file)"
node scripts/size-check.mjs || true

echo "== Lighthouse 12.2.3, mobile and desktop (CHROME_PATH=/usr/bin/chromium), 3 runs each, medians"
node bench/lighthouse.mjs --runs=3

echo "== where the wasm's bytes go (names kept: the cargo build before wasm-bindgen and wasm-opt)"
node bench/wasm-profile.mjs --top=15
