// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import NIOCore
import Synchronization

/// Rendered articles on disk, by content id: `ID.mp3`, `ID.opus`, `ID.wav`, `ID.txt` and `ID.json`
/// (the entry record, written last, so an entry without it is incomplete and ignored).
///
/// Files are made in a staging folder inside the cache and renamed into place (atomic on one file
/// system). The total size is bounded: past ``maxBytes`` the least recently used entries go.
/// Recency is kept in memory (a GET or POST hit counts as a use) and starts from the files' dates.
///
/// A lock rather than an actor: a cached GET looks up its entry on every request, and an actor hop
/// per request was a measurable share of serving a hot file. Recently served files are also kept
/// in memory (``hotFiles``), so serving them reads no disk and stats nothing.
final class AudioCache: Sendable {
    struct Entry: Codable, Sendable {
        var id: String
        var duration: Double
        var bytes: Int
    }

    static let formats = ["mp3", "opus", "wav", "txt", webVTT, timingsJSON]
    /// The word and sentence timings (served as `{id}.vtt` and `{id}.json`; the entry's own record
    /// is `{id}.json` on disk, so the JSON timings are stored under another name).
    static let webVTT = "vtt"
    static let timingsJSON = "timings"

    let directory: URL
    let maxBytes: Int
    /// Files served lately, in memory; an entry leaves it when it leaves the cache.
    let hotFiles: HotFiles

    private struct State {
        var entries: [String: (entry: Entry, lastUse: UInt64)] = [:]
        var totalBytes = 0
        var clock: UInt64 = 0
    }
    private let state: Mutex<State>

    /// - Parameter memoryBytes: the bound of ``hotFiles``.
    init(directory: URL, maxBytes: Int, memoryBytes: Int = 64 << 20) throws(APIError) {
        self.directory = directory
        self.maxBytes = maxBytes
        self.hotFiles = HotFiles(maxBytes: min(memoryBytes, maxBytes))
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: directory.appendingPathComponent("staging"), withIntermediateDirectories: true)
        } catch {
            throw APIError(.internalServerError, "cache", "cannot create the cache folder \(directory.path)")
        }
        // Leftovers of an interrupted run.
        for name in (try? fm.contentsOfDirectory(atPath: directory.appendingPathComponent("staging").path)) ?? [] {
            try? fm.removeItem(at: directory.appendingPathComponent("staging").appendingPathComponent(name))
        }
        var found: [(Entry, Date)] = []
        for name in (try? fm.contentsOfDirectory(atPath: directory.path)) ?? [] where name.hasSuffix(".json") {
            let url = directory.appendingPathComponent(name)
            guard let data = fm.contents(atPath: url.path), let entry = try? JSONDecoder().decode(Entry.self, from: data),
                ContentID.isValid(entry.id), name == entry.id + ".json"
            else { continue }
            let date = (try? fm.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? Date(timeIntervalSince1970: 0)
            found.append((entry, date))
        }
        var initial = State()
        for (entry, _) in found.sorted(by: { $0.1 < $1.1 }) {
            initial.clock += 1
            initial.entries[entry.id] = (entry, initial.clock)
            initial.totalBytes += entry.bytes
        }
        state = Mutex(initial)
    }

    /// The entry, marked as just used, or nil.
    func lookup(_ id: String) -> Entry? {
        state.withLock { state in
            guard let found = state.entries[id] else { return nil }
            state.clock += 1
            state.entries[id] = (found.entry, state.clock)
            return found.entry
        }
    }

    /// One file of a cached entry (`format` of ``formats``), from memory when it was served lately;
    /// nil when the entry is not (or no longer) cached.
    func contents(of id: String, format: String) -> ByteBuffer? {
        guard lookup(id) != nil else { return nil }
        let name = "\(id).\(format)"
        if let kept = hotFiles.get(name) { return kept }
        guard let read = Self.read(url(of: id, format: format).path) else { return nil }
        // Kept only while the entry is still cached: an eviction between the lookup and the read
        // must not leave a copy behind in memory.
        state.withLock { state in
            if state.entries[id] != nil { hotFiles.keep(name, read) }
        }
        return read
    }

    /// The whole file in one buffer (`read(2)` until its end); nil when it cannot be read.
    private static func read(_ path: String) -> ByteBuffer? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { return nil }
        let size = Int(status.st_size)
        var buffer = ByteBufferAllocator().buffer(capacity: size)
        var done = 0
        while done < size {
            let n = buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: size - done) { raw in
                let n = Foundation.read(fd, raw.baseAddress, min(raw.count, size - done))
                return max(n, 0)
            }
            if n == 0 { break }
            done += n
        }
        return done == size ? buffer : nil
    }

    nonisolated func url(of id: String, format: String) -> URL {
        directory.appendingPathComponent("\(id).\(format)")
    }

    /// A new empty folder inside the cache for one rendering's files.
    nonisolated func makeStagingFolder() throws(APIError) -> URL {
        let url = directory.appendingPathComponent("staging").appendingPathComponent(UUID().uuidString)
        do { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false) } catch {
            throw APIError(.internalServerError, "cache", "the audio cache cannot be written")
        }
        return url
    }

    /// Moves a complete rendering (`staging/ID.*` for every format) into the cache, then evicts.
    func insert(_ entry: Entry, from staging: URL) throws(APIError) {
        defer { try? FileManager.default.removeItem(at: staging) }
        try state.withLock { (state) throws(APIError) in
            for format in Self.formats + ["json"] {
                let target = url(of: entry.id, format: format)
                if rename(staging.appendingPathComponent("\(entry.id).\(format)").path, target.path) != 0 {
                    throw APIError(.internalServerError, "cache", "the audio cache cannot be written")
                }
            }
            if let old = state.entries[entry.id] { state.totalBytes -= old.entry.bytes }
            state.clock += 1
            state.entries[entry.id] = (entry, state.clock)
            state.totalBytes += entry.bytes
            evict(&state, keeping: entry.id)
        }
    }

    private func evict(_ state: inout State, keeping id: String) {
        guard state.totalBytes > maxBytes else { return }
        let oldestFirst = state.entries.values.sorted { $0.lastUse < $1.lastUse }.map(\.entry)
        for victim in oldestFirst where state.totalBytes > maxBytes && victim.id != id {
            // The record first: once it is gone the entry is gone, whatever happens to the rest.
            try? FileManager.default.removeItem(at: url(of: victim.id, format: "json"))
            for format in Self.formats { try? FileManager.default.removeItem(at: url(of: victim.id, format: format)) }
            state.entries[victim.id] = nil
            state.totalBytes -= victim.bytes
            hotFiles.forget(Self.formats.map { "\(victim.id).\($0)" })
        }
    }

    /// Bytes held, for metrics and tests.
    var size: Int { state.withLock { $0.totalBytes } }
    var count: Int { state.withLock { $0.entries.count } }
}

/// Content ids: 32 lowercase hex digits of SHA-256 over the settings and the spoken text. The
/// version changes when an entry gains files (v2: the timings), so older entries are misses.
enum ContentID {
    static func make(fingerprint: String, voice: VoiceChoice, spokenText: String) -> String {
        let digest = SHA256Hex.of("ecouter-article-v2\u{1F}\(fingerprint)\u{1F}\(voice.preset)\u{1F}\(voice.rate.map(String.init) ?? "-")\u{1F}\(spokenText)")
        return String(digest.prefix(32))
    }

    static func isValid(_ id: some StringProtocol) -> Bool {
        id.utf8.count == 32 && id.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
