// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterNormalization
import Testing

@Suite struct LexiconTests {
    static let lexicon = try! Lexicon(
        tsv: "# test\nBayrou\tbaïrou\nparis\t[[paR'i]]\nJean-Luc Mélenchon\tjan luc mélanchon\nUE\tunion européenne\n",
        name: "test")

    func normalize(_ text: String) -> String {
        FrenchNormalizer(options: NormalizerOptions(lexicon: Self.lexicon)).normalize(text)
    }

    @Test func wholeWordsOnly() {
        #expect(normalize("François Bayrou parle") == "François baïrou parle")
        #expect(normalize("Bayrouiste") == "Bayrouiste")
    }

    @Test func phonemesPassThroughUntouched() {
        #expect(normalize("à Paris.") == "à [[paR'i]].")
        #expect(normalize("PARIS") == "[[paR'i]]")
    }

    @Test func capitalizedEntriesAreCaseSensitive() {
        #expect(normalize("bayrou") == "bayrou")
    }

    @Test func multiWordEntriesAndPriorityOverAcronyms() {
        #expect(normalize("Jean-Luc Mélenchon et l'UE") == "jan luc mélanchon et l'union européenne")
    }

    @Test func camelCaseTagPartsGoThroughTheLexicon() {
        // eSpeak NG splits « #BayrouParis » itself, but would read the parts without the lexicon.
        #expect(normalize("le mot-clé #BayrouParis") == "le mot-clé baïrou [[paR'i]]")
        #expect(normalize("@BayrouParis") == "arobase baïrou [[paR'i]]")
        // Not camel case, or one part only: the body stays one word.
        #expect(normalize("#Bayrou") == "hashtag baïrou")
        #expect(normalize("#BAYROUParis") == "hashtag BAYROUParis")
    }

    @Test func addressesStayWhole() {
        // A lexicon word at the start of an address leaves it to the address rule.
        #expect(normalize("sur bayrou.fr.") == "sur bayrou point f r.")
        #expect(normalize("à Bayrou@paris.fr") == "à bayrou arobase paris point f r")
        #expect(normalize("Bayrou. Il part.") == "baïrou. Il part.")
    }

    @Test func ordinaryBracketsNeverBecomePhonemes() {
        #expect(!normalize("[[b'OnZuR]]").contains("[["))
        #expect(!FrenchNormalizer().normalize("a [[x]] b ]] [[").contains("]]"))
    }

    @Test func mergingOverridesEarlierEntries() throws {
        let other = try Lexicon(tsv: "Bayrou\tbérou\n", name: "other")
        let merged = Self.lexicon.merging(other)
        let spoken = FrenchNormalizer(options: NormalizerOptions(lexicon: merged)).normalize("Bayrou")
        #expect(spoken == "bérou")
    }

    @Test func malformedLinesAreErrors() {
        #expect(throws: LexiconError.self) { _ = try Lexicon(tsv: "no tab here\n", name: "bad") }
        #expect(throws: LexiconError.self) { _ = try Lexicon(tsv: "ok\tfine\n\tno written side\n", name: "bad") }
    }

    @Test("comments, blank lines and CRLF line ends: entries as written, accents and all")
    func linesAndLineEnds() throws {
        let tsv = "# a comment\r\n\r\n  \t \nÉcole\tékol\r\nKyiv\tkiiv\n  # indented comment\nœuvre\t[['9:vR]]"
        let lexicon = try Lexicon(tsv: tsv, name: "crlf")
        #expect(lexicon.entries == [
            Lexicon.Entry(written: "École", spoken: "ékol"), Lexicon.Entry(written: "Kyiv", spoken: "kiiv"),
            Lexicon.Entry(written: "œuvre", spoken: "[['9:vR]]"),
        ])
    }
}

@Suite struct SentencesTests {
    @Test func rangesIndexTheSource() {
        let text = "Le 1er mai, 21 pages. Mme Martin arrive à 14h30 !"
        let sentences = FrenchNormalizer().sentences(in: text)
        #expect(!sentences.isEmpty)
        for sentence in sentences {
            #expect(String(text[sentence.range]) == sentence.written)
            #expect(!sentence.spoken.contains("\n"))
        }
        let spoken = sentences.map(\.spoken).joined(separator: " ")
        #expect(spoken.contains("vingt et une pages"))
        #expect(spoken.contains("quatorze heures trente"))
    }

    @Test func outputIsOneLine() {
        #expect(FrenchNormalizer().normalize("Une ligne\net une autre\r\nencore") == "Une ligne et une autre encore")
    }
}
