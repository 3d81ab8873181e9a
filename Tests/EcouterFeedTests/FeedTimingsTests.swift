// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import EcouterFeed

/// Timings through the feed, with the real engine: a `.vtt` and a `.json` beside every audio file,
/// read back by webvtt-py, declared in `feed.xml` as `podcast:transcript`, shown by `index.html`
/// (escaped), kept across incremental runs, remade when missing, pruned with the audio.
@Suite(.serialized) struct FeedTimingsTests {
    static let baseURL = URL(string: "https://cdn.example/audio/")!
    /// Markup in a title and in the text, characters outside the BMP (UTF-16 offsets differ from
    /// scalar offsets after them), an emoji, numbers and an abbreviation rewritten when spoken.
    static let hostileTitle = "Alerte <script>alert(\"titre\")</script> & « test »"
    static let items = [
        FeedRunnerTests.Item(id: "urn:t:1", title: "Le budget voté", text: "Le conseil a voté 1,2 milliard d'euros à 14h30. M. Dupont s'est abstenu."),
        FeedRunnerTests.Item(id: "urn:t:2", title: hostileTitle, text: "Un 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 gothique 😀 précède <img src=x onerror=alert(1)> la suite. Fin de l'essai."),
        FeedRunnerTests.Item(id: "urn:t:3", title: "La pluie arrive", text: "Il pleuvra demain sur la région."),
    ]

    /// What a directory asks of a channel, so the whole feed validates.
    static let podcast = PodcastSettings(image: "https://cdn.example/art.png", ownerName: "Rédaction", ownerEmail: "podcast@cdn.example",
                                         categories: [try! PodcastCategory(parsing: "News")])

    static func run(_ items: [FeedRunnerTests.Item] = items, into directory: URL, prune: Bool = false, events: EventLog? = nil) async throws -> FeedRunSummary {
        let source = temporaryDirectory("timings-source").appendingPathComponent("feed.json")
        try Data(FeedRunnerTests.jsonFeed(items).utf8).write(to: source)
        let options = FeedRunOptions(directory: directory, jobs: 2, prune: prune, baseURL: baseURL, podcast: podcast)
        return try await FeedRunner(options: options).run(.file(source.path)) { events?.append($0) }
    }

    static func timings(_ directory: URL, _ entry: Manifest.Entry) throws -> Timings {
        let name = try #require(entry.timings)
        return try JSONDecoder().decode(Timings.self, from: Data(contentsOf: directory.appendingPathComponent(name)))
    }

