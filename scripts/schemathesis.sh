#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks the live server against docs/openapi.yaml with schemathesis (PyPI, pinned): every answer's
# status, headers and body must match the spec, and no request may crash the server.
#   scripts/schemathesis.sh [MAX_EXAMPLES]     (default 30 per operation; bounded run)
# Needs a built binary: .build/debug/ecouter, or $ECOUTER_BINARY.
set -euo pipefail
cd "$(dirname "$0")/.."
examples="${1:-30}"
binary="${ECOUTER_BINARY:-.build/debug/ecouter}"
[[ -x "$binary" ]] || { echo "schemathesis.sh: build first (swift build)" >&2; exit 1; }

pin="schemathesis==4.32.5"
if ! python3 -c 'import schemathesis' 2>/dev/null; then
    python3 -m pip install --quiet "$pin" 2>/dev/null || python3 -m pip install --quiet --break-system-packages "$pin"
fi

work="$(mktemp -d)"
log="$work/serve.log"
# Short articles only, so that random texts cost little synthesis; longer ones are a 413 the spec allows.
ECOUTER_MAX_TEXT_CHARACTERS=300 "$binary" serve --port 0 --cache "$work/cache" --jobs 2 --queue 64 2>"$log" &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$work"' EXIT
port=""
for _ in $(seq 1 300); do
    port="$(sed -n 's|.*serving on http://127.0.0.1:\([0-9]*\).*|\1|p' "$log" | head -1)"
    [[ -n "$port" ]] && break
    sleep 0.1
done
[[ -n "$port" ]] || { echo "schemathesis.sh: the server did not start:" >&2; cat "$log" >&2; exit 1; }

# positive_data_acceptance is left out: "has readable French text" (not empty, not only
# punctuation, not an HTML page without an article) cannot be said in a schema, so schema-valid
# bodies such as "\u0000" or "<p></p>" are rightly refused with 400. Every other check runs.
spec="$PWD/docs/openapi.yaml"
# Run from the scratch folder: schemathesis keeps a .schemathesis cache in the working directory.
cd "$work"
timeout 900 python3 -m schemathesis.cli run "$spec" --url "http://127.0.0.1:$port" \
    --checks all --exclude-checks positive_data_acceptance --max-examples "$examples" \
    --request-timeout 60 --workers 1 --no-color
