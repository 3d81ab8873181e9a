// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterNormalization
import Foundation
import Testing

/// `FrenchNormalizer.pieces(of:)`: the spoken pieces, their rules and their spans in the written sentence.
@Suite struct SpokenPieceTests {
    /// Every `.tsv` fixture of the normalization tests, whatever its class.
    static let fixtures: [FixtureCase] = {
        guard let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil),
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return [] }
        return names.filter { $0.hasSuffix(".tsv") }.sorted().flatMap { FixtureCase.load(String($0.dropLast(4))) }
    }()

    /// The checks every sentence's pieces must pass: they join to `normalize`'s output, their spoken
    /// ranges tile it, and their source spans are in order, inside the sentence, and spell `written`.
    static func checkPieces(_ sentence: String, region: FrenchRegion = .france, lexicon: Lexicon = Lexicon()) {
        let normalizer = FrenchNormalizer(options: NormalizerOptions(region: region, lexicon: lexicon))
        let pieces = normalizer.pieces(of: sentence)
        let spoken = normalizer.normalize(sentence)
        #expect(pieces.map(\.spoken).joined() == spoken, "«\(sentence)»")
        let input = Array(sentence.unicodeScalars)
        let said = Array(spoken.unicodeScalars)
        var spokenEnd = 0
        var sourceEnd = 0
        for piece in pieces {
            #expect(piece.spokenRange.lowerBound == spokenEnd, "«\(sentence)» \(piece)")
            spokenEnd = piece.spokenRange.upperBound
            #expect(piece.spokenRange.upperBound <= said.count)
            if piece.spokenRange.upperBound <= said.count {
                #expect(String(String.UnicodeScalarView(said[piece.spokenRange])) == piece.spoken)
            }
            #expect(piece.source.lowerBound >= sourceEnd && piece.source.upperBound <= input.count, "«\(sentence)» \(piece)")
            sourceEnd = piece.source.upperBound
            if piece.source.upperBound <= input.count, piece.source.lowerBound >= 0 {
                #expect(String(String.UnicodeScalarView(input[piece.source])) == piece.written)
            }
            #expect(!piece.spoken.hasPrefix(" "), "«\(sentence)» \(piece)")
        }
        #expect(spokenEnd == said.count, "«\(sentence)»")
    }

    @Test func fixturesArePresent() {
        #expect(Self.fixtures.count >= 500)
    }

    @Test("Pieces join to the normalized text on every fixture", arguments: fixtures)
    func piecesOfFixture(_ fixture: FixtureCase) {
        Self.checkPieces(fixture.written, region: fixture.region)
    }

    /// The rule (semiotic class) that read one written span.
    static func rule(for written: String, in sentence: String) -> String? {
        FrenchNormalizer().pieces(of: sentence).first { $0.written == written }?.rule
    }

    @Test("Each class is named by the rule that fired", arguments: [
        ("Rendez-vous à 14h30 précises.", "14h30", "time"),
        ("M. Dupont est arrivé.", "M.", "abbreviation"),
        ("Selon l'Insee, le chômage baisse.", "Insee", "acronym"),
        ("Au XIXe siècle, la ville grandit.", "XIXe", "roman"),
        ("Appelez le 01 23 45 67 89 demain.", "01 23 45 67 89", "phone"),
        ("Il a payé 12 € hier.", "12 €", "number"),
        ("Le texte [1] est publié.", "[1]", "symbol.footnote"),
        ("Il fait -5 degrés.", "-5", "number.signed"),
        ("Le maire est venu.", "maire", "word"),
    ])
    func ruleNames(_ sentence: String, _ written: String, _ expected: String) {
        #expect(Self.rule(for: written, in: sentence) == expected)
        Self.checkPieces(sentence)
    }

    @Test("A lexicon entry is a piece of its own")
    func lexiconPiece() {
        let lexicon = Lexicon(entries: [.init(written: "Bayrou", spoken: "Baillerou")])
        let pieces = FrenchNormalizer(options: NormalizerOptions(lexicon: lexicon)).pieces(of: "François Bayrou parle.")
        let piece = pieces.first { $0.rule == "lexicon" }
        #expect(piece?.written == "Bayrou")
        #expect(piece?.spoken.hasPrefix("Baillerou") == true)
        Self.checkPieces("François Bayrou parle.", lexicon: lexicon)
    }

    @Test("An elided «de» keeps its apostrophe; the number's piece starts with «un»")
    func elisionStaysWithTheWord() {
        let pieces = FrenchNormalizer().pieces(of: "Un budget de 1,2 milliard.")
        let de = pieces.first { $0.written == "de" }
        let number = pieces.first { $0.written == "1,2" }
        #expect(de?.spoken == "d'")
        #expect(number?.spoken.hasPrefix("un virgule deux") == true)
        Self.checkPieces("Un budget de 1,2 milliard.")
    }

    @Test("Spans point into the text as given, through clean-up that drops, merges and composes scalars")
    func spansSurviveCleaning() {
        // Leading spaces, a soft hyphen, a zero-width space, non-breaking and repeated spaces, an emoji,
        // a decomposed é, and a seconds mark written as two apostrophes.
        let sentence = "  Pré\u{AD}sident\u{200B} à\u{A0}\u{A0}14h30 🎉 le de\u{301}but, 9'58'' au 100 m."
        let pieces = FrenchNormalizer().pieces(of: sentence)
        let scalars = Array(sentence.unicodeScalars)
        func span(of text: String) -> Range<Int>? {
            let needle = Array(text.unicodeScalars)
            guard needle.count <= scalars.count else { return nil }
            for k in 0...(scalars.count - needle.count) where Array(scalars[k..<k + needle.count]) == needle {
                return k..<k + needle.count
            }
            return nil
        }
        #expect(pieces.first { $0.rule == "time" }?.source == span(of: "14h30"))
        #expect(pieces.first { $0.written.hasPrefix("Pré") }?.source == span(of: "Pré\u{AD}sident"))
        let decomposed = span(of: "de\u{301}but")
        #expect(decomposed != nil)
        #expect(pieces.first { $0.source.lowerBound == decomposed?.lowerBound }?.source == decomposed)
        #expect(pieces.first { $0.rule == "time.chrono" }?.source == span(of: "9'58''"))
        Self.checkPieces(sentence)
    }

    @Test("Text with nothing to say gives no pieces or pieces that say nothing")
    func emptyInput() {
        #expect(FrenchNormalizer().pieces(of: "").isEmpty)
        #expect(FrenchNormalizer().pieces(of: "  \u{200B} ").isEmpty)
        // A lone footnote call is read rather than dropped, as normalize does.
        Self.checkPieces("[1]")
        #expect(!FrenchNormalizer().pieces(of: "[1]").map(\.spoken).joined().isEmpty)
    }
}
