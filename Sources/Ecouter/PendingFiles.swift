// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Synchronization

/// Told of every temporary file the package creates beside a target, and of its end (renamed into
/// place or removed). A program installs one with ``PendingFiles/track(with:)`` to delete what is
/// still pending when it is interrupted; the `ecouter` command does.
public protocol PendingFileTracker: Sendable {
    /// Called before `path` is created. False refuses it: the process is exiting and nobody would
    /// remove the file, so the write fails as cancelled.
    func willCreate(_ path: String) -> Bool
    /// Called once `path` has been renamed into place or removed.
    func didFinish(_ path: String)
}

/// Temporary files written beside their targets (`.NAME.PID.RANDOM.part`).
///
/// The package keeps no list of them and installs no signal handler: that process-wide state
/// belongs to the program (see ``PendingFileTracker``).
public enum PendingFiles {
    private static let tracker = Mutex<(any PendingFileTracker)?>(nil)

    /// Reports every temporary file from now on to `tracker` (replacing any earlier one). For the
    /// program's start-up, before anything is written.
    public static func track(with tracker: any PendingFileTracker) { self.tracker.withLock { $0 = tracker } }

    /// Reports `path` before it is created; false when the tracker refuses it.
    package static func register(_ path: String) -> Bool { tracker.withLock { $0 }?.willCreate(path) ?? true }

    /// Reports that `path` has been renamed into place or removed.
    package static func unregister(_ path: String) { tracker.withLock { $0 }?.didFinish(path) }

    /// The name of a temporary file for `name`: `.NAME.PID.RANDOM.part`, hidden, and carrying the
    /// writer's process id so that ``removeStale(in:named:)`` can tell when its writer is gone.
    package static func temporaryName(for name: String) -> String {
        ".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).part"
    }

    /// Deletes the temporary files in `directory` whose writing process no longer exists: what a
    /// `kill -9`, a crash or a power cut left (no signal handler ran to remove them). With `name`,
    /// only the temporaries of that file. Files of live processes, and names not made by
    /// ``temporaryName(for:)``, are left alone.
    package static func removeStale(in directory: String, named name: String? = nil) {
        guard let listing = try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory) else { return }
        for entry in listing where entry.hasPrefix(".") && entry.hasSuffix(".part") {
            let parts = entry.dropFirst().dropLast(5).split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count >= 3, UInt32(parts[parts.count - 1]) != nil, let pid = pid_t(parts[parts.count - 2]), pid > 0 else { continue }
            if let name, parts.dropLast(2).joined(separator: ".") != name { continue }
            guard pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink((directory.isEmpty ? "" : directory + "/") + entry)
        }
    }
}
