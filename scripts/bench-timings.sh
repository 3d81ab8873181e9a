#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# What --timings costs: `ecouter FILE -o out.mp3` against `ecouter FILE -o out.mp3 --timings out.json`
# (and out.vtt), same binary, same run, paired alternating runs (which one goes first alternates
# too, so drift and machine noise fall on both alike), medians of RUNS.
#   scripts/bench-timings.sh [RUNS] [FILE]   (RUNS >= 9 for figures worth quoting; default 9;
#                                             FILE: the shared 5 kB article, else the sample)
# Prints wall and CPU medians (user+sys, workers included) and the ratios (target <= 1.03), with
# `uptime` before and after: the machine is shared, its load moves every figure.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-9}
file=${2:-../shared/samples/dsih-deepseek.body.txt}
[ -f "$file" ] || file=samples/article.txt

swift build -c release --static-swift-stdlib --product ecouter 2>&1 | tail -n 1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "load before: $(uptime)"
BIN=.build/release/ecouter RUNS=$runs WORK=$work python3 - "$file" <<'PY'
import os, statistics, subprocess, sys, time

BIN, RUNS, WORK = os.environ["BIN"], int(os.environ["RUNS"]), os.environ["WORK"]
text = sys.argv[1]

def run(extra):
    """Wall and CPU seconds (user+sys of the command and the workers it reaped) of one reading."""
    cmd = [BIN, text, "-o", os.path.join(WORK, "out.mp3"), "-q"] + extra
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"failed ({status}): {' '.join(cmd)}")
    return wall, usage.ru_utime + usage.ru_stime

variants = {
    "plain": [],
    "json": ["--timings", os.path.join(WORK, "out.json")],
    "vtt": ["--timings", os.path.join(WORK, "out.vtt")],
}
results = {name: [] for name in variants}
run([])  # warm the page cache and the voice data
order = list(variants)
for i in range(RUNS):
    for name in (order if i % 2 == 0 else order[::-1]):
        results[name].append(run(variants[name]))

def medians(name):
    return statistics.median(w for w, _ in results[name]), statistics.median(c for _, c in results[name])

size = os.path.getsize(text)
pw, pc = medians("plain")
print(f"{text} ({size} bytes), {RUNS} paired runs, medians:")
print(f"  -o out.mp3                      wall {pw:.3f} s  CPU {pc:.3f} s")
for name in ("json", "vtt"):
    w, c = medians(name)
    print(f"  -o out.mp3 --timings out.{name:<5}  wall {w:.3f} s  CPU {c:.3f} s  ratio wall {w / pw:.3f}, CPU {c / pc:.3f} (target <= 1.03)")
PY
echo "load after:  $(uptime)"
