// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Synchronization
import Testing
@testable import EcouterFeed

/// Whole runs through the real pipeline (extraction, normalization, libespeak-ng, LAME), in process.
/// Items are a sentence or two so the suite stays fast.
@Suite(.serialized) struct FeedRunnerTests {
    struct Item {
        var id: String
        var title: String
        var text: String
        var link: String? = nil
    }

    static let items = [
        Item(id: "urn:a", title: "Le marché rouvre", text: "Le marché couvert rouvre ce matin."),
        Item(id: "urn:b", title: "La pluie arrive", text: "Il pleuvra demain sur la région."),
        Item(id: "urn:c", title: "Un concert <gratuit>", text: "Un concert aura lieu samedi au parc."),
    ]

    /// A JSON Feed of `items`.
    static func jsonFeed(_ items: [Item], title: String = "Le Journal d'essai") -> String {
        let entries: [[String: Any]] = items.enumerated().map { index, item in
            var entry: [String: Any] = ["id": item.id, "title": item.title, "date_published": "2026-03-0\(index + 1)T08:00:00+01:00",
                                        "authors": [["name": "Jeanne Dupont"]]]
            if !item.text.isEmpty { entry["content_text"] = item.text }
            if let link = item.link { entry["url"] = link }
            return entry
        }
        let object: [String: Any] = ["version": "https://jsonfeed.org/version/1.1", "title": title, "language": "fr", "description": "Des brèves", "items": entries]
        return String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    /// Writes `feed` to a file and runs a feed job on it into `directory`.
    static func run(
        _ feed: String, into directory: URL, prune: Bool = false, format: AudioFormat = .mp3, baseURL: URL? = nil,
        shard: Shard = .all, reader: ArticleReader = ArticleReader(), fetchArticles: Bool = false, events: EventLog? = nil
    ) async throws -> FeedRunSummary {
        let source = temporaryDirectory("source").appendingPathComponent("feed.json")
        try Data(feed.utf8).write(to: source)
        let options = FeedRunOptions(directory: directory, format: format, jobs: 2, fetchArticles: fetchArticles, prune: prune, baseURL: baseURL, shard: shard,
                                     limits: FetchLimits(timeout: 2))
        return try await FeedRunner(reader: reader, options: options).run(FeedSource(source.path)) { event in
            events?.append(event)
        }
    }

    static func manifest(in directory: URL, name: String = "manifest.json") throws -> Manifest {
        try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: directory.appendingPathComponent(name)))
    }

    @Test func aFirstRunVoicesEveryItemIntoDecodableTaggedMP3s() async throws {
        let directory = temporaryDirectory()
        let events = EventLog()
        let summary = try await Self.run(Self.jsonFeed(Self.items), into: directory, events: events)
        #expect(summary.items == 3 && summary.generated == 3 && summary.unchanged == 0 && summary.failed == 0)

        let manifest = try Self.manifest(in: directory)
        #expect(manifest.feed.title == "Le Journal d'essai")
        #expect(manifest.items.map(\.id) == Self.items.map(\.id))
        for entry in manifest.items {
            let file = try #require(entry.file)
            #expect(file == ItemKey(id: entry.id).fileName(format: .mp3))
            let url = directory.appendingPathComponent(file)
            let duration = try #require(entry.duration)
            #expect(duration > 1 && duration < 15, "\(entry.id): \(duration) s for one sentence")
            // The audio decodes to the duration the manifest records (LAME info frame: exact).
            #expect(abs(try await decodedSeconds(url) - duration) < 0.05)
            #expect(entry.bytes == (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int))
            #expect(entry.textHash?.count == 64 && entry.settingsHash?.count == 16 && entry.error == nil)
        }
        // ID3: the item's title, author, the feed's title as album.
        let first = directory.appendingPathComponent(try #require(manifest.items[0].file))
        let tags = try await runTool("/usr/bin/ffprobe", ["-v", "error", "-show_entries", "format_tags", "-of", "default=nw=1", first.path]).out
        #expect(tags.contains("TAG:title=Le marché rouvre"))
        #expect(tags.contains("TAG:artist=Jeanne Dupont"))
        #expect(tags.contains("TAG:album=Le Journal d'essai"))
        #expect(tags.contains("TAG:date=2026"))

        let log = events.events
        #expect(log.first == .started(feedTitle: "Le Journal d'essai", items: 3, feedItems: 3))
        #expect(log.filter { if case .itemFinished(let o, _, _) = $0 { o.status == .generated } else { false } }.count == 3)
        #expect(log.last == .finished(summary))
        // Nothing temporary is left behind.
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(names.allSatisfy { !$0.hasPrefix(".") }, "\(names)")
    }

    @Test func anUnchangedRerunMakesNoAudioAndAnEditedItemAloneIsRemade() async throws {
        let directory = temporaryDirectory()
        _ = try await Self.run(Self.jsonFeed(Self.items), into: directory)
        let files = Self.items.map { directory.appendingPathComponent(ItemKey(id: $0.id).fileName(format: .mp3)) }
        let before = files.map { identity(of: $0) }
        let firstManifest = try Self.manifest(in: directory)

        let again = try await Self.run(Self.jsonFeed(Self.items), into: directory)
        #expect(again.generated == 0 && again.unchanged == 3 && again.failed == 0)
        for (file, old) in zip(files, before) {
            let now = identity(of: file)
            #expect(now?.inode == old?.inode && now?.modified == old?.modified, "\(file.lastPathComponent) was rewritten")
        }
        #expect(try Self.manifest(in: directory).items == firstManifest.items)

        var edited = Self.items
        edited[1].text = "Il neigera demain sur toute la région."
        let third = try await Self.run(Self.jsonFeed(edited), into: directory)
        #expect(third.generated == 1 && third.unchanged == 2)
        #expect(identity(of: files[0])?.modified == before[0]?.modified)
        #expect(identity(of: files[1])?.inode != before[1]?.inode, "the edited item's audio must be new")
        #expect(identity(of: files[2])?.modified == before[2]?.modified)
        let entries = try Self.manifest(in: directory).items
        #expect(entries[1].textHash != firstManifest.items[1].textHash)
        #expect(entries[0].textHash == firstManifest.items[0].textHash)

        // A new feed title changes every file's album tag: the files are remade with it.
        let retitled = try await Self.run(Self.jsonFeed(edited, title: "Le Nouveau Journal"), into: directory)
        #expect(retitled.generated == 3)
        let tags = try await runTool("/usr/bin/ffprobe", ["-v", "error", "-show_entries", "format_tags=album", "-of", "default=nw=1", files[0].path]).out
        #expect(tags.contains("TAG:album=Le Nouveau Journal"))
    }

    @Test func newSettingsRemakeEverything() async throws {
        let directory = temporaryDirectory()
        _ = try await Self.run(Self.jsonFeed(Array(Self.items.prefix(2))), into: directory)
        let faster = ArticleReader(options: ReadingOptions(rate: 230))
        let summary = try await Self.run(Self.jsonFeed(Array(Self.items.prefix(2))), into: directory, reader: faster)
        #expect(summary.generated == 2 && summary.unchanged == 0)
        // Switching to WAV remakes the audio and removes the MP3 it replaces.
        let wav = try await Self.run(Self.jsonFeed(Array(Self.items.prefix(2))), into: directory, format: .wav, reader: faster)
        #expect(wav.generated == 2)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(names.filter { $0.hasSuffix(".wav") }.count == 2)
        #expect(names.filter { $0.hasSuffix(".mp3") }.isEmpty)
    }

    @Test func removedItemsStayUntilPruned() async throws {
        let directory = temporaryDirectory()
        _ = try await Self.run(Self.jsonFeed(Self.items), into: directory, baseURL: URL(string: "https://podcast.example/a/"))
        let goneFile = directory.appendingPathComponent(ItemKey(id: "urn:c").fileName(format: .mp3))
        #expect(FileManager.default.fileExists(atPath: goneFile.path))

        let kept = try await Self.run(Self.jsonFeed(Array(Self.items.prefix(2))), into: directory, baseURL: URL(string: "https://podcast.example/a/"))
        #expect(kept.unchanged == 2 && kept.pruned == 0)
        #expect(FileManager.default.fileExists(atPath: goneFile.path))
        let entry = try #require(try Self.manifest(in: directory).items.first { $0.id == "urn:c" })
        #expect(entry.position == nil)
        // Gone items are not offered as episodes.
        let page = try String(contentsOf: directory.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(!page.contains(goneFile.lastPathComponent))
        let podcast = try String(contentsOf: directory.appendingPathComponent("feed.xml"), encoding: .utf8)
        #expect(!podcast.contains(goneFile.lastPathComponent))

        // An empty feed is a glitch, not an order to delete everything.
        let empty = try await Self.run(Self.jsonFeed([]), into: directory, prune: true)
        #expect(empty.pruned == 0 && empty.items == 0)
        #expect(FileManager.default.fileExists(atPath: goneFile.path))

        let pruned = try await Self.run(Self.jsonFeed(Array(Self.items.prefix(2))), into: directory, prune: true)
        #expect(pruned.pruned == 1 && pruned.unchanged == 2 && pruned.generated == 0)
        #expect(!FileManager.default.fileExists(atPath: goneFile.path))
        #expect(try Self.manifest(in: directory).items.map(\.id) == ["urn:a", "urn:b"])
    }

    @Test func aFailingItemIsRecordedAndTheOthersAreVoiced() async throws {
        let server = try LoopbackServer()
        server.set("/page", .ok("Titre de la page\n\nLe texte complet de l'article, récupéré sur le site.", type: "text/plain; charset=utf-8"))
        let items = [
            Self.items[0],
            Item(id: "urn:empty", title: "Sans texte", text: ""),
            Item(id: "urn:404", title: "Lien cassé", text: "", link: server.url("/missing").absoluteString),
            Item(id: "urn:fetched", title: "Article récupéré", text: "", link: server.url("/page").absoluteString),
            Self.items[1],
        ]
        let directory = temporaryDirectory()
        let summary = try await Self.run(Self.jsonFeed(items), into: directory, fetchArticles: true)
        #expect(summary.generated == 3 && summary.failed == 2)
        let entries = try Self.manifest(in: directory).items
        let byID = Dictionary(uniqueKeysWithValues: entries.map { ($0.id, $0) })
        #expect(byID["urn:empty"]?.error?.contains("no text") == true)
        #expect(byID["urn:empty"]?.file == nil)
        #expect(byID["urn:404"]?.error?.contains("HTTP 404") == true)
        #expect(byID["urn:fetched"]?.error == nil && byID["urn:fetched"]?.file != nil)
        #expect(server.requestedPaths.contains("/page"))
        // Failed items are retried on the next run; good ones are not remade.
        let again = try await Self.run(Self.jsonFeed(items), into: directory, fetchArticles: true)
        #expect(again.failed == 2 && again.unchanged == 3 && again.generated == 0)

        // An item that worked and then fails (its page is gone) keeps its audio, with the error,
        // however many times it fails.
        server.set("/page", LoopbackServer.Response(status: 500))
        for _ in 0..<2 {
            let broken = try await Self.run(Self.jsonFeed(items), into: directory, fetchArticles: true)
            #expect(broken.failed == 3 && broken.unchanged == 2)
            let fetched = try #require(try Self.manifest(in: directory).items.first { $0.id == "urn:fetched" })
            #expect(fetched.error?.contains("HTTP 500") == true)
            #expect(fetched.file == ItemKey(id: "urn:fetched").fileName(format: .mp3) && fetched.duration != nil)
        }
    }

    @Test func thePodcastFeedParsesBackWithExactEnclosures() async throws {
        let directory = temporaryDirectory()
        _ = try await Self.run(Self.jsonFeed(Self.items), into: directory, baseURL: URL(string: "https://podcast.example/audio"))
        let data = try Data(contentsOf: directory.appendingPathComponent("feed.xml"))
        let podcast = try #require(PodcastReader.read(data))
        #expect(podcast.channel["title"] == "Le Journal d'essai")
        #expect(podcast.channel["language"] == "fr")
        #expect(podcast.channel["description"] == "Des brèves")
        #expect(podcast.items.count == 3)
        let manifest = try Self.manifest(in: directory)
        for (item, entry) in zip(podcast.items, manifest.items) {
            let file = try #require(entry.file)
            #expect(item.fields["guid"] == entry.id)
            #expect(item.fields["title"] == entry.title)
            #expect(item.enclosure["url"] == "https://podcast.example/audio/\(file)")
            #expect(item.enclosure["type"] == "audio/mpeg")
            let size = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(file).path)[.size] as? Int
            #expect(item.enclosure["length"] == size.map(String.init))
            #expect(item.fields["itunes:duration"]?.hasPrefix("0:0") == true)
            #expect(item.fields["pubDate"].flatMap(FeedDates.parse) != nil)
        }
        #expect(podcast.items[0].fields["pubDate"] == "Mon, 02 Mar 2026 07:00:00 +0000" || podcast.items[0].fields["pubDate"] == "Sun, 01 Mar 2026 07:00:00 +0000")

        let page = try String(contentsOf: directory.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(page.components(separatedBy: "<audio ").count - 1 == 3)
        #expect(page.contains("Un concert &lt;gratuit&gt;"))
        #expect(!page.contains("<gratuit>"))
        for entry in manifest.items { #expect(page.contains("src=\"\(entry.file ?? "?")\"")) }
    }

    @Test func shardsSplitTheWorkAndAWholeRunAdoptsTheirAudio() async throws {
        let items = (0..<6).map { Item(id: "urn:shard:\($0)", title: "Brève \($0)", text: "Voici la brève numéro \($0).") }
        let directory = temporaryDirectory()
        let feed = Self.jsonFeed(items)
        let first = try await Self.run(feed, into: directory, shard: try Shard(index: 1, count: 2))
        let second = try await Self.run(feed, into: directory, shard: try Shard(index: 2, count: 2))
        #expect(first.items + second.items == 6)
        #expect(first.generated == first.items && second.generated == second.items)
        let one = try Self.manifest(in: directory, name: "manifest.shard-1-of-2.json").items.map(\.id)
        let two = try Self.manifest(in: directory, name: "manifest.shard-2-of-2.json").items.map(\.id)
        #expect(Set(one).isDisjoint(with: two) && Set(one).union(two) == Set(items.map(\.id)))
        // Shards write no pages; the whole run writes them and makes no audio.
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("index.html").path))
        let whole = try await Self.run(feed, into: directory)
        #expect(whole.generated == 0 && whole.unchanged == 6)
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("index.html").path))
    }

    @Test(arguments: ["rss.xml", "atom.xml"])
    func htmlFeedsAreVoiced(name: String) async throws {
        let directory = temporaryDirectory()
        let options = FeedRunOptions(directory: directory, jobs: 2)
        let path = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).appendingPathComponent(name).path
        let summary = try await FeedRunner(options: options).run(.file(path))
        #expect(summary.items == 3 && summary.generated == 3 && summary.failed == 0)
        let entries = try Self.manifest(in: directory).items
        #expect(Set(entries.compactMap(\.textHash)).count == 3)
        for entry in entries {
            // A title and a sentence or two: a few seconds each.
            #expect((entry.duration ?? 0) > 2 && (entry.duration ?? 0) < 20, "\(entry.id): \(entry.duration ?? 0)")
        }
    }

    @Test func aFeedOverHTTPWorksAndHostileOrFailingFeedsWriteNothing() async throws {
        let server = try LoopbackServer()
        server.set("/feed.json", .ok(Self.jsonFeed([Self.items[0]]), type: "application/feed+json"))
        server.set("/xxe.xml", .ok(try fixtureText("xxe.xml")))
        server.set("/down", LoopbackServer.Response(status: 500))
        let directory = temporaryDirectory()
        let options = FeedRunOptions(directory: directory, limits: FetchLimits(timeout: 2))
        let summary = try await FeedRunner(options: options).run(.url(server.url("/feed.json")))
        #expect(summary.generated == 1)
        #expect(try Self.manifest(in: directory).feed.source == server.url("/feed.json").absoluteString)

        for (path, code) in [("/xxe.xml", FeedError.Code.hostile), ("/down", .http), ("/missing", .http)] {
            let empty = temporaryDirectory().appendingPathComponent("out")
            await #expect { try await FeedRunner(options: FeedRunOptions(directory: empty)).run(.url(server.url(path))) } throws: {
                ($0 as? FeedError)?.code == code
            }
            #expect(!FileManager.default.fileExists(atPath: empty.path), "nothing may be written for \(path)")
        }
        let billion = temporaryDirectory().appendingPathComponent("out")
        let file = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).appendingPathComponent("billion-laughs.xml")
        await #expect { try await FeedRunner(options: FeedRunOptions(directory: billion)).run(.file(file.path)) } throws: {
            ($0 as? FeedError)?.code == .hostile
        }
        #expect(!FileManager.default.fileExists(atPath: billion.path))
    }
}

/// Events as a run delivered them.
final class EventLog: Sendable {
    private let storage = Mutex<[FeedEvent]>([])
    func append(_ event: FeedEvent) { storage.withLock { $0.append(event) } }
    var events: [FeedEvent] { storage.withLock { $0 } }
}

/// Reads a podcast RSS feed back with Foundation's XMLParser (independent of our libxml2 code).
final class PodcastReader: NSObject, XMLParserDelegate {
    struct Item { var fields: [String: String] = [:]; var enclosure: [String: String] = [:] }
    var channel: [String: String] = [:]
    var items: [Item] = []
    private var path: [String] = []
    private var text = ""

    static func read(_ data: Data) -> PodcastReader? {
        let reader = PodcastReader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        parser.shouldProcessNamespaces = false
        return parser.parse() ? reader : nil
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        path.append(name)
        text = ""
        if name == "item" { items.append(Item()) }
        if name == "enclosure", !items.isEmpty { items[items.count - 1].enclosure = attributes }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if path.count >= 2, path[path.count - 2] == "item", !items.isEmpty {
            items[items.count - 1].fields[name] = text
        } else if path.count >= 2, path[path.count - 2] == "channel" {
            channel[name] = text
        }
        path.removeLast()
        text = ""
    }
}
