// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
@testable import EcouterFeed

/// Items whose text gives nothing to speak are skipped with a warning, instead of being recorded
/// with an empty file or failing the run.
@Suite(.serialized) struct FeedItemTextTests {
    @Test func anEmojiOnlyItemIsSkippedWithAWarningAndTheOthersAreVoiced() async throws {
        let feed = FeedRunnerTests.jsonFeed([
            .init(id: "urn:emoji", title: "🎉🎉", text: "😀 👍🏽 ❤️"),
            .init(id: "urn:words", title: "Des mots", text: "Une phrase à lire."),
        ])
        let directory = temporaryDirectory("emoji")
        let log = EventLog()
        let summary = try await FeedRunnerTests.run(feed, into: directory, format: .wav, events: log)
        let warnings = log.events.compactMap { if case .warning(let message) = $0 { message } else { nil } }
        #expect(warnings.contains { $0.contains("🎉🎉") && $0.contains("skipped") }, "\(warnings)")
        #expect(summary.skipped == 1 && summary.failed == 0 && summary.generated == 1, "\(summary)")
        let entries = try FeedRunnerTests.manifest(in: directory).items
        let emoji = try #require(entries.first { $0.id == "urn:emoji" })
        #expect(emoji.file == nil && emoji.error == nil, "\(emoji)")
        #expect(emoji.warnings?.first?.hasPrefix("nothing to read") == true, "\(emoji)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent(ItemKey(id: "urn:emoji").fileName(format: .wav)).path))
    }

    @Test func aFetchedPageThatIsGzipBytesFails() async throws {
        let server = try LoopbackServer()
        let gzipped = try HostileHTTPTests.gzippedZeros(megabytes: 1)
        server.set("/page", LoopbackServer.Response(status: 200, headers: ["Content-Type": "text/html"], body: gzipped))
        let feed = FeedRunnerTests.jsonFeed([.init(id: "urn:gz", title: "Compressé", text: "", link: server.url("/page").absoluteString)])
        let directory = temporaryDirectory("gz-page")
        let summary = try await FeedRunnerTests.run(feed, into: directory, format: .wav, fetchArticles: true)
        #expect(summary.failed == 1)
        let entry = try #require(try FeedRunnerTests.manifest(in: directory).items.first)
        #expect(entry.error?.contains("gzip-compressed") == true, "\(entry)")
    }
}
