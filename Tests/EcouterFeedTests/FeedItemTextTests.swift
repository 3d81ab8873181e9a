// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
@testable import EcouterFeed

/// Items whose text gives nothing to speak fail, instead of being recorded with an empty file.
@Suite(.serialized) struct FeedItemTextTests {
    @Test func anEmojiOnlyItemFailsAndTheOthersAreVoiced() async throws {
        let feed = FeedRunnerTests.jsonFeed([
            .init(id: "urn:emoji", title: "🎉🎉", text: "😀 👍🏽 ❤️"),
            .init(id: "urn:words", title: "Des mots", text: "Une phrase à lire."),
        ])
        let directory = temporaryDirectory("emoji")
        let summary = try await FeedRunnerTests.run(feed, into: directory, format: .wav)
        #expect(summary.failed == 1 && summary.generated == 1)
        let entries = try FeedRunnerTests.manifest(in: directory).items
        let emoji = try #require(entries.first { $0.id == "urn:emoji" })
        #expect(emoji.file == nil && emoji.error?.contains("nothing to read") == true, "\(emoji)")
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
