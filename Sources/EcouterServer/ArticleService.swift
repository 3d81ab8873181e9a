// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import EcouterFeed
import Foundation
import Logging

/// From an article to its cached audio: the content id, a cache lookup, and on a miss one
/// scheduled rendering (synthesis in a worker, then MP3 and Opus encoding, then the cache).
struct ArticleService: Sendable {
    let cache: AudioCache
    let scheduler: RenderScheduler
    let synthesis: SynthesisAdapter
    let metrics: ServerMetrics
    let maxTextCharacters: Int

    struct Outcome: Sendable {
        var entry: AudioCache.Entry
        /// False when the audio was already cached.
        var created: Bool
    }

    /// The id and spoken text, without synthesizing. Throws 400 (nothing to read) or 413 (too long).
    func plan(_ article: Article, voice: VoiceChoice) throws(APIError) -> (id: String, spokenText: String) {
        let reader = ArticleReader(options: voice.readingOptions)
        let spoken: String
        do { spoken = try reader.spokenText(of: article) } catch {
            throw APIError(.badRequest, "bad_input", error.message)
        }
        guard !spoken.isEmpty else { throw APIError(.badRequest, "bad_input", "nothing to read") }
        guard spoken.count <= maxTextCharacters else {
            throw APIError(.contentTooLarge, "text_too_long", "the article has more than \(maxTextCharacters) characters to speak")
        }
        return (ContentID.make(fingerprint: reader.settingsFingerprint, voice: voice, spokenText: spoken), spoken)
    }

    /// The cached audio for `article`, rendered first if needed.
    func audio(for article: Article, voice: VoiceChoice) async throws -> Outcome {
        let (id, spoken) = try plan(article, voice: voice)
        if let entry = cache.lookup(id) {
            metrics.cacheHits.increment()
            return Outcome(entry: entry, created: false)
        }
        metrics.cacheMisses.increment()
        let (entry, _) = try await scheduler.render(id: id) { [self] in
            // Another flight may have finished between the lookup and now.
            if let entry = cache.lookup(id) { return entry }
            return try await render(article, id: id, spoken: spoken, voice: voice)
        }
        return Outcome(entry: entry, created: true)
    }

    private func render(_ article: Article, id: String, spoken: String, voice: VoiceChoice) async throws -> AudioCache.Entry {
        let staging = try cache.makeStagingFolder()
        do {
            let start = ContinuousClock.now
            let file = { (format: String) in staging.appendingPathComponent("\(id).\(format)") }
            let summary: AudioSummary
            let timings = TimingsOutput(webVTT: file(AudioCache.webVTT), json: file(AudioCache.timingsJSON))
            do { summary = try await synthesis.renderWAV(article, voice: voice, to: file("wav"), timings: timings) } catch {
                if error.code == .cancelled || Task.isCancelled { throw CancellationError() }
                throw APIError(.internalServerError, "synthesis", error.message)
            }
            metrics.syntheses.increment()
            try Task.checkCancellation()
            try await Transcoder.encode(wav: file("wav"), mp3: file("mp3"), opus: file("opus"))
            guard FileManager.default.createFile(atPath: file("txt").path, contents: Data((spoken + "\n").utf8)) else {
                throw APIError(.internalServerError, "cache", "the audio cache cannot be written")
            }
            let bytes = AudioCache.formats.reduce(0) { sum, format in
                sum + ((try? FileManager.default.attributesOfItem(atPath: file(format).path)[.size] as? Int) ?? 0)
            }
            let entry = AudioCache.Entry(id: id, duration: summary.duration, bytes: bytes)
            guard FileManager.default.createFile(atPath: file("json").path, contents: try JSONEncoder().encode(entry)) else {
                throw APIError(.internalServerError, "cache", "the audio cache cannot be written")
            }
            metrics.synthesisSeconds.record(ContinuousClock.now - start)
            try cache.insert(entry, from: staging)
            return entry
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
    }
}
