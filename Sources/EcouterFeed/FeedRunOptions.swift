// SPDX-License-Identifier: GPL-3.0-or-later
public import Foundation

/// How a feed run works: where it writes, in which format, how wide, which share of the items.
public struct FeedRunOptions: Sendable {
    /// The output directory (created if missing): audio, `manifest.json`, `index.html`, `feed.xml`.
    public var directory: URL
    /// MP3 (default) or WAV.
    public var format: AudioFormat
    /// MP3 constant bit rate in kb/s.
    public var bitrateKbps: Int
    /// Items worked on at once (fetch, extraction, synthesis).
    public var jobs: Int
    /// Fetch each item's link when the feed carries only a summary.
    public var fetchArticles: Bool
    /// Delete the audio of items gone from the feed (and drop them from the manifest).
    public var prune: Bool
    /// Where the directory will be served; with it, a podcast feed (`feed.xml`) is written.
    public var baseURL: URL?
    /// The share of items this run handles; outputs for the whole feed are written only by whole runs.
    public var shard: Shard
    /// Limits for the feed itself and for fetched articles (the feed size limit is `maximumBytes`).
    public var limits: FetchLimits
    /// Artwork, owner, category and the rest of the podcast channel (used with `baseURL`).
    public var podcast: PodcastSettings

    /// The most items worked on at once: one worker process (an eSpeak NG engine, about 40 MB) per
    /// core. More only adds memory: on 2 cores `--jobs 100` started 100 workers and took 3.7 GB.
    public static var maximumJobs: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Options; only the directory is required. `jobs` below 1 counts as 1, above ``maximumJobs`` as that.
    public init(
        directory: URL, format: AudioFormat = .mp3, bitrateKbps: Int = 48, jobs: Int = 1,
        fetchArticles: Bool = false, prune: Bool = false, baseURL: URL? = nil, shard: Shard = .all,
        limits: FetchLimits = FetchLimits(), podcast: PodcastSettings = PodcastSettings()
    ) {
        self.directory = directory
        self.format = format
        self.bitrateKbps = bitrateKbps
        self.jobs = min(max(1, jobs), Self.maximumJobs)
        self.fetchArticles = fetchArticles
        self.prune = prune
        self.baseURL = baseURL
        self.shard = shard
        self.limits = limits
        self.podcast = podcast
    }
}
