#!/usr/bin/env bash
# Translators' tool for questionnaires, with gettext as for the interface (locales/*.po):
#   scripts/questionnaire-po.sh export <id> <language> > <id>.<language>.po
#     every text of the built-in questionnaire <id> as a .po (place as msgctxt, English as
#     msgid), with the translation so far from questionnaires/<id>.<language>.json if it exists;
#   scripts/questionnaire-po.sh import <id> <language> <file>.po > questionnaires/<id>.<language>.json
#     the translation file from a translated .po, or every missing, fuzzy, stale or unknown text
#     named (nothing written to stdout then, exit status 1).
# Edit the .po in Poedit or any gettext tool. Native Rust only; see questionnaires/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
exec cargo run --quiet -p aims-domain --example questionnaire_po -- "$@"
