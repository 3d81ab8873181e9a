// SPDX-License-Identifier: GPL-3.0-or-later
public import Ecouter
import Foundation
public import Logging
public import EcouterCore

/// Voices a feed into a directory of audio files, incrementally.
///
/// ```swift
/// let runner = FeedRunner(options: FeedRunOptions(directory: URL(fileURLWithPath: "audio")))
/// let summary = try await runner.run(FeedSource("https://example.org/rss.xml"))
/// ```
///
/// Each item gets one file named from the SHA-256 of its id (``ItemKey``). The manifest keeps, per
/// item, the hash of the spoken text and of the settings; a run makes audio only for items whose
/// hashes changed, that are new, or that failed before. Failures are per item: recorded, counted,
/// never thrown. What throws is a feed that cannot be had at all.
public struct FeedRunner: Sendable {
    /// Extraction, normalization and the settings fingerprint.
    public let reader: ArticleReader
    /// Where synthesis runs.
    public let renderer: any ItemRenderer
    /// Directory, format, width, shard, limits.
    public let options: FeedRunOptions
    private let logger: Logger

    /// - Parameters:
    ///   - reader: extraction, normalization and the settings fingerprint; also the synthesizer
    ///     unless `renderer` is given.
    ///   - renderer: where synthesis runs; ``InProcessRenderer`` over `reader` by default.
    public init(reader: ArticleReader = ArticleReader(), renderer: (any ItemRenderer)? = nil, options: FeedRunOptions, logger: Logger = Logger(label: "ecouter.feed")) {
        self.reader = reader
        self.renderer = renderer ?? InProcessRenderer(reader: reader)
        self.options = options
        self.logger = logger
    }

    /// Reads `source` and brings the directory up to date.
    ///
    /// - Parameter events: progress, called one event at a time (from the run's tasks).
    /// - Returns: the totals; `failed > 0` means some items have no fresh audio (see the manifest).
    /// - Throws: ``FeedError`` when the feed cannot be loaded or parsed (malformed, hostile, too
    ///   large, HTTP failure) — then nothing is written —, `.busy` when another run works in the
    ///   directory, `.io` when the directory cannot be written.
    public func run(_ source: FeedSource, events: @escaping @Sendable (FeedEvent) -> Void = { _ in }) async throws(FeedError) -> FeedRunSummary {
        let start = Date()
        let bytes = try await source.load(limits: options.limits)
        let feed = try FeedParser(maximumBytes: options.limits.maximumBytes).parse(bytes)
        let directory = options.directory
        try AtomicWrite.makeDirectory(directory.path)
        let lock = try DirectoryLock(directory: directory, shard: options.shard)
        defer { lock.release() }
        // Temporary files of runs that were killed (their process is gone): nobody will rename them.
        PendingFiles.removeStale(in: directory.path)

        // Feeds sometimes repeat an item; the first occurrence wins. Ids are compared as the bytes
        // the files are named from, not as Swift strings: "é" composed and decomposed are equal
        // strings but two ids, two files, two items.
        var seen = Set<ItemKey>()
        let items = feed.items.filter { seen.insert(ItemKey(id: $0.id)).inserted }
        let selected = items.enumerated().filter { options.shard.contains(ItemKey(id: $0.element.id)) }
        let previous = try Manifest.loadAll(in: directory).filter { options.shard.contains($0.key) }
        let feedInfo = Manifest.FeedInfo(source: source.description, kind: feed.kind, title: feed.title, description: feed.description, language: feed.language, link: feed.link)
        let ledger = RunLedger(
            entries: previous, feedInfo: feedInfo, manifestURL: directory.appendingPathComponent(Manifest.fileName(for: options.shard)),
            shard: options.shard, total: selected.count, events: events)
        await ledger.emit(.started(feedTitle: feed.title, items: selected.count, feedItems: items.count))

        let episodeTexts = options.baseURL != nil && options.shard.isWhole ? EpisodeTexts() : nil
        let work = ItemWork(
            articles: ItemArticle(reader: reader, fetchArticles: options.fetchArticles, fetcher: HTTPFetcher(limits: options.limits)),
            reader: reader, renderer: renderer, directory: directory, format: options.format, bitrateKbps: options.bitrateKbps,
            settingsHash: settingsHash, feedTitle: feed.title, previous: previous, ledger: ledger, episodeTexts: episodeTexts)
        await withTaskGroup(of: Void.self) { group in
            var pending = selected.makeIterator()
            for _ in 0..<options.jobs {
                guard let (position, item) = pending.next() else { break }
                group.addTask { await work.process(item, position: position) }
            }
            while await group.next() != nil {
                guard let (position, item) = pending.next() else { continue }
                group.addTask { await work.process(item, position: position) }
            }
        }

        let gone = previous.filter { !seen.contains($0.key) }.map(\.value.id)
        let pruned = try await prune(gone: gone, feedIsEmpty: items.isEmpty, ledger: ledger)
        try await ledger.save()
        if options.shard.isWhole { try await writePages(ledger: ledger, feed: feed, episodeTexts: episodeTexts ?? EpisodeTexts()) }
        let summary = FeedRunSummary(
            items: selected.count, generated: await ledger.generated, unchanged: await ledger.unchanged,
            failed: await ledger.failed, pruned: pruned, elapsed: Date().timeIntervalSince(start), audioSeconds: await ledger.audioSeconds,
            skipped: await ledger.skipped)
        await ledger.emit(.finished(summary))
        logger.debug("feed run done", metadata: ["generated": "\(summary.generated)", "failed": "\(summary.failed)"])
        return summary
    }

