#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds and runs the whole test suite under AddressSanitizer, then ThreadSanitizer.
#
#   scripts/sanitizers.sh [address] [thread]      (both by default)
#   scripts/sanitizers.sh address -- --filter Suite   (arguments after -- go to swift test)
#
# SANITIZER_TIMEOUT (seconds, 5400 by default) bounds each test run: a hang is killed and reported
# as a dead test process instead of holding the machine. SANITIZER_SKIP is a `swift test --skip`
# pattern, empty by default; e.g. SANITIZER_SKIP='Worker' leaves out the suites that start speech
# workers, whose close() waited forever under ASan in Foundation's Process.waitUntilExit on a
# reaped child (the worker launcher is being replaced by one that reaps its own children).
#
# Each sanitizer has its own scratch directory (.build-asan, .build-tsan), so the normal .build is
# not rebuilt. Runs under nice -n 19: the machine is shared. A sanitizer report, or a test process
# that dies, fails the run; failed expectations are listed (time and memory bounds do not hold under
# a sanitizer's overhead). The log of each run is kept in its scratch directory.
#
# Reports of every process count: the test process and the `ecouter` commands and speech workers
# the tests start (their stderr is the tests'), each written to $scratch/reports/ (log_path).
#
# No suppression file. Runtime options, and why:
# - detect_leaks=0 (ASan): the suite keeps process-wide singletons on purpose (the eSpeak NG engine
#   and its thread, libxml2's parser globals, never-freed rule tables in the normalizer), which
#   LeakSanitizer would list at exit; a leak is not memory corruption.
# - exitcode=0 (TSan): a command the tests start exits 66 once TSan reported anything (its default),
#   which then fails that test's status check; the reports are counted from their log files instead.
# - SWIFT_BACKTRACE=enable=no: the isolation tests make libespeak-ng smash its stack in a worker on
#   purpose; Swift's crash handler then copies that smashed stack (memserver_read in
#   CrashHandlerLinux.cpp), which ASan reports as a stack-buffer-underflow in the runtime, and the
#   worker's death takes long enough for the tests' timeouts. The sanitizers print their own stacks.
set -euo pipefail
cd "$(dirname "$0")/.."

sanitizers=()
test_arguments=()
while [[ $# -gt 0 ]]; do
    case $1 in
        address | thread) sanitizers+=("$1") ;;
        --) shift; test_arguments=("$@"); break ;;
        *) echo "usage: scripts/sanitizers.sh [address] [thread] [-- swift test options…]" >&2; exit 64 ;;
    esac
    shift
done
[[ ${#sanitizers[@]} -gt 0 ]] || sanitizers=(address thread)

status=0
for sanitizer in "${sanitizers[@]}"; do
    case $sanitizer in address) scratch=.build-asan ;; thread) scratch=.build-tsan ;; esac
    mkdir -p "$scratch"
    log=$scratch/test.log
    reports_dir=$PWD/$scratch/reports
    rm -rf "$reports_dir"
    mkdir -p "$reports_dir"
    echo "== $sanitizer: building in $scratch"
    start=$(date +%s)
    if ! nice -n 19 swift build --build-tests --sanitize="$sanitizer" --scratch-path "$scratch" >"$scratch/build.log" 2>&1; then
        tail -20 "$scratch/build.log" >&2
        echo "== $sanitizer: build failed (log: $scratch/build.log)" >&2
        status=1
        continue
    fi
    echo "== $sanitizer: testing (log: $log)"
    skip=()
    [[ -n ${SANITIZER_SKIP:-} ]] && skip=(--skip "$SANITIZER_SKIP")
    set +e
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0:log_path=$reports_dir/asan \
        TSAN_OPTIONS=halt_on_error=0:exitcode=0:log_path=$reports_dir/tsan \
        timeout --kill-after=30 "${SANITIZER_TIMEOUT:-5400}" nice -n 19 \
        swift test --skip-build --sanitize="$sanitizer" --scratch-path "$scratch" "${skip[@]}" "${test_arguments[@]}" >"$log" 2>&1
    result=$?
    set -e
    reports=$(cat "$log" "$reports_dir"/* 2>/dev/null | grep -c -E '^(==[0-9]+==ERROR: AddressSanitizer|WARNING: ThreadSanitizer)' || true)
    summary=$(grep -E '^(✔|✘) Test run with' "$log" | tail -1)
    [[ $result -eq 124 || $result -eq 137 ]] && echo "== $sanitizer: the test run passed ${SANITIZER_TIMEOUT:-5400} s and was stopped" >&2
    echo "== $sanitizer: exit $result, $reports sanitizer report(s), $(( $(date +%s) - start )) s; ${summary:-no test summary (the test process died)}"
    # Tests that bound time or memory fail under a sanitizer's overhead (ASan: ~3x memory, 2-5x
    # time); they are listed, but only a sanitizer report or a dead test process fails this script.
    grep -E '^✘ Test .* recorded an issue' "$log" | sed -E 's/ recorded an issue.*//' | sort -u | sed 's/^/   failed: /' || true
    if [[ $reports -gt 0 || -z $summary ]]; then
        cat "$log" "$reports_dir"/* 2>/dev/null | grep -E -A16 '^(==[0-9]+==ERROR|WARNING: ThreadSanitizer)' | head -80 >&2 || true
        status=1
    fi
done
exit $status
