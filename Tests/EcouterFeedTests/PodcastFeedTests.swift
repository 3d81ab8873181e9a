// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import Foundation
import Testing
@testable import EcouterFeed

/// `feed.xml` as the directories and the apps read it: a real run (libespeak-ng, LAME) over a fixture
/// feed, then our own XML reading, `scripts/validate-podcast.py`, feedparser and podcastparser.
@Suite(.serialized) struct PodcastFeedTests {
    static let baseURL = URL(string: "https://cdn.example/audio")!
    static let settings = PodcastSettings(
        ownerName: "Rédaction du Courrier", ownerEmail: "podcast@courrier.example",
        categories: [try! PodcastCategory(parsing: "News/Daily News"), try! PodcastCategory(parsing: "news/politics")],
        explicit: false, locked: true)

    static func fixturePath(_ name: String) throws -> String {
        try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).appendingPathComponent(name).path
    }

    /// One run over `fixture` into a fresh directory; the events it sent.
    static func run(_ fixture: String, settings: PodcastSettings = settings, format: AudioFormat = .mp3) async throws -> (directory: URL, events: [FeedEvent]) {
        let directory = temporaryDirectory("podcast")
        let log = EventLog()
        let options = FeedRunOptions(directory: directory, format: format, jobs: 2, baseURL: baseURL, podcast: settings)
        let summary = try await FeedRunner(options: options).run(.file(try fixturePath(fixture))) { log.append($0) }
        #expect(summary.failed == 0 && summary.generated == summary.items)
        return (directory, log.events)
    }

    static func warnings(_ events: [FeedEvent]) -> [String] {
        events.compactMap { if case .warning(let message) = $0 { message } else { nil } }
    }

    @Test func everyRequiredChannelAndItemTagIsThere() async throws {
        let (directory, events) = try await Self.run("podcast-source.xml")
        #expect(Self.warnings(events).isEmpty, "\(Self.warnings(events))")
        let rss = try #require(XMLNode.parse(try Data(contentsOf: directory.appendingPathComponent("feed.xml"))))
        let channel = try #require(rss.child("channel"))
        let source = try FeedParser().parse(fixture("podcast-source.xml"))

        #expect(channel["title"] == source.title && channel["language"] == source.language && channel["link"] == source.link)
        #expect(channel["description"] == source.description)
        #expect(channel["copyright"] == source.copyright && source.copyright != nil)
        // No --image: the source feed's own image, in both places.
        #expect(channel.child("itunes:image")?.attributes["href"] == source.image && source.image != nil)
        #expect(channel.child("image")?["url"] == source.image)
        #expect(channel.child("itunes:owner")?["itunes:name"] == Self.settings.ownerName)
        #expect(channel.child("itunes:owner")?["itunes:email"] == Self.settings.ownerEmail)
        let categories = channel.all("itunes:category")
        #expect(categories.map { $0.attributes["text"] } == ["News"])
        #expect(categories.first?.all("itunes:category").map { $0.attributes["text"] } == ["Daily News", "Politics"])
        #expect(channel["itunes:explicit"] == "clean")
        #expect(channel["itunes:author"]?.isEmpty == false)
        let selfURL = "https://cdn.example/audio/feed.xml"
        #expect(channel.child("atom:link")?.attributes["href"] == selfURL)
        let expectedGUID = try await pythonJSON("import uuid, sys, json; print(json.dumps(str(uuid.uuid5(uuid.UUID(sys.argv[1]), sys.argv[2]))))",
                                          [PodcastChannel.guidNamespace, "cdn.example/audio/feed.xml"]) as? String
        #expect(channel["podcast:guid"] == expectedGUID)
        #expect(channel["podcast:locked"] == "yes" && channel.child("podcast:locked")?.attributes["owner"] == Self.settings.ownerEmail)

        let items = channel.all("item")
        #expect(items.count == source.items.count)
        let manifest = try FeedRunnerTests.manifest(in: directory)
        for (item, (entry, sourceItem)) in zip(items, zip(manifest.items, source.items)) {
            let file = try #require(entry.file)
            #expect(item["title"] == sourceItem.title)
            #expect(item["link"] == sourceItem.link && sourceItem.link != nil)
            #expect(item["guid"] == sourceItem.id && item.child("guid")?.attributes["isPermaLink"] == "false")
            #expect(item["pubDate"].flatMap(FeedDates.parse) != nil)
            #expect(item["itunes:episodeType"] == "full")
            #expect(item["itunes:duration"] == FeedDates.clock(try #require(entry.duration)))
            let enclosure = try #require(item.child("enclosure"))
            #expect(enclosure.attributes["url"] == "https://cdn.example/audio/\(file)")
            #expect(enclosure.attributes["type"] == "audio/mpeg")
            let size = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(file).path)[.size] as? Int
            #expect(enclosure.attributes["length"] == size.map(String.init))
            // Plain text: no markup left from the feed's HTML.
            let description = try #require(item["description"])
            #expect(!description.isEmpty && !description.contains("<"))
            // The text read, as HTML that parses back: one element per block.
            let html = try #require(item["content:encoded"])
            let body = try #require(XMLNode.parse(Data("<body>\(html)</body>".utf8)), "content:encoded is not well-formed: \(html)")
            #expect(!body.children.isEmpty)
        }
        // The standfirst (the item's summary beside its full text) is the description; without a
        // full text, the first paragraph read.
        #expect(items[0]["description"] == "Le vent trop fort oblige les organisateurs à attendre.")
        #expect(items[1]["description"] == "Douze nouveaux étals s'installent place de l'Église.")
        let firstHTML = try #require(items[0]["content:encoded"])
        let first = try #require(XMLNode.parse(Data("<body>\(firstHTML)</body>".utf8)))
        #expect(first.children.map(\.name) == ["p", "h3", "p", "ul", "blockquote"])
        #expect(first.children[1].text == "Le vent & la météo")
        #expect(first.children[2].text.contains("]]>"))
        #expect(first.child("ul")?.all("li").count == 2)
        // The undated item is dated when its audio was made.
        #expect(items[2]["pubDate"].flatMap(FeedDates.parse).map { abs($0.timeIntervalSinceNow) < 600 } == true)
    }

    @Test func theValidatorAndBothPythonReadersAcceptIt() async throws {
        let (directory, _) = try await Self.run("podcast-source.xml", settings: Self.settings.overriding(with: PodcastSettings(image: "https://cdn.example/art/cover.jpg", explicit: true)))
        let feed = directory.appendingPathComponent("feed.xml")
        let validation = try await validatePodcast(feed, directory: directory)
        #expect(validation.status == 0, "\(validation.err)")
        #expect(validation.out.contains("ok, 3 episodes"))

        let source = try FeedParser().parse(fixture("podcast-source.xml"))
        let read = try #require(try await pythonJSON("""
            import feedparser, json, sys
            f = feedparser.parse(sys.argv[1])
            print(json.dumps({"bozo": bool(f.bozo), "image": f.feed.image.href, "explicit": f.feed.itunes_explicit,
                              "categories": [t.term for t in f.feed.tags], "summaries": [e.summary for e in f.entries]}))
            """, [feed.path]) as? [String: Any])
        #expect(read["bozo"] as? Bool == false)
        #expect(read["image"] as? String == "https://cdn.example/art/cover.jpg")
        #expect(read["explicit"] as? Bool == true)
        #expect(read["categories"] as? [String] == ["News", "Daily News", "Politics"])
        let summaries = try #require(read["summaries"] as? [String])
        #expect(summaries.count == source.items.count && summaries.allSatisfy { !$0.isEmpty })
        #expect(summaries[0] == "Le vent trop fort oblige les organisateurs à attendre.")

        let episodes = try #require(try await pythonJSON("""
            import podcastparser, json, sys
            with open(sys.argv[1], "rb") as handle: p = podcastparser.parse("https://cdn.example/audio/feed.xml", handle)
            print(json.dumps({"cover": p.get("cover_url"), "description": p.get("description"), "explicit": p.get("explicit"),
                              "episodes": [{"description": e["description"], "html": e.get("description_html", ""),
                                            "seconds": e["total_time"], "size": e["enclosures"][0]["file_size"]} for e in p["episodes"]]}))
            """, [feed.path]) as? [String: Any])
        #expect(episodes["cover"] as? String == "https://cdn.example/art/cover.jpg")
        #expect(episodes["description"] as? String == source.description)
        #expect(episodes["explicit"] as? Bool == true)
        let list = try #require(episodes["episodes"] as? [[String: Any]])
        #expect(list.count == source.items.count)
        for episode in list {
            #expect((episode["description"] as? String)?.isEmpty == false)
            #expect((episode["seconds"] as? Int ?? 0) > 0 && (episode["size"] as? Int ?? 0) > 0)
            // podcastparser prefers content:encoded as the episode's HTML page.
            #expect((episode["html"] as? String)?.contains("<p>") == true)
        }
    }

    @Test func theValidatorFailsOnWhatDirectoriesRefuse() async throws {
        let (directory, _) = try await Self.run("podcast-source.xml")
        let good = try String(contentsOf: directory.appendingPathComponent("feed.xml"), encoding: .utf8)
        #expect(try await validatePodcast(directory.appendingPathComponent("feed.xml"), directory: directory).status == 0)
        let firstGUID = try #require(good.range(of: "<guid isPermaLink=\"false\">courrier-marche</guid>"))
        let breakages: [(String, String)] = [
            ("a relative enclosure", good.replacingOccurrences(of: "url=\"https://cdn.example/audio/", with: "url=\"audio/")),
            ("a repeated guid", good.replacingCharacters(in: firstGUID, with: "<guid isPermaLink=\"false\">courrier-regate</guid>")),
            ("an ISO date", good.replacingOccurrences(of: "Mon, 02 Mar 2026 18:00:00 +0000", with: "2026-03-02T18:00:00Z")),
            ("no artwork", good.replacingOccurrences(of: "<itunes:image href=", with: "<itunes:imageX href=")),
            ("a category Apple does not have", good.replacingOccurrences(of: "text=\"News\"", with: "text=\"Nouvelles\"")),
            ("a wrong length", good.replacingOccurrences(of: "length=\"", with: "length=\"1")),
        ]
        for (what, text) in breakages {
            #expect(text != good, "the fixture no longer has what \(what) replaces")
            let url = temporaryDirectory("broken").appendingPathComponent("feed.xml")
            try Data(text.utf8).write(to: url)
            let result = try await validatePodcast(url, directory: directory)
            #expect(result.status == 1, "\(what) passed validation")
        }
    }

    @Test func withoutAnyImageTheFeedIsWrittenAndAWarningSaysWhyItWouldBeRefused() async throws {
        // rss.xml has no image, and no --image is given.
        let (directory, events) = try await Self.run("rss.xml", settings: PodcastSettings(ownerEmail: "podcast@gazette.example"))
        let warnings = Self.warnings(events)
        #expect(warnings.count == 1)
        let warning = try #require(warnings.first)
        #expect(warning.contains("no artwork") && warning.contains("itunes:image") && warning.contains("Apple Podcasts") && warning.contains("--image"))
        #expect(!warning.contains("\n"))
        let feed = directory.appendingPathComponent("feed.xml")
        let rss = try #require(XMLNode.parse(try Data(contentsOf: feed)))
        #expect(rss.child("channel")?.all("item").count == 3)
        #expect(rss.child("channel")?.child("itunes:image") == nil)
        // The JSON event carries it too.
        let json = try #require(events.first { if case .warning = $0 { true } else { false } }).jsonLine
        #expect(json.contains("\"event\":\"warning\""))
        let validation = try await validatePodcast(feed)
        #expect(validation.status == 1 && validation.err.contains("itunes:image"))
    }

    @Test func wavEnclosuresAreWarnedAbout() async throws {
        let (_, events) = try await Self.run("podcast-source.xml", format: .wav)
        #expect(Self.warnings(events).contains { $0.contains("WAV") })
    }
}
