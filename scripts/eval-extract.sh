#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Article extraction scores: `ecouter text` on every page (scraped text and HTML), then ecouter
# and trafilatura side by side on the same HTML pages. Word precision / recall against each
# page's clean body, by ../shared/eval/extract_eval.py.
#   scripts/eval-extract.sh                 # shared samples + our fixtures (exact, unseen sets, holdout)
#   scripts/eval-extract.sh DIR [DIR...]    # any folders of NAME.page.(html|txt) + NAME.body.txt
# Needs python3; trafilatura (pinned, with lxml_html_clean) is installed from PyPI when missing.
set -eu
cd "$(dirname "$0")/.."
EVAL=${EVAL:-../shared/eval/extract_eval.py}
fixtures=Tests/EcouterExtractionTests/Fixtures
if [ "$#" -gt 0 ]; then folders="$*"; else folders="../shared/samples $fixtures/pages $fixtures/pages-unseen $fixtures/pages-unseen-3 $fixtures/pages-unseen-4 $fixtures/pages-holdout"; fi

swift build -c release --static-swift-stdlib --product ecouter >/dev/null
log=$(mktemp)
trap 'rm -f "$log"' EXIT

run() {  # label, command, kind
    echo "== $1 ($3)"
    # shellcheck disable=SC2086
    python3 "$EVAL" "$2" $folders --kind "$3" | tee -a /dev/stderr | tail -n 1 | sed "s/^/$1 $3: /" >>"$log"
}

run ecouter ".build/release/ecouter text {}" all 2>&1
run ecouter ".build/release/ecouter text {}" txt 2>&1
run ecouter ".build/release/ecouter text {}" html 2>&1
if ! python3 -c "import trafilatura" 2>/dev/null; then
    python3 -m pip install --quiet "trafilatura==2.3.1" lxml_html_clean >&2 \
        || python3 -m pip install --quiet --break-system-packages "trafilatura==2.3.1" lxml_html_clean >&2 || true
fi
if python3 -c "import trafilatura" 2>/dev/null; then
    run trafilatura "python3 scripts/trafilatura-text.py {}" html 2>&1
else
    echo "trafilatura not installed: pip install trafilatura lxml_html_clean" >&2
fi
echo
echo "== summary"
cat "$log"
