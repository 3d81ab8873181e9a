// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
@testable import EcouterFeed

@Suite struct FeedParserTests {
    let parser = FeedParser()

    @Test func readsRSS2() throws {
        let feed = try parser.parse(try fixture("rss.xml"))
        #expect(feed.kind == .rss)
        #expect(feed.title == "La Gazette du Port")
        #expect(feed.description == "Nouvelles & brèves du port")
        #expect(feed.language == "fr")
        #expect(feed.link == "https://gazette.example/")
        #expect(feed.items.count == 3)

        let ferry = feed.items[0]
        #expect(ferry.id == "gazette-2026-0301-ferry")
        #expect(ferry.title == "Le ferry reprend du service")
        #expect(ferry.author == "Paul Martin")
        #expect(ferry.published == "Sun, 01 Mar 2026 09:15:00 +0100")
        #expect(ferry.content == .html("<p>Le ferry reprend du service ce matin.</p><p>Les passagers étaient nombreux sur le quai.</p>"))
        #expect(ferry.summary == .html("Le ferry reprend du service."))

        // No guid: the link is the id. The escaped HTML of the description is unescaped once.
        let storm = feed.items[1]
        #expect(storm.id == "https://gazette.example/tempete")
        #expect(storm.content == nil)
        #expect(storm.summary == .html("<p>Une tempête est attendue cette nuit sur la côte.</p>"))

        // Text that talks about <!ENTITY> inside CDATA is content, not a declaration.
        #expect(feed.items[2].title == "Un texte sur <!ENTITY> et XML")
        #expect(feed.items[2].summary?.raw.contains("<!ENTITY>") == true)
    }

    @Test func readsAtom() throws {
        let feed = try parser.parse(try fixture("atom.xml"))
        #expect(feed.kind == .atom)
        #expect(feed.title == "Le Quotidien Atome")
        #expect(feed.description == "Un flux Atom d'essai")
        #expect(feed.language == "fr-BE")
        #expect(feed.link == "https://atome.example/")
        #expect(feed.items.map(\.id) == ["urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a", "tag:atome.example,2026:concert", "tag:atome.example,2026:resume"])
        #expect(feed.items[0].content == .text("La bibliothèque municipale ouvre une nouvelle salle de lecture."))
        #expect(feed.items[0].author == "Marie Curie")
        #expect(feed.items[0].link == "https://atome.example/bibliotheque")
        #expect(feed.items[0].published == "2026-03-02T09:00:00Z")
        // The feed's author stands in for entries without one; published wins over updated.
        #expect(feed.items[1].author == "La rédaction")
        #expect(feed.items[1].published == "2026-03-01T20:00:00+01:00")
        let xhtml = try #require(feed.items[1].content)
        guard case .html(let markup) = xhtml else { Issue.record("xhtml content should be HTML"); return }
        #expect(markup.contains("<p>Un concert gratuit aura lieu au parc samedi.</p>"))
        #expect(feed.items[2].content == nil)
        #expect(feed.items[2].summary == .html("<p>Un résumé en HTML.</p>"))
    }

    @Test func readsJSONFeed() throws {
        let feed = try parser.parse(try fixture("feed.json"))
        #expect(feed.kind == .jsonFeed)
        #expect(feed.title == "Le Journal du Matin")
        #expect(feed.language == "fr-FR")
        #expect(feed.items.map(\.id) == ["https://journal.example/2026/03/02/marche", "42", "sans-texte"])
        #expect(feed.items[0].author == "Jeanne Dupont")
        #expect(feed.items[0].content?.raw.hasPrefix("Le marché couvert rouvre") == true)
        #expect(feed.items[2].content == nil && feed.items[2].summary == nil)
    }

