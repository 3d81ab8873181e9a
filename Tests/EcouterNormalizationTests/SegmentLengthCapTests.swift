// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterNormalization
import Testing

/// Sentences longer than the maximum are cut at the best place before it.
@Suite("Sentence length cap")
struct SegmentLengthCapTests {
    static func segmenter(_ limit: Int?) -> SentenceSegmenter {
        SentenceSegmenter(options: .init(maximumSentenceLength: limit))
    }

    @Test func defaultLimitIs600() {
        #expect(SentenceSegmenter().options.maximumSentenceLength == 600)
    }

    @Test func ordinarySentencesAreNotCut() {
        let text = "Le Conseil constitutionnel a validé l'essentiel de la loi, mais a censuré trois articles."
        #expect(Self.segmenter(600).sentences(in: text) == [text[...]])
    }

    @Test func prefersSemicolonOverComma() {
        let text = "aaaa, bbbb; cccc, dddd eeee"
        // Limit 20: the window runs to "cccc, dddd"; ";" lies in its second half and wins over ",".
        #expect(Self.segmenter(20).sentences(in: text) == ["aaaa, bbbb;", "cccc, dddd eeee"])
    }

    @Test func prefersColonOverComma() {
        let text = "un, deux trois : quatre, cinq six"
        #expect(Self.segmenter(26).sentences(in: text) == ["un, deux trois :", "quatre, cinq six"])
    }

    @Test func usesCommaBeforeSpace() {
        let text = "alpha beta, gamma delta epsilon"
        #expect(Self.segmenter(20).sentences(in: text) == ["alpha beta,", "gamma delta epsilon"])
    }

    @Test func ignoresPunctuationInsideNumbers() {
        // "3,5" and "14:30" are not places to cut; the last space is.
        let text = "il fait 3,5 degrés à 14:30 ce jour"
        let pieces = Self.segmenter(22).sentences(in: text)
        #expect(pieces.first == "il fait 3,5 degrés à")
        #expect(pieces.allSatisfy { $0.unicodeScalars.count <= 22 })
    }

    @Test func cutsAtSpaceWithoutPunctuation() {
        let words = Array(repeating: "mot", count: 400).joined(separator: " ")
        let pieces = Self.segmenter(100).sentences(in: words)
        #expect(pieces.count > 1)
        #expect(pieces.allSatisfy { $0.unicodeScalars.count <= 100 && !$0.hasPrefix(" ") && !$0.hasSuffix("mo") })
        #expect(pieces.joined(separator: " ") == words[...])
    }

    @Test func cutsOneLongWordAtTheLimitWithoutSplittingAccents() {
        let word = String(repeating: "e\u{301}", count: 1000)  // 2000 scalars, 1000 characters
        let pieces = Self.segmenter(601).sentences(in: word)
        #expect(pieces.count == 4)
        #expect(pieces.allSatisfy { $0.unicodeScalars.first == "e" && $0.unicodeScalars.count <= 601 })
        #expect(pieces.joined() == word[...])
    }

    @Test func noLimitKeepsLongSentencesWhole() {
        let text = Array(repeating: "mot", count: 1000).joined(separator: " ") + "."
        #expect(Self.segmenter(nil).sentences(in: text).count == 1)
        #expect(SentenceSegmenter().sentences(in: text).count == 7)
    }
}
