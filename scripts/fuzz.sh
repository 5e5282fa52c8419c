#!/usr/bin/env bash
# Fuzzes one decoder for a while: scripts/fuzz.sh [saved_decode|share_decode|questionnaire_parse] [seconds]
# cargo-fuzz needs nightly features; RUSTC_BOOTSTRAP lets the stable toolchain here provide them.
# Seeds come from the bad-input corpus in tests/corpus and the built-in questionnaires.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:-saved_decode}"
seconds="${2:-60}"
export PATH="$HOME/.cargo/bin:$PATH"
# Logs go to target/, which a fresh clone does not have yet.
mkdir -p target
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
seeds="fuzz/corpus/$target"
mkdir -p "$seeds"
case "$target" in
  saved_decode) cp tests/corpus/saved/* "$seeds/" ;;
  share_decode) cp tests/corpus/share/* tests/corpus/share-accepted/* "$seeds/" ;;
  questionnaire_parse) cp questionnaires/*.json "$seeds/" ;;
esac
RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" "$seeds" -- -max_total_time="$seconds" -max_len=65536 2>&1 | tee "target/fuzz-$target.log" | grep -E "^#[0-9]+.*(DONE|pulse)|ERROR|panicked" || true
grep -E "Done [0-9]+ runs" "target/fuzz-$target.log"