    @Test func readsRSS1() throws {
        let feed = try parser.parse(try fixture("rdf.xml"))
        #expect(feed.kind == .rss && feed.title == "Le Vieux Flux" && feed.language == "fr")
        #expect(feed.items.count == 1)
        #expect(feed.items[0].id == "https://rdf.example/1")
        #expect(feed.items[0].author == "Anne Leroy" && feed.items[0].published == "2026-03-01T10:00:00Z")
        #expect(feed.items[0].summary == .html("Le texte de la première brève."))
    }

    /// Truncated and corrupted copies of every fixture: an error or a feed, never a crash or a hang.
    @Test(arguments: ["rss.xml", "atom.xml", "feed.json", "rdf.xml", "xxe.xml"])
    func damagedDocumentsNeverCrash(name: String) throws {
        let bytes = try fixture(name)
        var generator = SplitMix(seed: UInt64(bytes.count))
        for step in 0..<60 {
            var damaged = Array(bytes.prefix(bytes.count * step / 60))
            _ = try? parser.parse(damaged)
            damaged = bytes
            for _ in 0..<8 {
                let index = Int(generator.next() % UInt64(damaged.count))
                damaged[index] = UInt8(truncatingIfNeeded: generator.next())
            }
            if let feed = try? parser.parse(damaged) { #expect(feed.items.count <= 3) }
        }
    }

    @Test func aPlainDoctypeWithoutEntitiesIsFine() throws {
        let feed = try parser.parse(try fixture("doctype-plain.xml"))
        #expect(feed.title == "Sans entités")
        #expect(feed.items.count == 1)
    }

    @Test(arguments: [
        ("malformed.xml", FeedError.Code.malformed), ("not-a-feed.xml", .notAFeed), ("xxe.xml", .hostile),
        ("billion-laughs.xml", .hostile), ("parameter-entity.xml", .hostile), ("broken.json", .malformed),
        ("not-a-feed.json", .notAFeed),
    ])
    func refusesBrokenAndHostileDocuments(name: String, code: FeedError.Code) throws {
        let bytes = try fixture(name)
        let start = Date()
        do {
            let feed = try parser.parse(bytes)
            Issue.record("\(name) parsed: \(feed)")
        } catch {
            #expect(error.code == code, "\(name): \(error.message)")
            #expect(!error.message.isEmpty)
        }
        #expect(Date().timeIntervalSince(start) < 1, "refusing must be quick, not an expansion")
    }

    @Test func theEntityChecksHoldEvenPastThePrologScan() throws {
        // The guard stops at the first start tag; libxml2 then finds the internal subset anyway:
        // a DOCTYPE cannot follow the root, so this is malformed — and certainly not expanded.
        let late = Array("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>&x;</title></channel></rss><!DOCTYPE rss [<!ENTITY x \"boom\">]>".utf8)
        #expect(throws: FeedError.self) { try parser.parse(late) }
        let undeclared = Array("<rss version=\"2.0\"><channel><title>&x;</title></channel></rss>".utf8)
        #expect(throws: FeedError.self) { try parser.parse(undeclared) }
    }

    @Test func refusesOversizedDocumentsBeforeParsing() throws {
        let small = FeedParser(maximumBytes: 1024)
        let big = Array(("<rss version=\"2.0\"><channel><title>" + String(repeating: "a", count: 2000) + "</title></channel></rss>").utf8)
        #expect { try small.parse(big) } throws: { ($0 as? FeedError)?.code == .tooLarge }
        // The default limit is 16 MiB.
        let huge = [UInt8](repeating: UInt8(ascii: " "), count: (16 << 20) + 1)
        #expect { try FeedParser().parse(huge) } throws: { ($0 as? FeedError)?.code == .tooLarge }
    }

    @Test func emptyAndBinaryInputAreErrorsNotCrashes() {
        for bytes: [UInt8] in [[], Array("   \n".utf8), [0xFF, 0xFE, 0x00, 0x01], [0xEF, 0xBB, 0xBF]] {
            #expect(throws: FeedError.self) { try parser.parse(bytes) }
        }
    }
}

/// A small seeded generator, so damaged documents are the same on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