    /// The fingerprint of everything besides the text that shapes the audio: voice, format, bit rate.
    public var settingsHash: String {
        let format = options.format == .mp3 ? "mp3@\(options.bitrateKbps)" : options.format == .opus ? "opus@\(OpusWriter.defaultBitrateKbps)" : "wav"
        return String(SHA256.hex(reader.settingsFingerprint + "\u{1F}" + format).prefix(16))
    }

    /// Items in the state but not in the feed: with `prune`, their audio is deleted — by the names
    /// derived from their ids, never by a path read from the manifest — otherwise they are kept, marked gone.
    /// A feed with no items at all never prunes: that is more often a publisher's glitch than a wish
    /// to delete the whole library.
    private func prune(gone: [String], feedIsEmpty: Bool, ledger: RunLedger) async throws(FeedError) -> Int {
        var count = 0
        for id in gone.sorted() {
            guard options.prune, !feedIsEmpty else { await ledger.markGone(id); continue }
            let key = ItemKey(id: id)
            for name in AudioFormat.allCases.map(key.fileName(format:)) + [key.transcriptFileName, key.timingsFileName] {
                let url = options.directory.appendingPathComponent(name)
                if unlink(url.path) == 0 {
                    await ledger.emit(.pruned(id: id, file: url.lastPathComponent))
                } else if errno != ENOENT {
                    throw FeedError(.io, "cannot remove \(url.path): \(SystemError.current)")
                }
            }
            await ledger.remove(id)
            count += 1
        }
        return count
    }

    /// `index.html` always, `feed.xml` with a base URL: the items of the feed, in feed order.
    /// Reasons a directory would refuse `feed.xml` are reported as warnings; it is written anyway.
    private func writePages(ledger: RunLedger, feed: Feed, episodeTexts: EpisodeTexts) async throws(FeedError) {
        let manifest = await ledger.manifest()
        let current = manifest.items.filter { $0.position != nil }
        if let baseURL = options.baseURL {
            let base = PodcastFeedWriter.prefix(baseURL)
            let channel = PodcastChannel(feed: manifest.feed, image: feed.image, copyright: feed.copyright, settings: options.podcast, baseURL: base, format: options.format)
            for warning in channel.warnings { await ledger.emit(.warning(warning)) }
            let xml = PodcastFeedWriter.document(channel: channel, entries: current, texts: await episodeTexts.all(items: feed.items), baseURL: base)
            try AtomicWrite.write(Data(xml.utf8), to: options.directory.appendingPathComponent(PodcastFeedWriter.fileName))
        }
        let directory = options.directory
        let html = IndexPageWriter.document(manifest: manifest, entries: current, hasPodcastFeed: options.baseURL != nil) { entry in
            // Only the name derived from the id is read, never a path taken from the manifest.
            let name = ItemKey(id: entry.id).timingsFileName
            return entry.timings == name ? EpisodeTimings.load(directory.appendingPathComponent(name)) : nil
        }
        try AtomicWrite.write(Data(html.utf8), to: options.directory.appendingPathComponent(IndexPageWriter.fileName))
    }
}
