// SPDX-License-Identifier: GPL-3.0-or-later
import NIOCore
import Synchronization

/// Immutable files kept in memory, least recently used out first, at most ``maxBytes`` in all.
///
/// The cache's files never change once written (their names are content hashes), so a copy in
/// memory is never stale; it goes when its entry is evicted. A hit hands out the same storage
/// (a `ByteBuffer` shares it), so serving a hot file copies nothing in this process.
final class HotFiles: Sendable {
    let maxBytes: Int
    private struct State {
        var files: [String: (bytes: ByteBuffer, lastUse: UInt64)] = [:]
        var total = 0
        var clock: UInt64 = 0
    }
    private let state = Mutex(State())

    init(maxBytes: Int) {
        self.maxBytes = maxBytes
    }

    /// The file's bytes, marked as just used, or nil.
    func get(_ name: String) -> ByteBuffer? {
        state.withLock { state in
            guard let found = state.files[name] else { return nil }
            state.clock += 1
            state.files[name]?.lastUse = state.clock
            return found.bytes
        }
    }

    /// Keeps `bytes` under `name`, dropping the least recently used files past the bound. A file
    /// larger than a quarter of the bound is not kept: one article must not empty the memory.
    func keep(_ name: String, _ bytes: ByteBuffer) {
        guard bytes.readableBytes <= maxBytes / 4 else { return }
        state.withLock { state in
            if let old = state.files[name] { state.total -= old.bytes.readableBytes }
            state.clock += 1
            state.files[name] = (bytes, state.clock)
            state.total += bytes.readableBytes
            while state.total > maxBytes, let oldest = state.files.min(by: { $0.value.lastUse < $1.value.lastUse }) {
                state.files[oldest.key] = nil
                state.total -= oldest.value.bytes.readableBytes
            }
        }
    }

    /// Drops these files (their entry left the cache).
    func forget(_ names: [String]) {
        state.withLock { state in
            for name in names {
                if let old = state.files.removeValue(forKey: name) { state.total -= old.bytes.readableBytes }
            }
        }
    }

    /// Bytes held (tests).
    var size: Int { state.withLock { $0.total } }
}
