// SPDX-License-Identifier: GPL-3.0-or-later

/// What is derived from an item's id alone: its file name and its shard.
///
/// Nothing here reads titles or other feed text, so no item can name a file outside the output
/// directory, and every machine computes the same names (outputs are content-addressed by id).
public struct ItemKey: Sendable, Hashable {
    /// The SHA-256 of the id's UTF-8 bytes.
    public let digest: [UInt8]

    /// The key of the item with this id.
    public init(id: String) {
        digest = SHA256.digest(id)
    }

    /// 32 hex digits (128 bits of the digest): short, and collisions stay out of reach.
    public var stem: String { SHA256.hexString(Array(digest.prefix(16))) }

    /// `stem.mp3`, `stem.wav` or `stem.opus`.
    public func fileName(format: AudioFormat) -> String { stem + "." + format.rawValue }

    /// `stem.vtt`: the WebVTT timings beside the audio.
    public var transcriptFileName: String { stem + ".vtt" }

    /// `stem.json`: the JSON timings beside the audio.
    public var timingsFileName: String { stem + ".json" }

    /// The first 8 bytes of the digest, big-endian: uniform, so shards come out even.
    var shardValue: UInt64 { digest.prefix(8).reduce(0) { $0 << 8 | UInt64($1) } }
}

/// The audio container of the files written for items.
public enum AudioFormat: String, Sendable, Codable, CaseIterable {
    case mp3, wav, opus

    /// The MIME type for an RSS enclosure.
    public var mimeType: String {
        switch self {
        case .mp3: "audio/mpeg"
        case .wav: "audio/wav"
        case .opus: "audio/ogg"
        }
    }

    /// The format of an audio file name (`x.mp3`, `x.wav`, `x.opus`); MP3 for anything else.
    static func of(fileName: String) -> AudioFormat {
        allCases.first { fileName.hasSuffix("." + $0.rawValue) } ?? .mp3
    }
}

/// One machine's share of a feed: items whose id hash falls in slot `index` of `count`.
///
/// Written `K/N` with K from 1 to N on the command line (`--shard 2/4`), so a Kubernetes indexed Job
/// passes `$((JOB_COMPLETION_INDEX + 1))/N`, a Slurm array `$SLURM_ARRAY_TASK_ID/N` with `--array=1-N`.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// 1-based slot.
    public let index: Int
    /// How many shards there are.
    public let count: Int

    /// The whole feed.
    public static let all = Shard(uncheckedIndex: 1, count: 1)

    private init(uncheckedIndex: Int, count: Int) {
        self.index = uncheckedIndex
        self.count = count
    }

    /// - Throws: ``FeedError/Code/usage`` unless 1 ≤ index ≤ count.
    public init(index: Int, count: Int) throws(FeedError) {
        guard count >= 1, (1...count).contains(index) else {
            throw FeedError(.usage, "a shard is K/N with 1 ≤ K ≤ N, got \(index)/\(count)")
        }
        self.index = index
        self.count = count
    }

    /// Parses `K/N`.
    public init(parsing text: String) throws(FeedError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else {
            throw FeedError(.usage, "a shard is written K/N (e.g. 2/4), got \"\(text)\"")
        }
        try self.init(index: k, count: n)
    }

    /// True when the item with this key belongs to this shard.
    public func contains(_ key: ItemKey) -> Bool {
        count == 1 || Int(key.shardValue % UInt64(count)) == index - 1
    }

    /// True for `1/1`, the whole feed.
    public var isWhole: Bool { count == 1 }
    /// `K/N`.
    public var description: String { "\(index)/\(count)" }
}

extension Manifest.Entry {
    /// The entry's WebVTT file name when it is the one derived from its id (what runs write), nil
    /// otherwise: a name read from a manifest is never put in a link or a path as it stands.
    var verifiedTranscript: String? {
        let name = ItemKey(id: id).transcriptFileName
        return transcript == name ? name : nil
    }
}
