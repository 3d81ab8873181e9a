// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
@testable import EcouterFeed

/// `ecouter feed` on items with nothing to speak: skipped with one warning each, exit 0, no episode.
@Suite(.serialized) struct FeedSkipCommandTests {
    /// A JSON Feed with a word item, an emoji text item and an emoji HTML item.
    static func feed() throws -> String {
        let items: [[String: Any]] = [
            ["id": "urn:skip:words", "title": "Des mots", "content_text": "Une phrase à lire à voix haute."],
            ["id": "urn:skip:text", "title": "🎉🎉", "content_text": "😀 👍🏽 ❤️"],
            ["id": "urn:skip:html", "title": "✨", "content_html": "<p>🇫🇷 ✨ 😀</p><p>👏👏</p>"],
        ]
        let object: [String: Any] = ["version": "https://jsonfeed.org/version/1.1", "title": "Essai", "items": items]
        let url = temporaryDirectory("skip-source").appendingPathComponent("feed.json")
        try JSONSerialization.data(withJSONObject: object).write(to: url)
        return url.path
    }

    @Test func itemsWithNothingToSpeakAreSkippedWithAWarningAndTheRunSucceeds() async throws {
        let out = temporaryDirectory("skip-out")
        let result = try await runTool(try FeedCommandTests.binary, ["feed", try Self.feed(), "-d", out.path, "--format", "wav"])
        #expect(result.status == 0, "\(result.err)")
        let warnings = result.err.split(separator: "\n").filter { $0.hasPrefix("ecouter: warning: item ") && $0.contains("skipped, nothing to read") }
        #expect(warnings.count == 2, "\(result.err)")
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("manifest.json"))) as? [String: Any]
        let entries = try #require(manifest?["items"] as? [[String: Any]])
        let files = Dictionary(uniqueKeysWithValues: entries.map { ($0["id"] as? String ?? "", $0["file"] as? String) })
        #expect(files["urn:skip:words"]??.hasSuffix(".wav") == true, "\(entries)")
        #expect(files["urn:skip:text"] == .some(nil) && files["urn:skip:html"] == .some(nil), "\(entries)")
        let audio = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".wav") }
        #expect(audio.count == 1, "\(audio)")
    }
}
