#!/usr/bin/env bash
# Installs everything the build and the tests need, skipping what is already there.
# Idempotent: safe to run on every invocation of serve.sh and test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION="0.21.14"
# wasm-bindgen-cli must match the wasm-bindgen crate locked in Cargo.lock exactly.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)"
# The split tool, pinned like Trunk (scripts/split.mjs, ARCHITECTURE.md "The wasm pipeline").
WASM_SPLIT_VERSION="0.2.4"
want_browser="${1:-}"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION"; then
  # A debug build: about 4 minutes on 2 cores where the release build took 11 (measured
  # 2026-12-06); Trunk only copies, hashes and runs the tools, so the page it builds is the same.
  say "installing Trunk $TRUNK_VERSION (about 4 minutes on 2 cores, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --debug
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes, once)"
  # --locked fails here: one locked dependency is missing from the registry.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# The wasm split (scripts/split.mjs): the CLI must match the wasm_split_helpers crate in Cargo.lock
# (same release line). A debug build: 39 s to compile where the release build took 2 min 54 s,
# and it splits our module in half a second (measured 2026-12-06).
# (The CLI has no --version: cargo's list of installed packages says which one is there.)
if ! command -v wasm-split-cli >/dev/null || ! cargo install --list | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (under a minute, once)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked --debug
fi

# Trunk.toml pins the same version; keep them in step so trunk never tries to download.
if ! grep -q "wasm_bindgen = \"$WASM_BINDGEN_VERSION\"" Trunk.toml; then
  echo "Trunk.toml pins a different wasm_bindgen than Cargo.lock ($WASM_BINDGEN_VERSION)" >&2
  exit 1
fi

# npm tools: binaryen's wasm-opt for Trunk, Playwright and axe-core for the browser tests.
if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi

# For the browser tests, from Debian packages: Chromium; Firefox ESR and WebKitGTK's WebDriver
# and MiniBrowser with Xvfb for the cross-engine flows; poppler-utils (pdftotext, pdfinfo) to
# read the printed report; LibreOffice Calc and Writer to open the CSV, Excel and Word exports as
# their users do; a Java runtime for the Nu Html Checker (npm vnu-jar); gettext's msgfmt to
# check the catalogues as translators' tools read them; WordPress, MariaDB and PHP (about 30
# seconds) to run the WordPress plugin in a real WordPress. No test tool ever downloads a browser.
if [ "$want_browser" = "--browser" ] && { [ ! -x /usr/bin/chromium ] || ! command -v pdftotext >/dev/null \
    || ! command -v soffice >/dev/null || [ ! -e /usr/lib/libreoffice/program/libswlo.so ] \
    || ! command -v java >/dev/null || [ ! -x /usr/bin/firefox-esr ] \
    || ! command -v WebKitWebDriver >/dev/null || ! command -v Xvfb >/dev/null || ! command -v msgfmt >/dev/null \
    || [ ! -d /usr/share/wordpress/wp-content/themes/twentytwentyone ] || ! command -v mariadbd >/dev/null || ! command -v php >/dev/null \
    || ! php -m 2>/dev/null | grep -q mysqli; }; then
  say "installing Chromium, Firefox ESR, WebKitGTK, Xvfb, poppler-utils, LibreOffice Calc and Writer, a Java runtime, gettext, WordPress, MariaDB and PHP from Debian packages (a few minutes, once)"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver firefox-esr \
    webkit2gtk-driver xvfb poppler-utils libreoffice-calc-nogui libreoffice-writer-nogui \
    default-jre-headless gettext >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends wordpress \
    wordpress-theme-twentytwentyone mariadb-server php-cli php-mysql >/dev/null
fi

# The Python readers people open our Office files with, pinned, in a venv of their own
# (.venv): openpyxl for the workbook, python-docx for the Word report. About 10 seconds, once.
PY_TOOLS="openpyxl==3.1.5 python-docx==1.2.0"
if [ "$want_browser" = "--browser" ] && ! .venv/bin/python -c "import openpyxl, docx" 2>/dev/null; then
  say "installing $PY_TOOLS into .venv"
  python3 -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check $PY_TOOLS
fi
