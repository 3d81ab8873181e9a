// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import Foundation
import Synchronization

/// The temporary files this process is writing, so that an interrupted run leaves none behind.
///
/// The library only reports the temporaries it creates and finishes (``PendingFileTracker``);
/// keeping a process-wide list, and deleting it from a signal handler, is the command's business.
final class PendingFileRegistry: PendingFileTracker {
    /// The command's one registry, installed by ``ProcessSetup/prepare()``.
    static let shared = PendingFileRegistry()

    private struct State {
        var paths: Set<String> = []
        /// Set by ``removeAll()``: the process is on its way out, no new temporary file may start.
        var closed = false
    }
    private let state = Mutex(State())

    func willCreate(_ path: String) -> Bool {
        state.withLock { state in
            guard !state.closed else { return false }
            state.paths.insert(path)
            return true
        }
    }

    func didFinish(_ path: String) { _ = state.withLock { $0.paths.remove(path) } }

    /// Deletes every temporary output still being written (`unlink(2)`) and refuses new ones; for a
    /// signal handler that is about to exit.
    func removeAll() {
        let all = state.withLock { state in
            state.closed = true
            defer { state.paths.removeAll() }
            return state.paths
        }
        for path in all { unlink(path) }
    }
}
