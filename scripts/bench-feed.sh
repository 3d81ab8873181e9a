#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark of `ecouter feed`: a generated 50-item French feed voiced with --jobs 1 and --jobs 2
# (several alternating runs each, medians), items per minute, the speed-up, and the time of an unchanged re-run.
#
#   scripts/bench-feed.sh            # 3 runs per setting
#   RUNS=5 ITEMS=50 scripts/bench-feed.sh
#   NICE=-10 scripts/bench-feed.sh  # as root: favour ecouter over other work on a shared machine
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
ITEMS=${ITEMS:-50}
FORMAT=${FORMAT:-mp3}
NICE=${NICE:-0}

swift build -c release --static-swift-stdlib --product ecouter >/dev/null
BIN=$(swift build -c release --static-swift-stdlib --show-bin-path)/ecouter
WORK=$(mktemp -d /tmp/ecouter-bench-feed.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

# A JSON Feed of $ITEMS items, each a title and four paragraphs of French news prose with numbers,
# dates, times and money, so normalization does real work. Deterministic (seeded).
python3 - "$ITEMS" > "$WORK/feed.json" <<'PY'
import json, random, sys
n = int(sys.argv[1])
rng = random.Random(2026)
villes = ["Lyon", "Marseille", "Toulouse", "Nantes", "Strasbourg", "Bordeaux", "Lille", "Rennes", "Grenoble", "Dijon"]
sujets = ["le budget municipal", "la rénovation des écoles", "le nouveau tramway", "la saison culturelle",
          "les travaux du pont", "la collecte des déchets", "le marché de Noël", "la piste cyclable"]
def paragraphe(ville, sujet):
    a, b, c = rng.randint(2, 95), rng.randint(100, 9000), rng.randint(1, 28)
    h, m = rng.randint(7, 21), rng.choice([0, 15, 30, 45])
    return (f"À {ville}, le conseil a présenté {sujet} le {c} mars 2026 à {h} h {m:02d}. "
            f"Selon la mairie, {a} % des habitants sont concernés et le coût atteint {b} euros par foyer. "
            f"Les élus de l'opposition demandent un nouveau vote avant la fin du mois, "
            f"tandis que les associations saluent une décision attendue depuis longtemps.")
items = []
for i in range(n):
    ville, sujet = villes[i % len(villes)], sujets[i % len(sujets)]
    items.append({
        "id": f"https://journal.example/articles/{i}",
        "url": f"https://journal.example/articles/{i}",
        "title": f"{ville} : {sujet}, épisode {i + 1}",
        "content_text": "\n\n".join(paragraphe(ville, sujet) for _ in range(4)),
        "date_published": f"2026-03-{1 + i % 28:02d}T08:00:00+01:00",
        "authors": [{"name": "La rédaction"}],
    })
json.dump({"version": "https://jsonfeed.org/version/1.1", "title": "Banc d'essai", "language": "fr",
           "items": items}, sys.stdout, ensure_ascii=False)
PY

median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }

timed_run() {  # jobs dir -> prints wall seconds; appends "jobs cpu-seconds" to $WORK/cpu
    local start end
    start=$(date +%s.%N)
    /usr/bin/time -f "$1 %U %S" -a -o "$WORK/cpu" nice -n "$NICE" "$BIN" feed "$WORK/feed.json" -d "$2" --jobs "$1" --format "$FORMAT" >/dev/null 2>&1 \
        || { echo "ecouter feed failed" >&2; exit 1; }
    end=$(date +%s.%N)
    echo "$end - $start" | bc -l
}

echo "ecouter feed: $ITEMS items ($(wc -c < "$WORK/feed.json") bytes of JSON Feed), format $FORMAT, $RUNS runs each, $(nproc) cores, nice $NICE, load $(cut -d' ' -f1-3 /proc/loadavg)"
# Runs alternate between --jobs 1 and --jobs 2, so load from other processes hits both alike.
declare -A TIMES MED
for _ in $(seq "$RUNS"); do
    for jobs in 1 2; do
        rm -rf "$WORK/out"
        TIMES[$jobs]+="$(timed_run "$jobs" "$WORK/out") "
    done
done
for jobs in 1 2; do
    MED[$jobs]=$(printf '%s\n' ${TIMES[$jobs]} | median)
    printf -- "--jobs %s: runs %s s; median %.2f s; %.1f items/min\n" "$jobs" "$(printf '%.2f ' ${TIMES[$jobs]})" "${MED[$jobs]}" \
        "$(echo "$ITEMS * 60 / ${MED[$jobs]}" | bc -l)"
