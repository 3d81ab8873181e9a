#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Speed of `ecouter FILE -o OUT` against eSpeak NG on the same text at the same rate, measured in
# the same run as paired, alternating runs (so machine noise falls on both alike), medians of RUNS.
#   scripts/bench-read.sh [RUNS]     (RUNS >= 9 for figures worth quoting; default 9)
#   BENCH_TEXTS="sample shared 1MB" scripts/bench-read.sh   only the texts named (sample, shared, 100kB, 1MB)
# Prints, per text (3 kB sample, the shared 5 kB article when ../shared is there; for 100 kB the
# WAV, first-audio and --jobs lines; for 1 MB first audio only, as whole runs take minutes there):
#   WAV  ecouter vs `espeak-ng -s RATE -w`                      wall and CPU ratios
#   MP3  ecouter vs `espeak-ng --stdout | lame -b 48`           wall ratio; ecouter MP3 / its WAV
#   first 4 KB of audio on a pipe, ecouter vs `espeak-ng --stdout`
#   isolation: supervised worker (the default) vs --unsafe-in-process, and --jobs 1 vs the default
# plus start-up (`--version`) and peak RSS on 1 MB (ecouter's process and its workers apart), and
# `uptime` before and after: the load of a
# shared machine moves every figure, quote quiet runs and say which.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-9}

scripts/setup.sh --test >/dev/null
command -v lame >/dev/null || apt-get install -y -qq lame >/dev/null || true
# The command starts its speech workers from `ecouter-speech-worker` beside it (built here too).
swift build -c release --static-swift-stdlib --product ecouter-speech-worker 2>&1 | tail -n 1
swift build -c release --static-swift-stdlib --product ecouter 2>&1 | tail -n 1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# eSpeak NG speaks at the default preset's rate too, so both make speech of the same speed.
rate=$(python3 -c 'import json; print(json.load(open("voices/fr-FR.json"))["rate"])')

# Texts: the sample, the shared real article (read from ../shared, never copied), 100 kB and 1 MB
# made of the sample's paragraphs.
texts=("sample 3kB=samples/article.txt")
shared=../shared/samples/dsih-deepseek.body.txt
[ -f "$shared" ] && texts+=("shared 5kB=$shared")
for size in 102400 1048576; do
    while [ "$(stat -c %s "$work/$size.txt" 2>/dev/null || echo 0)" -lt "$size" ]; do
        cat samples/article.txt >> "$work/$size.txt"; echo >> "$work/$size.txt"
    done
done
texts+=("100kB=$work/102400.txt" "1MB=$work/1048576.txt")

echo "load before: $(uptime)"
BENCH_TEXTS=${BENCH_TEXTS:-} BIN=.build/release/ecouter RATE=$rate RUNS=$runs WORK=$work python3 - "${texts[@]}" <<'PY'
import os, statistics, subprocess, sys, time, resource, shutil

BIN, RATE, RUNS, WORK = os.environ["BIN"], os.environ["RATE"], int(os.environ["RUNS"]), os.environ["WORK"]
have_lame = shutil.which("lame") is not None

def run(cmd):
    """Wall seconds and CPU seconds (user+sys, reaped children included) of one command."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, shell=isinstance(cmd, str), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"failed ({status}): {cmd}")
    return wall, usage.ru_utime + usage.ru_stime

def first_bytes(cmd, count=4096):
    """Seconds until `count` bytes of audio arrive on the command's standard output."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    got = 0
    while got < count:
        chunk = p.stdout.read1(count - got)
        if not chunk:
            break
        got += len(chunk)
    elapsed = time.perf_counter() - start
    p.kill(); p.wait()
    return elapsed

def paired(a, b, measure=run):
    """Medians of RUNS alternating runs of a and b."""
    xs, ys = [], []
    for _ in range(RUNS):
        xs.append(measure(a)); ys.append(measure(b))
    if isinstance(xs[0], tuple):
        return tuple(statistics.median(v[i] for v in xs) for i in range(2)), tuple(statistics.median(v[i] for v in ys) for i in range(2))
    return statistics.median(xs), statistics.median(ys)

def seconds_of(wav):
    return float(subprocess.run(["soxi", "-D", wav], capture_output=True, text=True).stdout)

