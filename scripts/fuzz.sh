#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Coverage-guided fuzzing of one harness under Fuzz/ with libFuzzer and AddressSanitizer.
#
#   scripts/fuzz.sh TARGET SECONDS [libFuzzer options…]
#   scripts/fuzz.sh list
#
# TARGET: segmenter normalizer page-text html xml-feed json-feed wav worker.
# The package's modules are built once, instrumented (-sanitize=fuzzer,address), in .build-fuzz
# (the normal .build is not touched); the harness is linked against them with swiftc. The corpus
# (.build-fuzz/corpus/TARGET) is seeded from the test fixtures and grows from run to run; a crash,
# leak or timeout is copied to Fuzz/regressions/TARGET/, where FuzzRegressionTests replays it.
# Runs under nice -n 19: the machine is shared. The last line sums the run up.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: scripts/fuzz.sh TARGET SECONDS [libFuzzer options…] (TARGET: $(targets))" >&2; exit 64; }
targets() { echo segmenter normalizer page-text html xml-feed json-feed wav worker; }

[[ ${1:-} == list ]] && { targets; exit 0; }
[[ $# -ge 2 ]] || usage
target=$1 seconds=$2
shift 2
[[ $seconds =~ ^[0-9]+$ && $seconds -gt 0 ]] || usage

# harness directory, the module it imports (built with its dependencies), shared files, seeds.
case $target in
    segmenter) harness=SentenceSegmenter module=EcouterNormalization shared=() ;;
    normalizer) harness=Normalizer module=EcouterNormalization shared=() ;;
    page-text) harness=PageTextCleaner module=EcouterExtraction shared=(Fuzz/Shared/ArticleCheck.swift) ;;
    html) harness=HTMLExtractor module=EcouterExtraction shared=(Fuzz/Shared/ArticleCheck.swift) ;;
    xml-feed) harness=XMLFeedParser module=EcouterFeed shared=(Fuzz/Shared/FeedCheck.swift) ;;
    json-feed) harness=JSONFeedParser module=EcouterFeed shared=(Fuzz/Shared/FeedCheck.swift) ;;
    wav) harness=WAVReader module=EcouterAudio shared=() ;;
    worker) harness=WorkerTextPath module=Ecouter shared=() ;;
    *) usage ;;
esac

scratch=.build-fuzz
mkdir -p "$scratch"
run() { nice -n 19 "$@"; }

# 1. The modules, instrumented for coverage and ASan. --target builds libraries only: no link of
#    the `ecouter` executable, whose main would clash with libFuzzer's.
run swift build -c release --scratch-path "$scratch" --target "$module" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -g >"$scratch/build-$module.log" 2>&1 \
    || { tail -20 "$scratch/build-$module.log" >&2; echo "fuzz.sh: building $module failed" >&2; exit 1; }
release=$scratch/release

# Every object the module needs: its own and its package dependencies' (the .build directories
# SwiftPM wrote for this --target build), no executables, no tests.
objects=()
for dir in "$release"/*.build; do
    name=$(basename "$dir" .build)
    case $name in ecouter | *Tests | ecouterPackageTests | ArgumentParser* | *Tool* | *Plugin*) continue ;; esac
    for object in "$dir"/*.o; do [[ -e $object ]] && objects+=("$object"); done
done

# 2. The harness, linked with libFuzzer's main.
binary=$scratch/fuzz-$target
cflags=()
for library in espeak-ng libxml-2.0 lame; do
    for flag in $(pkg-config --cflags "$library" 2>/dev/null); do cflags+=(-Xcc "$flag"); done
done
for map in Sources/C*/module.modulemap; do cflags+=(-Xcc "-fmodule-map-file=$map"); done
run swiftc -O -g -parse-as-library -sanitize=fuzzer,address -package-name ecouter \
    -I "$release/Modules" -I "$release" "${cflags[@]}" \
    "Fuzz/$harness/main.swift" Fuzz/Shared/FuzzInput.swift "${shared[@]}" "${objects[@]}" \
    -lespeak-ng -lxml2 -lmp3lame -o "$binary" >"$scratch/link-$target.log" 2>&1 \
    || { tail -20 "$scratch/link-$target.log" >&2; echo "fuzz.sh: linking the $target harness failed" >&2; exit 1; }

