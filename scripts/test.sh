#!/usr/bin/env bash
# Runs every test: formatting, lints, native domain and content tests, the release build, the
# browser tests in headless Chromium against dist/, and the cross-engine flows in Firefox ESR and
# WebKitGTK. Sets up whatever is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Logs go to target/, which a fresh clone does not have yet.
mkdir -p target

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "cargo fmt --check"
cargo fmt --check

step "cargo clippy --all-targets -- -D warnings"
cargo clippy --quiet --all-targets -- -D warnings

step "native tests (domain, content, scenarios)"
cargo test --quiet 2>&1 | tee target/native-tests.log
native_passed=$(grep -Eo '[0-9]+ passed' target/native-tests.log | awk '{s+=$1} END {print s+0}')

step "the translation catalogues pass GNU gettext's own check (msgfmt --check)"
for po in locales/*.po; do msgfmt --check --output-file=/dev/null "$po"; done

step "the translators' tool: a questionnaire as a .po passes msgfmt --check and imports back unchanged"
for file in questionnaires/*.*.json; do
  name=$(basename "$file" .json); id=${name%.*}; lang=${name##*.}
  [ "$lang" = "schema" ] && continue
  scripts/questionnaire-po.sh export "$id" "$lang" > "target/$name.po"
  msgfmt --check --output-file=/dev/null "target/$name.po"
  scripts/questionnaire-po.sh import "$id" "$lang" "target/$name.po" | cmp - "$file"
done

step "release build with Trunk (the start module and the later module)"
trunk build --release --offline

step "the one-module variant (--no-default-features: no split), and one browser flow on it"
# The switch to use if the split tool ever breaks (ARCHITECTURE.md, "The wasm pipeline").
trunk build --release --offline --no-default-features --dist dist-single
if ls dist-single | grep -q -- '-later-'; then echo "the one-module build has a later module"; exit 1; fi
AIMS_DIST=dist-single npx playwright test --config tests/e2e/playwright.config.mjs --grep "complete the quick scan with the mouse|offline edition runs a check" 2>&1 | tee target/e2e-single.log
single_passed=$(grep -Eo '[0-9]+ passed' target/e2e-single.log | tail -n 1 | awk '{print $1+0}')

step "size budget of the start-up download (every language)"
node scripts/size-check.mjs

step "a real WordPress with the plugin the build packaged (MariaDB, PHP's built-in server)"
tests/wordpress/serve.sh
trap 'tests/wordpress/serve.sh stop' EXIT

step "browser tests (headless Chromium)"
AIMS_WORDPRESS=1 npx playwright test --config tests/e2e/playwright.config.mjs 2>&1 | tee target/e2e-tests.log
e2e_passed=$(grep -Eo '[0-9]+ passed' target/e2e-tests.log | tail -n 1 | awk '{print $1+0}')

step "the serve command answers on a local address"
scripts/serve.sh --port 8099 > target/serve-smoke.log 2>&1 &
serve_pid=$!
served=""
for _ in $(seq 1 120); do
  if page=$(curl -fs http://127.0.0.1:8099/ 2>/dev/null) && grep -q 'boot-.*\.js' <<<"$page"; then served=yes; break; fi
  sleep 1
done
pkill -P "$serve_pid" 2>/dev/null || true; kill "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true
if [ -z "$served" ]; then echo "scripts/serve.sh did not serve the widget:"; tail -20 target/serve-smoke.log; exit 1; fi
if grep -q '<script>' <<<"$page"; then echo "the served page has an inline script, which its CSP forbids"; exit 1; fi
echo "scripts/serve.sh serves the widget on http://127.0.0.1:8099/"

step "cross-engine flows (Firefox ESR, WebKitGTK)"
node tests/engines/run.mjs 2>&1 | tee target/engine-tests.log
engine_passed=$(grep -Eo 'cross-engine: [0-9]+ passed' target/engine-tests.log | awk '{print $2+0}')

step "summary"
echo "native: ${native_passed} tests passed; Chromium: ${e2e_passed} tests passed (and ${single_passed} on the one-module build); Firefox and WebKit: ${engine_passed} flows passed"
echo "$((native_passed + e2e_passed + single_passed + engine_passed)) passed, 0 failed"
