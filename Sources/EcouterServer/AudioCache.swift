// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// Rendered articles on disk, by content id: `ID.mp3`, `ID.opus`, `ID.wav`, `ID.txt` and `ID.json`
/// (the entry record, written last, so an entry without it is incomplete and ignored).
///
/// Files are made in a staging folder inside the cache and renamed into place (atomic on one file
/// system). The total size is bounded: past ``maxBytes`` the least recently used entries go.
/// Recency is kept in memory (a GET or POST hit counts as a use) and starts from the files' dates.
actor AudioCache {
    struct Entry: Codable, Sendable {
        var id: String
        var duration: Double
        var bytes: Int
    }

    static let formats = ["mp3", "opus", "wav", "txt"]

    let directory: URL
    let maxBytes: Int
    private var entries: [String: (entry: Entry, lastUse: UInt64)] = [:]
    private var totalBytes = 0
    private var clock: UInt64 = 0

    init(directory: URL, maxBytes: Int) throws(APIError) {
        self.directory = directory
        self.maxBytes = maxBytes
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
            found.append((entry, date ?? Date(timeIntervalSince1970: 0)))
        }
        for (entry, _) in found.sorted(by: { $0.1 < $1.1 }) {
            clock += 1
            entries[entry.id] = (entry, clock)
            totalBytes += entry.bytes
        }
    }

    /// The entry, marked as just used, or nil.
    func lookup(_ id: String) -> Entry? {
        guard let found = entries[id] else { return nil }
        clock += 1
        entries[id] = (found.entry, clock)
        return found.entry
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
        let fm = FileManager.default
        defer { try? fm.removeItem(at: staging) }
        do {
            for format in Self.formats + ["json"] {
                let target = url(of: entry.id, format: format)
                if rename(staging.appendingPathComponent("\(entry.id).\(format)").path, target.path) != 0 {
                    throw APIError(.internalServerError, "cache", "the audio cache cannot be written")
                }
            }
        } catch let error as APIError { throw error } catch {}
        if let old = entries[entry.id] { totalBytes -= old.entry.bytes }
        clock += 1
        entries[entry.id] = (entry, clock)
        totalBytes += entry.bytes
        evict(keeping: entry.id)
    }

    private func evict(keeping id: String) {
        guard totalBytes > maxBytes else { return }
        let oldestFirst = entries.values.sorted { $0.lastUse < $1.lastUse }.map(\.entry)
        for victim in oldestFirst where totalBytes > maxBytes && victim.id != id {
            // The record first: once it is gone the entry is gone, whatever happens to the rest.
            try? FileManager.default.removeItem(at: url(of: victim.id, format: "json"))
            for format in Self.formats { try? FileManager.default.removeItem(at: url(of: victim.id, format: format)) }
            entries[victim.id] = nil
            totalBytes -= victim.bytes
        }
    }

    /// Bytes held, for metrics and tests.
    var size: Int { totalBytes }
    var count: Int { entries.count }
}

/// Content ids: 32 lowercase hex digits of SHA-256 over the settings and the spoken text.
enum ContentID {
    static func make(fingerprint: String, voice: VoiceChoice, spokenText: String) -> String {
        let digest = SHA256Hex.of("ecouter-article-v1\u{1F}\(fingerprint)\u{1F}\(voice.preset)\u{1F}\(voice.rate.map(String.init) ?? "-")\u{1F}\(spokenText)")
        return String(digest.prefix(32))
    }

    static func isValid(_ id: some StringProtocol) -> Bool {
        id.utf8.count == 32 && id.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
