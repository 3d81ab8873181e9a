#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Normalization throughput: `ecouter normalize` on ~20 MB of French news text (median of several runs),
# and, in the same run, eSpeak NG phonemizing a slice of the same text (no audio) as a reference.
# Usage: scripts/bench-normalize.sh [SAMPLE.txt] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
sample=${1:-samples/article.txt}
runs=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --product ecouter >/dev/null
bin=.build/release/ecouter

# Repeat the sample to about 20 MB.
size=$(wc -c <"$sample")
copies=$(( (20 * 1024 * 1024 + size - 1) / size ))
for _ in $(seq "$copies"); do cat "$sample"; echo; done >"$work/big.txt"
bytes=$(wc -c <"$work/big.txt")
head -c 50000 "$work/big.txt" | iconv -f utf-8 -t utf-8 -c >"$work/slice.txt"
slice_bytes=$(wc -c <"$work/slice.txt")

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null; t1=$(date +%s.%N); echo "$t1 - $t0" | bc -l; }

norm_times=$(for _ in $(seq "$runs"); do seconds "$bin" normalize "$work/big.txt"; done | median)
lines_times=$(for _ in $(seq "$runs"); do seconds "$bin" normalize --lines "$work/big.txt"; done | median)
espeak_time=$(for _ in 1 2 3; do seconds espeak-ng -v fr -q -x -f "$work/slice.txt"; done | median)

mbps() { echo "scale=2; $1 / 1048576 / $2" | bc -l; }
norm_mbps=$(mbps "$bytes" "$norm_times")
lines_mbps=$(mbps "$bytes" "$lines_times")
espeak_mbps=$(echo "scale=4; $slice_bytes / 1048576 / $espeak_time" | bc -l)
printf 'input: %s bytes (%s x %s)\n' "$bytes" "$copies" "$sample"
printf 'ecouter normalize (sentences): median %.3f s  -> %s MB/s\n' "$norm_times" "$norm_mbps"
printf 'ecouter normalize --lines:     median %.3f s  -> %s MB/s\n' "$lines_times" "$lines_mbps"
printf 'espeak-ng -v fr -q -x on a %s-byte slice: %.3f s -> %s MB/s\n' "$slice_bytes" "$espeak_time" "$espeak_mbps"
printf 'ratio normalize / espeak phonemizing throughput: %sx\n' "$(echo "scale=1; $norm_mbps / $espeak_mbps" | bc -l)"
