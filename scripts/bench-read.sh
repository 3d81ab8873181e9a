#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Speed and memory of `ecouter FILE -o out.wav` against `espeak-ng -v fr -s RATE -w` on the same text,
# in the same run. Prints medians of RUNS runs and the time ratio (target: ecouter <= 1.10 x).
#   scripts/bench-read.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}

scripts/setup.sh --test >/dev/null
command -v /usr/bin/time >/dev/null || { apt-get install -y -qq time >/dev/null; }
swift build -c release --product ecouter 2>&1 | tail -n 1
bin=.build/release/ecouter
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# eSpeak NG speaks at the default preset's rate too, so both make speech of the same speed.
rate=$(python3 -c 'import json; print(json.load(open("voices/fr-FR.json"))["rate"])')

# A long article: the sample repeated (its paragraphs kept) to about 50 kB.
for _ in $(seq 40); do cat samples/article.txt; echo; done > "$work/long.txt"
# 1 MB of text for the memory figure.
while [ "$(stat -c %s "$work/mb.txt" 2>/dev/null || echo 0)" -lt 1048576 ]; do cat samples/article.txt >> "$work/mb.txt"; echo >> "$work/mb.txt"; done

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc -l; }

compare() {
    local name=$1 file=$2 ours=() theirs=()
    for _ in $(seq "$runs"); do
        # Alternate the two so that machine noise falls on both alike.
        ours+=("$(seconds "$bin" "$file" -o "$work/ours.wav")")
        theirs+=("$(seconds espeak-ng -v fr -s "$rate" -w "$work/theirs.wav" -f "$file")")
    done
    local m_ours m_theirs
    m_ours=$(printf '%s\n' "${ours[@]}" | median)
    m_theirs=$(printf '%s\n' "${theirs[@]}" | median)
    local a_ours a_theirs
    a_ours=$(soxi -D "$work/ours.wav")
    a_theirs=$(soxi -D "$work/theirs.wav")
    # Per second of audio too: ecouter says more (numbers spelled out, its own pauses).
    printf '%-15s %7s B  ecouter %.3f s  espeak-ng %.3f s  ratio %.2f  | audio %.0f s vs %.0f s, per audio second %.2f\n' \
        "$name" "$(stat -c %s "$file")" "$m_ours" "$m_theirs" "$(echo "$m_ours / $m_theirs" | bc -l)" \
        "$a_ours" "$a_theirs" "$(echo "($m_ours / $a_ours) / ($m_theirs / $a_theirs)" | bc -l)"
}

echo "median of $runs runs each, wall-clock"
compare "sample article" samples/article.txt
# The real article the project is measured on, read from ../shared when it is there (never copied).
shared=../shared/samples/dsih-deepseek.body.txt
[ -f "$shared" ] && compare "shared article" "$shared"
compare "long article" "$work/long.txt"

rss() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident/ {gsub(/ /,"",$2); print $2}'; }
printf 'peak RSS on %s B of text: ecouter %s kB (target <= 65536 kB), espeak-ng %s kB\n' \
    "$(stat -c %s "$work/mb.txt")" "$(rss "$bin" "$work/mb.txt" -o "$work/mb.wav")" \
    "$(rss espeak-ng -v fr -s "$rate" -w "$work/mb-e.wav" -f "$work/mb.txt")"