done
printf "speed-up --jobs 2 vs --jobs 1: %.2fx (medians)\n" "$(echo "${MED[1]} / ${MED[2]}" | bc -l)"
# CPU seconds (user + system, workers included: the command reaps them) tell what parallelism
# costs, whatever else the machine is doing: on 2 idle cores the speed-up is about 2 × cpu1 / cpu2.
cpu1=$(awk '$1 == 1 {print $2 + $3}' "$WORK/cpu" | median); cpu2=$(awk '$1 == 2 {print $2 + $3}' "$WORK/cpu" | median)
printf "CPU per run (medians): --jobs 1 %.2f s, --jobs 2 %.2f s (workers' overhead %+.1f %%)\n" "$cpu1" "$cpu2" "$(echo "($cpu2 / $cpu1 - 1) * 100" | bc -l)"
# The fastest run of each is the one least disturbed by other work on a shared machine.
best1=$(printf '%s\n' ${TIMES[1]} | sort -n | head -1); best2=$(printf '%s\n' ${TIMES[2]} | sort -n | head -1)
printf "speed-up --jobs 2 vs --jobs 1: %.2fx (best runs: %.2f s vs %.2f s; %.1f vs %.1f items/min)\n" "$(echo "$best1 / $best2" | bc -l)" \
    "$best1" "$best2" "$(echo "$ITEMS * 60 / $best1" | bc -l)" "$(echo "$ITEMS * 60 / $best2" | bc -l)"

# What this machine gives two independent processes right now: espeak-ng alone on each half of the
# feed's text, one after the other, then both at once. On a shared machine other work takes its
# share; this ratio is the ceiling any --jobs 2 can reach in the same conditions.
python3 - "$WORK" <<'PY'
import json, sys
items = json.load(open(sys.argv[1] + "/feed.json"))["items"]
half = len(items) // 2
for name, part in (("a", items[:half]), ("b", items[half:])):
    open(f"{sys.argv[1]}/{name}.txt", "w").write("\n\n".join(i["title"] + ". " + i["content_text"] for i in part))
PY
espeak_pair() {  # serial|parallel -> seconds
    local start end
    start=$(date +%s.%N)
    if [ "$1" = serial ]; then
        nice -n "$NICE" espeak-ng -v fr -q -f "$WORK/a.txt" -w /dev/null; nice -n "$NICE" espeak-ng -v fr -q -f "$WORK/b.txt" -w /dev/null
    else
        nice -n "$NICE" espeak-ng -v fr -q -f "$WORK/a.txt" -w /dev/null & nice -n "$NICE" espeak-ng -v fr -q -f "$WORK/b.txt" -w /dev/null; wait
    fi
    end=$(date +%s.%N)
    echo "$end - $start" | bc -l
}
S=(); P=()
for _ in $(seq "$RUNS"); do S+=("$(espeak_pair serial)"); P+=("$(espeak_pair parallel)"); done
ms=$(printf '%s\n' "${S[@]}" | median); mp=$(printf '%s\n' "${P[@]}" | median)
bs=$(printf '%s\n' "${S[@]}" | sort -n | head -1); bp=$(printf '%s\n' "${P[@]}" | sort -n | head -1)
printf "machine ceiling (espeak-ng alone on 2 halves, serial vs parallel): %.2fx (medians %.2f s vs %.2f s), %.2fx (best runs)\n" \
    "$(echo "$ms / $mp" | bc -l)" "$ms" "$mp" "$(echo "$bs / $bp" | bc -l)"

audio=$(python3 -c "import json; print(round(sum(i.get('duration') or 0 for i in json.load(open('$WORK/out/manifest.json'))['items'])))")
echo "audio made per run: ${audio} s"

# Unchanged re-run: every item is read and hashed again, no audio is made.
times=()
for _ in $(seq "$RUNS"); do times+=("$(timed_run 2 "$WORK/out")"); done
last=$("$BIN" feed "$WORK/feed.json" -d "$WORK/out" --jobs 2 --format "$FORMAT" --json | tail -1)
printf "unchanged re-run: median %.2f s (last run: %s)\n" "$(printf '%s\n' "${times[@]}" | median)" "$last"
