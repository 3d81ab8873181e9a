// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
@testable import EcouterFeed

/// JSON Feed ids are text: numbers keep the digits they were written with, spellings that Swift
/// calls equal (NFC, NFD) stay two items, and one odd id or string does not reject the feed.
@Suite(.serialized) struct JSONFeedIdentityTests {
    static func feed(_ items: [String]) -> [UInt8] {
        Array("""
            {"version": "https://jsonfeed.org/version/1.1", "title": "Ids", "items": [\(items.joined(separator: ","))]}
            """.utf8)
    }

    @Test func numericIdsKeepTheirDigits() throws {
        let ids = ["12345678901234567890", "12345678901234567891", "9223372036854775808", "1", "1.0", "1e0", "-0", "0.1000000000000000055511151231257827"]
        let items = ids.enumerated().map { "{\"id\": \($0.element), \"content_text\": \"Texte \($0.offset).\"}" }
        let parsed = try FeedParser().parse(Self.feed(items))
        #expect(parsed.items.map(\.id) == ids)
        #expect(Set(parsed.items.map { ItemKey(id: $0.id) }).count == ids.count)
    }

    @Test func aBooleanOrNullIdFallsBackToTheLinkAndTheFeedIsRead() throws {
        let items = [
            #"{"id": true, "url": "https://example.org/a", "content_text": "Un."}"#,
            #"{"id": null, "url": "https://example.org/b", "content_text": "Deux."}"#,
            #"{"id": {"x": 1}, "url": "https://example.org/c", "content_text": "Trois."}"#,
            #"{"id": "d", "content_text": "Quatre."}"#,
        ]
        let parsed = try FeedParser().parse(Self.feed(items))
        #expect(parsed.items.map(\.id) == ["https://example.org/a", "https://example.org/b", "https://example.org/c", "d"])
    }

    @Test func aLoneSurrogateBecomesAReplacementCharacterAndTheFeedIsRead() throws {
        let items = [
            #"{"id": "a\ud800", "title": "Titre \udfff seul", "content_text": "Un."}"#,
            #"{"id": "b", "title": "Paire \ud83d\ude00 et \ud83d\u0041", "content_text": "Deux."}"#,
        ]
        let parsed = try FeedParser().parse(Self.feed(items))
        #expect(parsed.items.map(\.id) == ["a\u{FFFD}", "b"])
        #expect(parsed.items[0].title == "Titre \u{FFFD} seul")
        #expect(parsed.items[1].title == "Paire \u{1F600} et \u{FFFD}A")
    }

    /// Short broken documents, and two nested past the cap (named, so the test list stays readable).
    @Test(arguments: [
        #"{"version": 1,"#, #"{"a": 01}"#, #"{"a": 1.}"#, #"{"a": "\x"}"#, #"{"a": "\u12"}"#, #"{"a" 1}"#, #"{"a": 1} x"#,
        "DEEP ARRAYS", "DEEP OBJECTS",
    ])
    func malformedJSONIsRefusedWithItsOffset(_ text: String) throws {
        let document = switch text {
        case "DEEP ARRAYS": "{\"a\":" + String(repeating: "[", count: 100_000)
        case "DEEP OBJECTS": "{\"a\":" + String(repeating: "{\"a\":", count: 70) + "1" + String(repeating: "}", count: 71)
        default: text
        }
        do {
            let feed = try FeedParser().parse(Array(document.utf8))
            Issue.record("parsed: \(feed)")
        } catch {
            #expect(error.code == .malformed)
            #expect(error.message.contains("byte "), "\(error.message)")
        }
    }

    /// "é" composed (U+00E9) and decomposed (e + U+0301) are equal Swift strings, but two ids with
    /// two file names: both items are voiced and recorded, neither replaces the other.
    @Test func composedAndDecomposedIdsAreTwoItems() async throws {
        let composed = "urn:\u{E9}t\u{E9}", decomposed = "urn:e\u{301}te\u{301}"
        #expect(composed == decomposed)  // what made one of them vanish
        let feed = FeedRunnerTests.jsonFeed([
            .init(id: composed, title: "Composé", text: "Le premier été."),
            .init(id: decomposed, title: "Décomposé", text: "Le second été."),
        ])
        let directory = temporaryDirectory("nfd")
        let summary = try await FeedRunnerTests.run(feed, into: directory, format: .wav)
        #expect(summary.items == 2 && summary.generated == 2)
        let manifest = try FeedRunnerTests.manifest(in: directory)
        #expect(Set(manifest.items.map { Array($0.id.utf8) }) == [Array(composed.utf8), Array(decomposed.utf8)])
        let audio = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".wav") }
        #expect(audio.count == 2)
        // A second run finds both up to date: neither entry shadows the other.
        let again = try await FeedRunnerTests.run(feed, into: directory, format: .wav)
        #expect(again.unchanged == 2 && again.generated == 0)
    }
}

@Suite struct FeedAttributeBoundTests {
    @Test func anRSSItemWithTensOfThousandsOfAttributesIsHostile() throws {
        let attributes = (0..<30_000).map { "a\($0)=\"1\"" }.joined(separator: " ")
        let rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item \(attributes)><guid>1</guid><description>Texte.</description></item></channel></rss>"
        do {
            let feed = try FeedParser().parse(Array(rss.utf8))
            Issue.record("parsed: \(feed.items.count) items")
        } catch {
            #expect(error.code == .hostile)
            #expect(error.message.contains("attributes"))
        }
    }
}
