#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sentence segmentation throughput of `ecouter sentences` on a ~20 MB French text made by repeating
# a sample article. Prints the median of several runs in MB/s: --count (reading, validating and
# segmenting only), the whole-file mode (plus writing every sentence) and --lines (plus JSON).
#
# Usage: scripts/bench-segment.sh [runs=5] [megabytes=20]
# Run from the project root; builds the release binary first.
set -euo pipefail

runs=${1:-5}
megabytes=${2:-20}
sample=${SAMPLE:-../shared/samples/dsih-deepseek.body.txt}
[ -f "$sample" ] || sample=/work/shared/samples/dsih-deepseek.body.txt

swift build -c release --static-swift-stdlib --product ecouter >/dev/null
bin=.build/release/ecouter

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
text="$work/text.txt"
target=$((megabytes * 1000 * 1000))
: >"$text"
while [ "$(stat -c %s "$text")" -lt "$target" ]; do cat "$sample" >>"$text"; done
bytes=$(stat -c %s "$text")

now() { date +%s.%N; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

measure() {  # label, command...
    local label=$1; shift
    local times=()
    for _ in $(seq "$runs"); do
        local start end
        start=$(now)
        "$@" >/dev/null
        end=$(now)
        times+=("$(echo "$end - $start" | bc -l)")
    done
    local best
    best=$(printf '%s\n' "${times[@]}" | median)
    printf '%-28s %8.3f s  %7.1f MB/s  (median of %d)\n' "$label" "$best" "$(echo "$bytes / 1000000 / $best" | bc -l)" "$runs"
}

sentences=$("$bin" sentences "$text" | wc -l)
printf 'text: %s bytes (%s x %s), %s sentences\n' "$bytes" "$(basename "$sample")" \
    "$((bytes / $(stat -c %s "$sample")))" "$sentences"
measure "cat (I/O reference)" cat "$text"
measure "ecouter sentences --count" "$bin" sentences --count "$text"
measure "ecouter sentences" "$bin" sentences "$text"
measure "ecouter sentences --lines" "$bin" sentences --lines "$text"
