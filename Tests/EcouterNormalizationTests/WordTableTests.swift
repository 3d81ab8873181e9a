// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing

@testable import EcouterNormalization

/// The word tables under voices/tables/ are the data the normalizer reads: the embedded copy must be
/// the file (run scripts/embed-voices.py after editing), and every line must be one the parser takes.
@Suite struct WordTableTests {
    static let tablesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("voices/tables")

    @Test("embedded tables equal voices/tables (run scripts/embed-voices.py after editing)")
    func embeddedCopiesMatchTheFiles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.tablesFolder.path).filter { $0.hasSuffix(".tsv") }
        #expect(Set(files.map { String($0.dropLast(4)) }) == Set(EmbeddedTables.tables.map(\.0)))
        for (name, tsv) in EmbeddedTables.tables {
            let file = try String(contentsOf: Self.tablesFolder.appendingPathComponent(name + ".tsv"), encoding: .utf8)
            #expect(file == tsv, "\(name).tsv differs from its embedded copy")
        }
    }

    @Test func everyAcronymLineIsRead() {
        let tsv = EmbeddedTables.table("acronyms")
        let lines = tsv.split(separator: "\n").filter { !$0.hasPrefix("# ") }
        #expect(lines.count > 200)
        #expect(Acronyms.parse(tsv).count == lines.count)
    }

    @Test func everyFeminineNounLineIsRead() {
        let tsv = EmbeddedTables.table("feminine-nouns")
        let lines = tsv.split(separator: "\n").filter { !$0.hasPrefix("# ") }
        #expect(lines.count > 600)
        #expect(FeminineNouns.parse(tsv).count == lines.count)
    }

    @Test func everyAbbreviationLineIsRead() {
        let tsv = EmbeddedTables.table("abbreviations")
        let lines = tsv.split(separator: "\n").filter { !$0.hasPrefix("# ") }
        #expect(lines.count > 70)
        #expect(Abbreviations.parse(tsv).count == lines.count)
    }

    @Test func everyUnitLineIsRead() {
        let tsv = EmbeddedTables.table("units")
        let lines = tsv.split(separator: "\n").filter { !$0.hasPrefix("# ") }
        #expect(lines.count > 100)
        #expect(Units.parse(tsv).count == lines.count)
    }

    @Test func everyCurrencyLineIsRead() {
        let tsv = EmbeddedTables.table("currencies")
        let lines = tsv.split(separator: "\n").filter { !$0.hasPrefix("# ") }
        #expect(lines.count > 20)
        #expect(Currencies.parse(tsv).count == lines.count)
    }

    @Test func tableEntriesReachTheNormalizer() {
        // One spelled and one word entry, read through the public API.
        let normalizer = FrenchNormalizer()
        #expect(normalizer.normalize("La SNCF et l'Insee.") == "La s n c f et l'innsé.")
        // An abbreviation whose condition holds, and the same word where it does not.
        #expect(normalizer.normalize("vol. 2, pour vol.") == "volume deux, pour vol.")
        // A unit with its own plural, and a feminine one.
        #expect(normalizer.normalize("2 CV, 21 t") == "deux chevaux, vingt et une tonnes")
        // A currency with a scale, one before the amount, one with its subunit.
        #expect(normalizer.normalize("3 M€, $100, 9,99 £") == "trois millions d'euros, cent dollars, neuf livres quatre-vingt-dix-neuf")
        // A listed feminine noun, a listed adjective and a listed masculine exception.
        #expect(normalizer.normalize("21 voix, 21 nouvelles pages, 21 musées") == "vingt et une voix, vingt et une nouvelles pages, vingt et un musées")
    }
}
