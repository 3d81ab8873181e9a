#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Normalization throughput: `ecouter normalize` on ~20 MB of French news text (medians of several runs,
# by wall time and by CPU time), and, in the same run, eSpeak NG phonemizing a slice of the same text
# (no audio) as a reference.
#
# Usage: scripts/bench-normalize.sh [SAMPLE.txt] [RUNS]    ("" as SAMPLE.txt keeps the default)
#   SAMPLE.txt  text repeated to ~20 MB (default: the repository's own news texts, i.e. the article
#               bodies of Tests/EcouterExtractionTests/Fixtures/pages/*.body.txt and samples/article.txt)
#   RUNS        runs per measure (default 5)
#   ECOUTER_BIN (environment) a binary to measure instead of building .build/release/ecouter
#
# The machine may be shared: CPU time (user + sys) is the steadier figure; wall time is what a user waits.
# MB here is 2^20 bytes.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [[ -n ${1:-} ]]; then
    sample=$1
    label=$1
else
    sample="$work/corpus.txt"
    cat Tests/EcouterExtractionTests/Fixtures/pages/*.body.txt samples/article.txt >"$sample"
    label="repository news texts ($(ls Tests/EcouterExtractionTests/Fixtures/pages/*.body.txt | wc -l) article bodies + samples/article.txt)"
fi

# ECOUTER_BIN=path/to/ecouter measures another build (e.g. a saved copy of an older one) without building.
if [[ -n ${ECOUTER_BIN:-} ]]; then
    bin=$ECOUTER_BIN
else
    swift build -c release --static-swift-stdlib --product ecouter >/dev/null
    bin=.build/release/ecouter
fi

# Repeat the sample to about 20 MB.
size=$(wc -c <"$sample")
copies=$(( (20 * 1024 * 1024 + size - 1) / size ))
for _ in $(seq "$copies"); do cat "$sample"; echo; done >"$work/big.txt"
bytes=$(wc -c <"$work/big.txt")
head -c 50000 "$work/big.txt" | iconv -f utf-8 -t utf-8 -c >"$work/slice.txt"
slice_bytes=$(wc -c <"$work/slice.txt")

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# Runs a command RUNS times (output discarded); prints "wall cpu" medians in seconds (cpu = user + sys).
measure() {
    local n=$1; shift
    local log="$work/times"
    : >"$log"
    for _ in $(seq "$n"); do
        /usr/bin/time -f "%e %U %S" -o "$work/one" "$@" >/dev/null
        tail -n 1 "$work/one" >>"$log"
    done
    local wall cpu
    wall=$(awk '{print $1}' "$log" | median)
    cpu=$(awk '{print $2 + $3}' "$log" | median)
    echo "$wall $cpu"
}

mbps() { echo "scale=2; $1 / 1048576 / $2" | bc -l; }

read -r norm_wall norm_cpu < <(measure "$runs" "$bin" normalize "$work/big.txt")
read -r lines_wall lines_cpu < <(measure "$runs" "$bin" normalize --lines "$work/big.txt")
read -r espeak_wall espeak_cpu < <(measure 3 espeak-ng -v fr -q -x -f "$work/slice.txt")

espeak_mbps_wall=$(echo "scale=4; $slice_bytes / 1048576 / $espeak_wall" | bc -l)
espeak_mbps_cpu=$(echo "scale=4; $slice_bytes / 1048576 / $espeak_cpu" | bc -l)
norm_mbps_cpu=$(mbps "$bytes" "$norm_cpu")

printf 'input: %s bytes (%s x %s)\n' "$bytes" "$copies" "$label"
printf 'medians of %s runs              wall s   MB/s wall    cpu s   MB/s cpu\n' "$runs"
printf 'ecouter normalize (sentences): %7.3f  %10s  %7.3f  %9s\n' "$norm_wall" "$(mbps "$bytes" "$norm_wall")" "$norm_cpu" "$norm_mbps_cpu"
printf 'ecouter normalize --lines:     %7.3f  %10s  %7.3f  %9s\n' "$lines_wall" "$(mbps "$bytes" "$lines_wall")" "$lines_cpu" "$(mbps "$bytes" "$lines_cpu")"
printf 'espeak-ng -v fr -q -x (%s-byte slice, 3 runs): %.3f s wall -> %s MB/s, %.3f s cpu -> %s MB/s\n' \
    "$slice_bytes" "$espeak_wall" "$espeak_mbps_wall" "$espeak_cpu" "$espeak_mbps_cpu"
printf 'ratio normalize / espeak phonemizing throughput (cpu): %sx\n' "$(echo "scale=1; $norm_mbps_cpu / $espeak_mbps_cpu" | bc -l)"