    @Test func everyAudioFileHasAWebVTTFileAndJSONTimingsBesideIt() async throws {
        let directory = temporaryDirectory("timings")
        let summary = try await Self.run(into: directory)
        #expect(summary.generated == 3 && summary.failed == 0)
        let manifest = try FeedRunnerTests.manifest(in: directory)
        #expect(manifest.items.count == 3)
        for entry in manifest.items {
            let key = ItemKey(id: entry.id)
            #expect(entry.transcript == key.transcriptFileName && entry.timings == key.timingsFileName)
            let vtt = directory.appendingPathComponent(key.transcriptFileName)
            let timings = try Self.timings(directory, entry)
            // webvtt-py reads the file: a cue per sentence, at the times of the JSON, within the audio.
            let cues = try #require(try await pythonJSON("""
                import json, sys, webvtt
                def seconds(stamp):
                    h, m, s = stamp.split(":")
                    return int(h) * 3600 + int(m) * 60 + float(s)
                print(json.dumps([[seconds(c.start), seconds(c.end), c.text] for c in webvtt.read(sys.argv[1]).captions]))
                """, [vtt.path]) as? [[Any]])
            #expect(cues.count == timings.sentences.count && !cues.isEmpty)
            for (cue, sentence) in zip(cues, timings.sentences) {
                #expect(abs((cue[0] as? Double ?? -1) - sentence.start) < 0.0015 && abs((cue[1] as? Double ?? -1) - sentence.end) < 0.0015)
            }
            let audioSeconds = try await decodedSeconds(directory.appendingPathComponent(try #require(entry.file)))
            #expect(timings.sentences.last.map { $0.end <= audioSeconds + 0.05 } == true, "last cue ends after the audio (\(audioSeconds) s)")
            #expect(abs(timings.duration - (entry.duration ?? -1)) < 0.01)
        }
        // The text of the JSON is the article as read, title first.
        let first = try Self.timings(directory, manifest.items[0])
        #expect(first.text.hasPrefix("Le budget voté") && first.text.contains("14h30"))
    }

    @Test func feedXMLDeclaresEachTranscriptAndTheValidatorAndReadersAgree() async throws {
        let directory = temporaryDirectory("timings-podcast")
        _ = try await Self.run(into: directory)
        let feed = directory.appendingPathComponent("feed.xml")
        let rss = try #require(XMLNode.parse(try Data(contentsOf: feed)))
        let items = try #require(rss.child("channel")).all("item")
        let manifest = try FeedRunnerTests.manifest(in: directory)
        #expect(items.count == 3)
        for (item, entry) in zip(items, manifest.items) {
            let transcript = try #require(item.child("podcast:transcript"))
            #expect(transcript.attributes["url"] == Self.baseURL.absoluteString + (entry.transcript ?? "?"))
            #expect(transcript.attributes["type"] == "text/vtt" && transcript.attributes["rel"] == "captions")
        }
        let result = try await validatePodcast(feed, directory: directory, transcripts: true)
        #expect(result.status == 0 && result.err.isEmpty, "\(result.err)")

        // The validator is not a rubber stamp: a missing file, a broken one, and a tag taken away each fail it.
        let firstVTT = directory.appendingPathComponent(try #require(manifest.items[0].transcript))
        let saved = try Data(contentsOf: firstVTT)
        try Data("not a WebVTT file\n".utf8).write(to: firstVTT)
        let broken = try await validatePodcast(feed, directory: directory, transcripts: true)
        #expect(broken.status == 1 && broken.err.contains("is not WebVTT"), "\(broken.err)")
        try FileManager.default.removeItem(at: firstVTT)
        let missing = try await validatePodcast(feed, directory: directory, transcripts: true)
        #expect(missing.status == 1 && missing.err.contains("does not exist"), "\(missing.err)")
        try saved.write(to: firstVTT)
        let xml = try String(contentsOf: feed, encoding: .utf8)
        let stripped = directory.appendingPathComponent("stripped.xml")
        try Data(xml.replacing(/<podcast:transcript [^>]*\/>\n/, with: "").utf8).write(to: stripped)
        let untagged = try await validatePodcast(stripped, directory: directory, transcripts: true)
        #expect(untagged.status == 1 && untagged.err.contains("no podcast:transcript"), "\(untagged.err)")
    }

    /// The page parsed by Python's html.parser: its elements, and each sentence span's text and data.
    static let pageReader = """
        import json, sys
        from html.parser import HTMLParser
        class Page(HTMLParser):
            def __init__(self):
                super().__init__(convert_charrefs=True)
                self.tags, self.handlers, self.sentences, self.titles, self.stack = [], [], [], [], []
            def handle_starttag(self, tag, attrs):
                attrs = dict(attrs)
                self.tags.append(tag)
                self.handlers += [name for name in attrs if name.startswith("on")]
                self.stack.append(tag)
                if tag == "span" and attrs.get("class") == "sentence":
                    self.sentences.append({"text": "", "start": float(attrs["data-start"]), "end": float(attrs["data-end"]),
                                           "words": [[float(x) for x in w.split(" ")] for w in attrs.get("data-words", "").split(";") if w]})
                if tag == "h2":
                    self.titles.append("")
            def handle_endtag(self, tag):
                if self.stack and self.stack[-1] == tag:
                    self.stack.pop()
            def handle_data(self, data):
                if self.stack and self.stack[-1] == "span" and self.sentences:
                    self.sentences[-1]["text"] += data
                if self.stack and self.stack[-1] == "h2":
                    self.titles[-1] += data
        page = Page()
        page.feed(open(sys.argv[1], encoding="utf-8").read())
        print(json.dumps({"tags": sorted(set(page.tags)), "scripts": page.tags.count("script"), "handlers": page.handlers,
                          "sentences": page.sentences, "titles": page.titles}))
        """

    @Test func indexHTMLShowsTheSentencesAndEscapesHostileText() async throws {
        let directory = temporaryDirectory("timings-page")
        _ = try await Self.run(into: directory)
        let manifest = try FeedRunnerTests.manifest(in: directory)
        let page = try #require(try await pythonJSON(Self.pageReader, [directory.appendingPathComponent("index.html").path]) as? [String: Any])

        // Markup in the feed stays text: one script (ours), no <img>, no event handler attribute.
        let tags = try #require(page["tags"] as? [String])
        #expect(!tags.contains("img") && page["scripts"] as? Int == 1, "\(tags)")
        #expect((page["handlers"] as? [String])?.isEmpty == true)
        #expect((page["titles"] as? [String])?.contains(Self.hostileTitle) == true)

        // Every sentence of every episode, in order, with its times; each word's UTF-16 range inside
        // its sentence selects the word as written.
        let sentences = try #require(page["sentences"] as? [[String: Any]])
        var index = 0
        for entry in manifest.items {
            for sentence in try Self.timings(directory, entry).sentences {
                try #require(index < sentences.count, "the page has \(sentences.count) sentences")
                let shown = sentences[index]
                index += 1
                let text = try #require(shown["text"] as? String)
                let written = String(try Self.timings(directory, entry).text.unicodeScalars.dropFirst(sentence.scalars[0]).prefix(sentence.scalars[1] - sentence.scalars[0]))
                #expect(text == written)
                #expect(abs((shown["start"] as? Double ?? -1) - sentence.start) < 0.0006)
                #expect(abs((shown["end"] as? Double ?? -1) - sentence.end) < 0.0006)
                let words = try #require(shown["words"] as? [[Double]])
                #expect(words.count == sentence.words.count)
                let units = Array(text.utf16)
                for (word, timing) in zip(words, sentence.words) {
                    let slice = String(decoding: units[Int(word[2])..<Int(word[3])], as: UTF16.self)
                    #expect(slice == timing.written, "word \(timing.written) shown as \(slice)")
                    #expect(abs(word[0] - timing.start) < 0.0006)
                }
            }
        }
        #expect(index == sentences.count)
        // The characters outside the BMP made a difference: UTF-16 ranges are not scalar ranges there.
        let hostile = try Self.timings(directory, manifest.items[1])
        #expect(hostile.sentences.contains { $0.utf16 != $0.scalars })
    }

    @Test func audioWithoutItsTimingsIsVoicedAgainAndPruningRemovesThem() async throws {
        let directory = temporaryDirectory("timings-rerun")
        _ = try await Self.run(into: directory)
        let unchanged = try await Self.run(into: directory)
        #expect(unchanged.unchanged == 3 && unchanged.generated == 0)

        // One item lost its .vtt; another's entry is as an older ecouter wrote it (no timings recorded).
        let manifestURL = directory.appendingPathComponent("manifest.json")
        var manifest = try FeedRunnerTests.manifest(in: directory)
        let lost = ItemKey(id: "urn:t:1"), older = ItemKey(id: "urn:t:3")
        try FileManager.default.removeItem(at: directory.appendingPathComponent(lost.transcriptFileName))
        let index = try #require(manifest.items.firstIndex { $0.id == "urn:t:3" })
        manifest.items[index].transcript = nil
        manifest.items[index].timings = nil
        try manifest.save(to: manifestURL)
        try FileManager.default.removeItem(at: directory.appendingPathComponent(older.timingsFileName))

        let events = EventLog()
        let again = try await Self.run(into: directory, events: events)
        #expect(again.generated == 2 && again.unchanged == 1)
        let remade = Set(events.events.compactMap { event -> String? in
            if case .itemFinished(let outcome, _, _) = event, outcome.status == .generated { outcome.id } else { nil }
        })
        #expect(remade == ["urn:t:1", "urn:t:3"])
        for key in [lost, older] {
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(key.transcriptFileName).path))
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(key.timingsFileName).path))
        }
        #expect(try FeedRunnerTests.manifest(in: directory).items.allSatisfy { $0.transcript != nil && $0.timings != nil })

        // An item leaves the feed: with --prune its audio and both timings files go.
        let pruned = try await Self.run(Array(Self.items.prefix(2)), into: directory, prune: true)
        #expect(pruned.pruned == 1 && pruned.unchanged == 2)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(!names.contains { $0.hasPrefix(older.stem) }, "\(names)")
        #expect(names.filter { $0.hasPrefix(lost.stem) }.sorted() == [lost.timingsFileName, lost.fileName(format: .mp3), lost.transcriptFileName].sorted())
        let podcast = try String(contentsOf: directory.appendingPathComponent("feed.xml"), encoding: .utf8)
        #expect(!podcast.contains(older.transcriptFileName))
    }

    @Test func workerProcessesWriteTheSameTimingsAsOneProcess() async throws {
        // `--jobs 2`: items voiced in `ecouter feed-worker` processes; `--jobs 1`: in the command's
        // process (its speech worker). eSpeak NG's audio differs there by a sample or so (what the
        // same engine spoke before leaves state), hence times compared to 2 ms; all else is identical.
        // Plain items: after the hostile one above, the next item's audio differed by 40 ms.
        let source = try FeedCommandTests.feedFile(FeedCommandTests.items)
        let workers = temporaryDirectory("timings-workers"), single = temporaryDirectory("timings-single")
        for (directory, jobs) in [(workers, "2"), (single, "1")] {
            let result = try await runTool(try FeedCommandTests.binary, ["feed", source, "-d", directory.path, "--jobs", jobs])
            #expect(result.status == 0, "\(result.err)")
        }
        for item in FeedCommandTests.items {
            let key = ItemKey(id: item.id)
            let vtt = try String(contentsOf: workers.appendingPathComponent(key.transcriptFileName), encoding: .utf8)
            #expect(vtt.hasPrefix("WEBVTT"))
            let made = try JSONDecoder().decode(Timings.self, from: Data(contentsOf: workers.appendingPathComponent(key.timingsFileName)))
            let reference = try JSONDecoder().decode(Timings.self, from: Data(contentsOf: single.appendingPathComponent(key.timingsFileName)))
            #expect(made.text == reference.text && made.sentences.count == reference.sentences.count)
            for (a, b) in zip(made.sentences, reference.sentences) {
                #expect(a.scalars == b.scalars && a.utf16 == b.utf16 && abs(a.start - b.start) <= 0.002 && abs(a.end - b.end) <= 0.002)
                #expect(a.words.map(\.written) == b.words.map(\.written) && a.words.map(\.spoken) == b.words.map(\.spoken))
                #expect(zip(a.words, b.words).allSatisfy { abs($0.start - $1.start) <= 0.002 && $0.scalars == $1.scalars })
            }
        }
    }
}
