// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// The run's shared state: manifest entries, counters, and event delivery, one caller at a time.
///
/// The manifest is saved after every item while it is small (under 500 entries: microseconds), and
/// at most every two seconds beyond (a huge archive is not rewritten per item), and at the end; an
/// interrupted run loses at most that much work.
actor RunLedger {
    private(set) var entries: [ItemKey: Manifest.Entry]
    private let feedInfo: Manifest.FeedInfo
    private let manifestURL: URL
    private let shard: Shard
    private let events: @Sendable (FeedEvent) -> Void
    private let total: Int
    private var done = 0
    private var lastSave = Date.distantPast
    private(set) var generated = 0
    private(set) var unchanged = 0
    private(set) var failed = 0
    private(set) var skipped = 0
    private(set) var audioSeconds = 0.0

    init(entries: [ItemKey: Manifest.Entry], feedInfo: Manifest.FeedInfo, manifestURL: URL, shard: Shard, total: Int, events: @escaping @Sendable (FeedEvent) -> Void) {
        self.entries = entries
        self.feedInfo = feedInfo
        self.manifestURL = manifestURL
        self.shard = shard
        self.total = total
        self.events = events
    }

    func emit(_ event: FeedEvent) { events(event) }

    func started(_ item: FeedItem) {
        events(.itemStarted(id: item.id, title: item.title, done: done, total: total))
    }

    /// Records an item's new entry and outcome, and saves the manifest if it is time.
    func finished(_ entry: Manifest.Entry, outcome: ItemOutcome) {
        entries[ItemKey(id: entry.id)] = entry
        done += 1
        switch outcome.status {
        case .generated:
            generated += 1
            audioSeconds += outcome.duration ?? 0
        case .unchanged: unchanged += 1
        case .failed: failed += 1
        case .skipped: skipped += 1
        }
        events(.itemFinished(outcome, done: done, total: total))
        if entries.count < 500 || Date().timeIntervalSince(lastSave) >= 2 { try? save() }
    }

    func remove(_ id: String) { entries[ItemKey(id: id)] = nil }

    /// Marks entries of items no longer in the feed.
    func markGone(_ id: String) { entries[ItemKey(id: id)]?.position = nil }

    /// The manifest as it stands: this shard's entries, feed order first, then gone items by id.
    func manifest() -> Manifest {
        let mine = entries.filter { shard.contains($0.key) }.map(\.value)
        let sorted = mine.sorted { a, b in
            switch (a.position, b.position) {
            case let (x?, y?): return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.id < b.id
            }
        }
        var manifest = Manifest(feed: feedInfo, items: sorted)
        manifest.updated = FeedDates.rfc3339(Date())
        return manifest
    }

    func save() throws(FeedError) {
        try manifest().save(to: manifestURL)
        lastSave = Date()
    }
}
