#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The house in order: checks that fail the run, then a style report that does not.
#
#   scripts/soundness.sh            license headers, line length, no compiler warnings, format report
#   scripts/soundness.sh --quick    the same without the build (headers, lines, format report)
#
# 1. Every Swift file, script and Package.swift carries the SPDX GPL-3.0-or-later header in its
#    first lines.
# 2. No line of Swift over MAX_LINE characters (480 by default, the longest the code has today:
#    a help text in NormalizeCommand; lower it as lines get wrapped). Generated tables excluded.
# 3. A clean debug build of the package and its tests (own scratch directory, .build-soundness)
#    gives no compiler warning in this package's files (dependencies' warnings are theirs).
# 4. `swift format lint` with .swift-format (the current style: 4 spaces, long lines allowed,
#    semicolons between short statements), over hand-written files, counted by rule: a report, never a failure, until the code is formatted once on purpose.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=false
[[ ${1:-} == --quick ]] && quick=true
max_line=${MAX_LINE:-480}
failures=0
fail() { echo "soundness: $*" >&2; failures=$((failures + 1)); }

# 1. License headers.
missing=0
while IFS= read -r file; do
    if ! head -4 "$file" | grep -q 'SPDX-License-Identifier: GPL-3.0-or-later'; then
        fail "no license header: $file"
        missing=$((missing + 1))
    fi
done < <(git ls-files --cached --others --exclude-standard -- '*.swift' 'scripts/*.sh' 'scripts/*.py' | sort)
echo "license headers: $missing file(s) without"

# 2. Line length.
long=$(git ls-files --cached --others --exclude-standard -- '*.swift' | grep -v '/Generated/' \
    | xargs awk -v max="$max_line" 'length($0) > max { printf "%s:%d: %d characters\n", FILENAME, FNR, length($0) }')
if [[ -n $long ]]; then
    fail "lines over $max_line characters:"
    echo "$long" >&2
fi
echo "line length: $( [[ -z $long ]] && echo 0 || echo "$long" | wc -l) line(s) over $max_line"

# 3. Compiler warnings, from a clean build.
if ! $quick; then
    scratch=.build-soundness
    rm -rf "$scratch"
    log=$(mktemp)
    if ! nice -n 19 swift build --build-tests --scratch-path "$scratch" >"$log" 2>&1; then
        tail -20 "$log" >&2
        fail "the build failed"
    fi
    warnings=$(grep -E "^$PWD/(Sources|Tests|Fuzz)/.*: warning:" "$log" | sort -u || true)
    if [[ -n $warnings ]]; then
        fail "compiler warnings:"
        echo "$warnings" >&2
    fi
    echo "compiler warnings: $( [[ -z $warnings ]] && echo 0 || echo "$warnings" | wc -l)"
    rm -f "$log"
    rm -rf "$scratch"
fi

# 4. Format report (not a failure).
if swift format --version >/dev/null 2>&1; then
    # Generated and data files (tables written by scripts) are not hand-formatted code.
    files=$(git ls-files --cached --others --exclude-standard -- '*.swift' | grep -v -E '/Generated/|/BuiltIn[A-Za-z]*\.swift$')
    report=$(echo "$files" | xargs nice -n 19 swift format lint --parallel 2>&1 | sort -u || true)
    echo "swift format lint (report only, .swift-format): $(echo "$report" | grep -c 'warning:' || true) finding(s)"
    echo "$report" | grep -o 'warning: \[[A-Za-z]*\]' | sort | uniq -c | sort -rn | sed 's/warning: /    /'
else
    echo "swift format: not in this toolchain, skipped"
fi

[[ $failures -eq 0 ]] || { echo "soundness: $failures check(s) failed" >&2; exit 1; }
echo "soundness: passed"