# 3. Seeds: the fixtures that look like this harness's input (libFuzzer keeps what adds coverage).
corpus=$scratch/corpus/$target
mkdir -p "$corpus"
seed() { for file in "$@"; do [[ -f $file ]] && cp -n "$file" "$corpus/seed-$(basename "$(dirname "$file")")-$(basename "$file")"; done; true; }
case $target in
    segmenter | normalizer)
        seed samples/*.txt Tests/EcouterExtractionTests/Fixtures/pages/*.body.txt
        # One seed per fixture line: short inputs are what libFuzzer mutates best.
        for tsv in Tests/EcouterNormalizationTests/Fixtures/*.tsv; do
            n=0
            while IFS=$'\t' read -r written _ && [[ $n -lt 200 ]]; do
                [[ -z $written || $written == \#* ]] && continue
                printf '%s' "$written" >"$corpus/seed-$(basename "$tsv" .tsv)-$n"
                n=$((n + 1))
            done <"$tsv"
        done ;;
    page-text) seed samples/*.txt Tests/EcouterExtractionTests/Fixtures/pages*/*.txt ;;
    html) seed samples/*.html Tests/EcouterExtractionTests/Fixtures/pages*/*.html ;;
    xml-feed) seed Tests/EcouterFeedTests/Fixtures/*.xml ;;
    json-feed) seed Tests/EcouterFeedTests/Fixtures/*.json ;;
    wav)
        # Small valid WAVs from the built command when there is one; libFuzzer also starts from nothing.
        if [[ -x .build/debug/ecouter ]]; then
            for text in "Bonjour." "Un."; do
                echo "$text" | .build/debug/ecouter - -o "$corpus/seed-${text%.}.wav" 2>/dev/null || true
            done
        fi ;;
    worker) seed samples/*.txt ;;
esac
[[ -d Fuzz/regressions/$target ]] && cp -n Fuzz/regressions/"$target"/* "$corpus"/ 2>/dev/null || true

# 4. The run. The worker harness starts speech workers from the normal debug build.
options=(-max_total_time="$seconds" -timeout=25 -rss_limit_mb=3072 -print_final_stats=1)
case $target in
    worker)
        [[ -x .build/debug/ecouter ]] || { echo "fuzz.sh: the worker harness needs .build/debug/ecouter (swift build)" >&2; exit 1; }
        export ECOUTER_WORKER=$PWD/.build/debug/ecouter
        options+=(-max_len=2048) ;;
    # Short inputs run fastest and find most; pages and feeds need room for some structure. The
    # normalizer works sentence by sentence (rules, repairs, pieces, pronunciation for each): at
    # 2 KB it made 22 executions a second, so it gets inputs of a few sentences.
    normalizer) options+=(-max_len=512) ;;
    page-text | html | xml-feed) options+=(-max_len=4096) ;;
    *) options+=(-max_len=2048) ;;
esac
artifacts=$scratch/artifacts/$target/
mkdir -p "$artifacts"
log=$scratch/fuzz-$target.log
set +e
ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 run "$binary" "${options[@]}" -artifact_prefix="$artifacts" "$@" "$corpus" >"$log" 2>&1
status=$?
set -e

found=0
for artifact in "$artifacts"*; do
    [[ -f $artifact ]] || continue
    mkdir -p "Fuzz/regressions/$target"
    cp "$artifact" "Fuzz/regressions/$target/$(basename "$artifact")"
    rm "$artifact"
    found=$((found + 1))
done
executions=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
coverage=$(grep -Eo 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
echo "fuzz $target: ${seconds}s, $executions executions ($speed/s), ${coverage:-cov: ?}, corpus $(ls "$corpus" | wc -l) files, $found new crash file(s) in Fuzz/regressions/$target (log: $log)"
[[ $found -eq 0 && $status -eq 0 ]] || exit 1
