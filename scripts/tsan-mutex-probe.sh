#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Shows whether this toolchain's ThreadSanitizer sees Synchronization.Mutex: two threads append to
# one Mutex-protected array, which is race-free. With Swift 6.3 on Linux TSan reports it anyway
# (the lock's futex path is not instrumented), so a TSan report whose both stacks are inside
# `Mutex.withLock` closures is not evidence of a race (docs/fuzzing.md, "Sanitizers over the suite").
set -euo pipefail
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cat >"$scratch/main.swift" <<'SWIFT'
import Foundation
import Synchronization
final class Box: Sendable { let state = Mutex<[Int]>([]) }
let box = Box()
let group = DispatchGroup()
for t in 0..<2 {
    group.enter()
    Thread.detachNewThread {
        for i in 0..<20000 { box.state.withLock { $0.append(i + t) } }
        group.leave()
    }
}
group.wait()
print(box.state.withLock { $0.count })
SWIFT
swiftc -swift-version 6 -sanitize=thread -O "$scratch/main.swift" -o "$scratch/probe"
reports=$(TSAN_OPTIONS=halt_on_error=0 "$scratch/probe" 2>&1 | grep -c '^WARNING: ThreadSanitizer' || true)
echo "ThreadSanitizer reports on a race-free Mutex-protected counter: $reports"
