// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import Foundation
import EcouterCore

/// Keeps two feed runs from working in one directory at once (`flock(2)` on the directory itself).
///
/// Two runs at once made manifest sizes and podcast enclosure lengths that did not match the files,
/// and the later manifest save replaced the other run's entries. A whole-feed run takes the lock
/// exclusively; a shard run takes it shared (shards of one feed may run side by side, each writing
/// its own manifest) and its shard's lock file (`.ecouter.shard-K-of-N.lock`) exclusively. Locking
/// the directory rather than a lock file leaves nothing behind in it, and nothing a run could
/// delete while another opens it. A run that cannot have its lock at once
/// is refused with ``FeedError/Code/busy``. The kernel drops the lock when the process ends, however
/// it ends (`kill -9` included), so a stale lock cannot block the next run.
final class DirectoryLock {
    private var descriptors: [Int32] = []

    /// Takes the locks for a run of `shard` in `directory` (which must exist).
    /// - Throws: ``FeedError/Code/busy`` when another run holds them, `.io` when the lock file cannot be made.
    init(directory: URL, shard: Shard) throws(FeedError) {
        try take(directory, flags: O_RDONLY | O_DIRECTORY, exclusive: shard.isWhole, directory: directory)
        if !shard.isWhole {
            let shardLock = directory.appendingPathComponent(".ecouter.shard-\(shard.index)-of-\(shard.count).lock")
            try take(shardLock, flags: O_RDWR | O_CREAT, exclusive: true, directory: directory)
        }
    }

    deinit { release() }

    /// Gives the locks back (also done when this object goes away).
    func release() {
        for descriptor in descriptors { close(descriptor) }
        descriptors.removeAll()
    }

    private func take(_ url: URL, flags: Int32, exclusive: Bool, directory: URL) throws(FeedError) {
        let descriptor = open(url.path, flags | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FeedError(.io, "cannot lock \(directory.path): \(SystemError.current)") }
        while flock(descriptor, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0 {
            let reason = errno
            if reason == EINTR { continue }
            close(descriptor)
            guard reason == EWOULDBLOCK else {
                throw FeedError(.io, "cannot lock \(directory.path): \(SystemError.describe(reason))")
            }
            throw FeedError(.busy, "\(directory.path) is in use by another ecouter feed run; run again once it has finished")
        }
        descriptors.append(descriptor)
    }
}
