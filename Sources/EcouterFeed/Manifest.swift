// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// The state of an output directory: what was made for which item, with which text and settings.
///
/// Stored as `manifest.json` (or `manifest.shard-K-of-N.json` for a shard), written atomically after
/// every item so an interrupted run resumes where it stopped.
public struct Manifest: Codable, Sendable, Equatable {
    /// Bumped when the layout changes incompatibly.
    public static let currentVersion = 1

    /// What the feed said about itself, and where it was read from.
    public struct FeedInfo: Codable, Sendable, Equatable {
        /// The path or URL given to the run.
        public var source: String
        /// RSS, Atom or JSON Feed.
        public var kind: Feed.Kind?
        /// The feed's title.
        public var title: String?
        /// The feed's description.
        public var description: String?
        /// The feed's language tag.
        public var language: String?
        /// The feed's home page.
        public var link: String?
    }

    /// One item and its audio.
    public struct Entry: Codable, Sendable, Equatable {
        /// The item id from the feed (guid, id, or link).
        public var id: String
        /// The item's title.
        public var title: String?
        /// The item's link.
        public var link: String?
        /// The item's author.
        public var author: String?
        /// The date as the feed wrote it.
        public var published: String?
        /// The audio file's name inside the directory; nil until audio exists.
        public var file: String?
        /// The WebVTT file beside the audio (a cue per sentence, word times inside), made with it;
        /// nil for audio from a run that made none (the item is then voiced again).
        public var transcript: String?
        /// The JSON timings file beside the audio (the text, its sentences and words with their times
        /// and source ranges), made with it; nil likewise.
        public var timings: String?
        /// Seconds of audio.
        public var duration: Double?
        /// Size of the audio file.
        public var bytes: Int?
        /// SHA-256 of the spoken text (hex); the audio is remade when it changes.
        public var textHash: String?
        /// Fingerprint of voice, format and bit rate; the audio is remade when it changes.
        public var settingsHash: String?
        /// Fingerprint of the file's tags (author, date, feed title, link); the file is remade when
        /// it changes, so players show what the feed says now.
        public var tagsHash: String?
        /// Why the last attempt failed; nil when it succeeded.
        public var error: String?
        /// Sentences the speech engine crashed on in the last generation (read spelled out or as
        /// silence); nil when there were none.
        public var warnings: [String]?
        /// Position in the feed (0 first); nil once the item has left the feed.
        public var position: Int?
        /// When the audio was made (RFC 3339).
        public var generated: String?
    }

    /// The layout version (``currentVersion``).
    public var version: Int = Manifest.currentVersion
    /// The feed the items came from.
    public var feed: FeedInfo
    /// When the manifest was written (RFC 3339).
    public var updated: String?
    /// Items in feed order, then items gone from the feed.
    public var items: [Entry]

    /// A manifest (the runner writes them).
    public init(feed: FeedInfo, items: [Entry] = []) {
        self.feed = feed
        self.items = items
    }

    /// The state file's name for a shard (`manifest.json` for the whole feed).
    public static func fileName(for shard: Shard) -> String {
        shard.isWhole ? "manifest.json" : "manifest.shard-\(shard.index)-of-\(shard.count).json"
    }

    /// Reads a state file; a missing file is an empty state, an unreadable one an ``FeedError/Code/io`` error.
    static func load(from url: URL) throws(FeedError) -> Manifest? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            let data = try Data(contentsOf: url)
            let manifest = try JSONDecoder().decode(Manifest.self, from: data)
            guard manifest.version == currentVersion else {
                throw FeedError(.io, "\(url.path) has manifest version \(manifest.version), this ecouter reads \(currentVersion)")
            }
            return manifest
        } catch let error as FeedError {
            throw error
        } catch {
            throw FeedError(.io, "cannot read \(url.path): \(error.localizedDescription); move it away to start afresh")
        }
    }

    /// The entries of every state file in `directory`: the whole-feed one first, then shard ones
    /// (so a whole-feed run adopts the audio shards made). Later files win for the same id.
    /// Keyed by ``ItemKey`` (the id's bytes): ids that are equal Swift strings but differ in
    /// their bytes (NFC and NFD) are different items.
    static func loadAll(in directory: URL) throws(FeedError) -> [ItemKey: Entry] {
        var entries: [ItemKey: Entry] = [:]
        var names = ["manifest.json"]
        let listing = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        names += listing.filter { $0.hasPrefix("manifest.shard-") && $0.hasSuffix(".json") }.sorted()
        for name in names {
            guard let manifest = try load(from: directory.appendingPathComponent(name)) else { continue }
            for entry in manifest.items {
                let key = ItemKey(id: entry.id)
                if let known = entries[key], known.error == nil, entry.error != nil { continue }
                entries[key] = entry
            }
        }
        return entries
    }

    /// Writes the state atomically (temporary file, fsync, rename).
    func save(to url: URL) throws(FeedError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do { data = try encoder.encode(self) } catch { throw FeedError(.io, "cannot encode the manifest: \(error)") }
        try AtomicWrite.write(data, to: url)
    }
}
