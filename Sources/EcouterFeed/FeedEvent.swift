// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// What happened to one item in a run.
public enum ItemStatus: String, Sendable, Codable {
    /// Audio was made (new item, changed text or settings, or a retry after a failure).
    case generated
    /// The audio on disk is up to date: nothing was done.
    case unchanged
    /// The item could not be read or spoken; the error is in the manifest.
    case failed
    /// The item has nothing to speak (emoji or symbols only): no audio, not a failure; the reason
    /// is a warning of the run and of its manifest entry.
    case skipped
}

/// One item's outcome, as reported to progress listeners.
public struct ItemOutcome: Sendable, Equatable {
    /// The item's id.
    public var id: String
    /// The item's title, if any.
    public var title: String?
    /// Generated, unchanged or failed.
    public var status: ItemStatus
    /// The audio file's name in the output directory.
    public var file: String?
    /// Seconds of audio (new or kept).
    public var duration: Double?
    /// Why the item failed.
    public var error: String?
    /// Seconds spent on the item (fetching, extraction, synthesis).
    public var seconds: Double
}

/// Totals of a run.
public struct FeedRunSummary: Sendable, Equatable {
    /// Items of the feed in this shard.
    public var items: Int
    /// Items whose audio was made in this run.
    public var generated: Int
    /// Items whose audio was already current.
    public var unchanged: Int
    /// Items that could not be read or spoken.
    public var failed: Int
    /// Audio files removed by `prune` for items gone from the feed.
    public var pruned: Int
    /// Wall-clock seconds of the run.
    public var elapsed: Double
    /// Seconds of audio made in this run.
    public var audioSeconds: Double
    /// Items with nothing to speak, left without audio.
    public var skipped = 0
}

/// Progress of a run, delivered in order from the run's task.
public enum FeedEvent: Sendable, Equatable {
    /// The feed was read: `items` in this shard, of `feedItems` in the feed.
    case started(feedTitle: String?, items: Int, feedItems: Int)
    /// Work on an item began (`done` items finished so far, of `total`).
    case itemStarted(id: String, title: String?, done: Int, total: Int)
    /// An item finished.
    case itemFinished(ItemOutcome, done: Int, total: Int)
    /// An item gone from the feed had its audio removed.
    case pruned(id: String, file: String)
    /// Something the run did but that a person should know, one line (e.g. why a podcast
    /// directory would refuse `feed.xml`).
    case warning(String)
    case finished(FeedRunSummary)

    /// One line of JSON (no newline), the `--json` format: `{"event":"item", ...}`.
    public var jsonLine: String {
        var object: [String: Any] = [:]
        switch self {
        case .started(let title, let items, let feedItems):
            object = ["event": "start", "items": items, "feedItems": feedItems]
            if let title { object["feedTitle"] = title }
        case .itemStarted(let id, let title, let done, let total):
            object = ["event": "item-start", "id": id, "done": done, "total": total]
            if let title { object["title"] = title }
        case .itemFinished(let outcome, let done, let total):
            object = ["event": "item", "id": outcome.id, "status": outcome.status.rawValue, "done": done, "total": total,
                      "seconds": (outcome.seconds * 1000).rounded() / 1000]
            if let title = outcome.title { object["title"] = title }
            if let file = outcome.file { object["file"] = file }
            if let duration = outcome.duration { object["duration"] = (duration * 1000).rounded() / 1000 }
            if let error = outcome.error { object["error"] = error }
        case .pruned(let id, let file):
            object = ["event": "pruned", "id": id, "file": file]
        case .warning(let message):
            object = ["event": "warning", "message": message]
        case .finished(let s):
            object = ["event": "finish", "items": s.items, "generated": s.generated, "unchanged": s.unchanged,
                      "failed": s.failed, "skipped": s.skipped, "pruned": s.pruned, "elapsed": (s.elapsed * 1000).rounded() / 1000,
                      "audioSeconds": (s.audioSeconds * 1000).rounded() / 1000]
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
