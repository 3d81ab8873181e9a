// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
@testable import EcouterFeed

/// Podcast settings: Apple's categories, the settings file (JSON and TOML), flags over file, the
/// channel guid, and `ecouter feed` with them.
@Suite(.serialized) struct PodcastSettingsTests {
    static func write(_ text: String, name: String) throws -> String {
        let url = temporaryDirectory("settings").appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func categoriesAreMatchedToApplesSpelling() throws {
        let category = try PodcastCategory(parsing: "  society & CULTURE / places & travel ")
        #expect(category.name == "Society & Culture" && category.subcategory == "Places & Travel")
        #expect(try PodcastCategory(parsing: "tv & film").description == "TV & Film")
        #expect(throws: FeedError.self) { try PodcastCategory(parsing: "Actualités") }
        #expect(throws: FeedError.self) { try PodcastCategory(parsing: "News/Cooking") }
        #expect(throws: FeedError.self) { try PodcastCategory(parsing: "Technology/Gadgets") }
        do { _ = try PodcastCategory(parsing: "Nouvelles") } catch {
            #expect(error.code == .usage && error.message.contains("News") && error.message.contains("True Crime"))
        }
        let table = PodcastCategory.appleCategories
        #expect(Set(table.map(\.name)).count == table.count)
        #expect(table.allSatisfy { row in !row.name.contains("/") && row.subcategories.allSatisfy { !$0.contains("/") } })
    }

    @Test func uuidVersion5AgreesWithPythonsUUIDModule() async throws {
        let names = ["", "a", "mp3s.nashownotes.com/pc20rss.xml", String(repeating: "é", count: 40), String(repeating: "x", count: 200)]
        let expected = try #require(try await pythonJSON("""
            import json, sys, uuid
            print(json.dumps([str(uuid.uuid5(uuid.UUID(sys.argv[1]), n)) for n in sys.argv[2:]]))
            """, [PodcastChannel.guidNamespace] + names) as? [String])
        #expect(names.map { UUIDv5.make(namespace: PodcastChannel.guidNamespace, name: $0) } == expected)
        // The worked example of the Podcasting 2.0 namespace's guid tag.
        #expect(UUIDv5.make(namespace: PodcastChannel.guidNamespace, name: "mp3s.nashownotes.com/pc20rss.xml") == "917393e3-1b1e-5cef-ace4-edaa54e1f810")
        #expect(UUIDv5.make(namespace: "not-a-uuid", name: "x") == nil)
    }

    @Test func sha1AgreesWithHashlibAcrossBlockBoundaries() async throws {
        let lengths = [0, 1, 55, 56, 63, 64, 65, 119, 1000]
        let expected = try #require(try await pythonJSON("""
            import hashlib, json, sys
            print(json.dumps([hashlib.sha1(bytes(i % 251 for i in range(int(n)))).hexdigest() for n in sys.argv[1:]]))
            """, lengths.map(String.init)) as? [String])
        #expect(lengths.map { n in SHA256.hexString(SHA1.digest((0..<n).map { UInt8($0 % 251) })) } == expected)
    }

    @Test func jsonAndTOMLFilesSayTheSame() throws {
        let json = try Self.write("""
            {"image": "https://j.example/cover.png", "owner-name": "Le Journal", "owner-email": "podcast@j.example",
             "category": ["News/Daily News", "Politics" ], "explicit": true, "locked": false, "author": "Rédaction",
             "copyright": "© Le Journal"}
            """.replacingOccurrences(of: "\"Politics\"", with: "\"News/Politics\""), name: "podcast.json")
        let toml = try Self.write("""
            # Le Journal's podcast
            image = "https://j.example/cover.png"
            owner-name = 'Le Journal'
            owner-email = "podcast@j.example"   # verification mail
            category = ["News/Daily News", "News/Politics"]
            explicit = true
            locked = false
            author = "R\\u00e9daction"
            copyright = "© Le Journal"
            """, name: "podcast.toml")
        let fromJSON = try PodcastSettingsFile.load(path: json)
        #expect(fromJSON == (try PodcastSettingsFile.load(path: toml)))
        #expect(fromJSON.image == "https://j.example/cover.png" && fromJSON.explicit == true && fromJSON.locked == false)
        #expect(fromJSON.author == "Rédaction" && fromJSON.categories?.map(\.description) == ["News/Daily News", "News/Politics"])
        // Flags win over the file, field by field.
        let merged = fromJSON.overriding(with: PodcastSettings(ownerEmail: "autre@j.example", explicit: false))
        #expect(merged.ownerEmail == "autre@j.example" && merged.explicit == false && merged.ownerName == "Le Journal")
    }

    @Test(arguments: [
        ("podcast.json", "{\"imgae\": \"https://j.example/c.png\"}", "unknown key"),
        ("podcast.json", "{\"explicit\": \"yes\"}", "true or false"),
        ("podcast.json", "{\"explicit\": 1}", "true or false"),
        ("podcast.json", "{\"category\": \"Nouvelles\"}", "unknown podcast category"),
        ("podcast.json", "{\"image\": \"cover.png\"}", "\"image\" must be an absolute http(s) URL"),
        ("podcast.json", "{\"owner-email\": \"podcast at j.example\"}", "not an e-mail"),
        ("podcast.json", "[\"News\"]", "not a JSON object"),
        ("podcast.json", "{\"image\": ", "not a JSON object"),
        ("podcast.toml", "[podcast]\nimage = \"https://j.example/c.png\"", ":1: TOML tables"),
        ("podcast.toml", "explicit = yes", ":1: explicit: expected"),
        ("podcast.toml", "\nimage = \"https://j.example/c.png", ":2: unterminated"),
        ("podcast.toml", "locked = true\nlocked = false", ":2: locked is set twice"),
        ("podcast.toml", "author = \"a\" b", "unexpected text"),
    ])
    func badFilesAreOneLineUsageErrors(name: String, text: String, reason: String) throws {
        let path = try Self.write(text, name: name)
        do {
            _ = try PodcastSettingsFile.load(path: path)
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.code == .usage)
            #expect(error.message.contains(reason), "\(error.message)")
            #expect(error.message.contains(path) && !error.message.contains("\n"))
        }
    }

    @Test func unreadableOrEndlessFilesAreRefusedWithoutHanging() throws {
        for path in ["/nonexistent/podcast.json", "/dev/zero", FileManager.default.temporaryDirectory.path] {
            do {
                _ = try PodcastSettingsFile.load(path: path)
                Issue.record("\(path) was accepted")
            } catch {
                #expect(error.code == .usage && error.message.contains(path), "\(error.message)")
            }
        }
    }

    @Test func theChannelSaysWhyADirectoryWouldRefuseIt() {
        let info = Manifest.FeedInfo(source: "feed.xml", kind: .rss, title: "J")
        func warnings(_ settings: PodcastSettings, sourceImage: String? = nil, format: AudioFormat = .mp3) -> [String] {
            PodcastChannel(feed: info, image: sourceImage, copyright: nil, settings: settings, baseURL: "https://j.example/", format: format).warnings
        }
        let complete = PodcastSettings(image: "https://j.example/c.jpg", ownerEmail: "p@j.example")
        #expect(warnings(complete).isEmpty)
        #expect(warnings(complete, format: .wav).count == 1)
        #expect(warnings(PodcastSettings(image: "https://j.example/c.webp", ownerEmail: "p@j.example")).first?.contains(".jpg or .png") == true)
        #expect(warnings(PodcastSettings(image: "https://j.example/cover?id=3", ownerEmail: "p@j.example")).first?.contains(".jpg or .png") == true)
        #expect(warnings(PodcastSettings(image: "https://j.example/C.JPEG?v=2", ownerEmail: "p@j.example")).isEmpty)
        #expect(warnings(PodcastSettings(ownerEmail: "p@j.example")).first?.contains("no artwork") == true)
        // A relative source image cannot be used by a directory: as if there were none.
        #expect(warnings(PodcastSettings(ownerEmail: "p@j.example"), sourceImage: "/logo.png").first?.contains("no artwork") == true)
        #expect(warnings(PodcastSettings(ownerEmail: "p@j.example"), sourceImage: "https://j.example/logo.png").isEmpty)
        #expect(warnings(PodcastSettings(image: "https://j.example/c.jpg")).first?.contains("owner e-mail") == true)
    }

    // MARK: The command

    static let items = (0..<2).map { FeedRunnerTests.Item(id: "urn:pod:\($0)", title: "Brève \($0)", text: "Voici la brève numéro \($0).", link: "https://j.example/\($0)") }

    /// The README's command: a feed over HTTP, `--base-url`, the settings in `podcast.json`.
    @Test func theReadmeExampleWithASettingsFileValidates() async throws {
        let server = try LoopbackServer()
        server.set("/rss.xml", .ok(try fixtureText("rss.xml"), type: "application/rss+xml"))
        let settings = try Self.write("""
            {"image": "https://journal.example/podcast-3000.jpg", "owner-name": "Le Journal", "owner-email": "podcast@journal.example",
             "category": ["News/Daily News", "News/Politics"], "explicit": true, "locked": true}
            """, name: "podcast.json")
        let directory = temporaryDirectory("cli-podcast").appendingPathComponent("audio")
        // --no-explicit on the command line wins over the file's "explicit": true.
        let result = try await runTool(try FeedCommandTests.binary, [
            "feed", server.url("/rss.xml").absoluteString, "-d", directory.path, "--base-url", "https://journal.example/audio/",
            "--podcast", settings, "--no-explicit",
        ])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.err.isEmpty, "no warning expected: \(result.err)")
        let feed = directory.appendingPathComponent("feed.xml")
        let validation = try await validatePodcast(feed, directory: directory)
        #expect(validation.status == 0, "\(validation.err)")
        #expect(validation.out.contains("ok, 3 episodes"), "\(validation.out)")
        let channel = try #require(XMLNode.parse(try Data(contentsOf: feed))?.child("channel"))
        #expect(channel["itunes:explicit"] == "clean")
        #expect(channel["podcast:locked"] == "yes")
        #expect(channel.child("itunes:image")?.attributes["href"] == "https://journal.example/podcast-3000.jpg")
        #expect(channel.child("itunes:category")?.all("itunes:category").map { $0.attributes["text"] } == ["Daily News", "Politics"])
    }

    @Test func aBadSettingsFileOrFlagStopsTheRunWithStatus64AndWritesNothing() async throws {
        let source = try FeedCommandTests.feedFile(Self.items)
        let bad = try Self.write("{\"category\": \"Actualités\"}", name: "podcast.json")
        let cases: [[String]] = [
            ["--podcast", bad], ["--podcast", "/nonexistent/podcast.toml"], ["--category", "Actualités"],
            ["--image", "ftp://j.example/c.png"], ["--owner-email", "nobody"],
        ]
        for arguments in cases {
            let directory = temporaryDirectory("cli-bad").appendingPathComponent("out")
            let result = try await runTool(try FeedCommandTests.binary, ["feed", source, "-d", directory.path, "--base-url", "https://j.example/audio/"] + arguments)
            #expect(result.status == 64, "\(arguments): \(result.err)")
            #expect(result.err.lowercased().contains("error:"), "\(arguments): \(result.err)")
            #expect(!FileManager.default.fileExists(atPath: directory.path), "\(arguments) wrote \(directory.path)")
        }
    }

    @Test func theMissingArtworkWarningReachesStandardErrorAndTheFeedIsStillWritten() async throws {
        let source = try FeedCommandTests.feedFile(Self.items)
        let directory = temporaryDirectory("cli-warn")
        let result = try await runTool(try FeedCommandTests.binary, [
            "feed", source, "-d", directory.path, "--base-url", "https://j.example/audio/", "--owner-email", "podcast@j.example", "--jobs", "1",
        ])
        #expect(result.status == 0, "\(result.err)")
        let lines = result.err.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("ecouter: warning: feed.xml has no artwork"), "\(result.err)")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("feed.xml").path))
    }
}