print(f"medians of {RUNS} paired runs; rate {RATE} wpm; cores {os.cpu_count()}")
only = os.environ.get("BENCH_TEXTS", "").split()
for spec in sys.argv[1:]:
    name, path = spec.split("=", 1)
    if only and name.split()[0] not in only:
        continue
    size = os.path.getsize(path)
    ours_wav, theirs_wav = f"{WORK}/ours.wav", f"{WORK}/theirs.wav"
    if size > 500_000:
        fo, ft = paired([BIN, path, "-o", "-"], ["espeak-ng", "-v", "fr", "-s", RATE, "--stdout", "-f", path], first_bytes)
        print(f"{name:10} first 4 KB  ecouter {fo*1000:.0f} ms | espeak-ng {ft*1000:.0f} ms | x{fo/ft:.2f}")
        continue
    (ow, oc), (tw, tc) = paired([BIN, path, "-o", ours_wav], ["espeak-ng", "-v", "fr", "-s", RATE, "-w", theirs_wav, "-f", path])
    print(f"{name:10} WAV  ecouter {ow:.3f} s wall {oc:.3f} s CPU | espeak-ng {tw:.3f} s {tc:.3f} s | "
          f"wall x{ow/tw:.2f} CPU x{oc/tc:.2f} | audio {seconds_of(ours_wav):.1f} s vs {seconds_of(theirs_wav):.1f} s")
    if size <= 20_000 and have_lame:
        (mw, mc), (lw, lc) = paired([BIN, path, "-o", f"{WORK}/ours.mp3"],
                                    f"espeak-ng -v fr -s {RATE} --stdout -f '{path}' | lame --quiet -b 48 - '{WORK}/theirs.mp3'")
        print(f"{name:10} MP3  ecouter {mw:.3f} s wall | espeak-ng|lame {lw:.3f} s | wall x{mw/lw:.2f} | ecouter MP3/WAV x{mw/ow:.2f}")
    fo, ft = paired([BIN, path, "-o", "-"], ["espeak-ng", "-v", "fr", "-s", RATE, "--stdout", "-f", path], first_bytes)
    print(f"{name:10} first 4 KB  ecouter {fo*1000:.0f} ms | espeak-ng {ft*1000:.0f} ms | x{fo/ft:.2f}")
    if size <= 20_000:
        (iw, ic), (pw, pc) = paired([BIN, path, "-o", ours_wav, "--jobs", "1"], [BIN, path, "-o", ours_wav, "--unsafe-in-process"])
        print(f"{name:10} isolation  one worker {iw:.3f} s wall {ic:.3f} s CPU | in-process {pw:.3f} s {pc:.3f} s | wall x{iw/pw:.2f} CPU x{ic/pc:.2f}")
    (sw, sc), (dw, dc) = paired([BIN, path, "-o", ours_wav, "--jobs", "1"], [BIN, path, "-o", ours_wav])
    print(f"{name:10} --jobs 1   {sw:.3f} s wall {sc:.3f} s CPU | default jobs {dw:.3f} s {dc:.3f} s | wall x{dw/sw:.2f}")

(vw, _), (ew, _) = paired([BIN, "--version"], ["espeak-ng", "--version"])
print(f"start-up   --version ecouter {vw*1000:.1f} ms | espeak-ng {ew*1000:.1f} ms | x{vw/ew:.2f}")
PY

# Peak RSS of each process on its own: `/usr/bin/time` reports the largest of a process and the
# children it reaped, so it showed a speech worker's peak as ecouter's. Each process's high-water
# mark (VmHWM) is polled until it exits.
peaks() {
    python3 - "$@" <<'PY'
import os, subprocess, sys, time
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
def hwm(pid):
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("VmHWM:"): return int(line.split()[1])
    except OSError: return None
main, workers = 0, {}
while p.poll() is None:
    main = max(main, hwm(p.pid) or 0)
    children = []  # each thread lists the children it started
    try:
        for task in os.listdir(f"/proc/{p.pid}/task"):
            children += open(f"/proc/{p.pid}/task/{task}/children").read().split()
    except OSError: pass
    for child in children:
        workers[child] = max(workers.get(child, 0), hwm(child) or 0)
    time.sleep(0.05)
print(f"{main} kB, workers {max(workers.values(), default=0)} kB each at most ({len(workers)})")
PY
}
rss() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident/ {gsub(/ /,"",$2); print $2}'; }
# BENCH_RSS=0 skips it (a whole 1 MB reading by each program takes minutes).
[ "${BENCH_RSS:-1}" = 0 ] || printf 'peak RSS on 1 MB of text: ecouter %s; espeak-ng %s kB\n' \
    "$(peaks .build/release/ecouter "$work/1048576.txt" -o "$work/mb.wav")" \
    "$(rss espeak-ng -v fr -s "$rate" -w "$work/mb-e.wav" -f "$work/1048576.txt")"
echo "load after: $(uptime)"
