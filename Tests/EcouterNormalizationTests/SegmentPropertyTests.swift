// SPDX-License-Identifier: GPL-3.0-or-later
@testable import EcouterNormalization
import Foundation
import Testing

/// Checks the contract of `sentenceRanges(in:)` on `text`; returns the ranges.
@discardableResult
func checkSegmentationContract(
    _ text: String, segmenter: SentenceSegmenter = SentenceSegmenter(),
    sourceLocation: SourceLocation = #_sourceLocation
) -> [Range<String.Index>] {
    let ranges = segmenter.sentenceRanges(in: text)
    let scalars = text.unicodeScalars
    var covered = scalars.startIndex
    for range in ranges {
        #expect(!range.isEmpty, sourceLocation: sourceLocation)
        #expect(range.lowerBound >= covered, "in order, not overlapping", sourceLocation: sourceLocation)
        #expect(range.upperBound <= text.endIndex, sourceLocation: sourceLocation)
        guard range.lowerBound >= covered, range.upperBound <= text.endIndex, !range.isEmpty else { return ranges }
        // Everything skipped between two sentences is white space.
        for scalar in scalars[covered..<range.lowerBound] {
            #expect(scalar.properties.isWhitespace, "uncovered \(scalar.debugDescription)", sourceLocation: sourceLocation)
        }
        let sentence = scalars[range]
        #expect(sentence.first.map { !$0.properties.isWhitespace } == true, "trimmed start", sourceLocation: sourceLocation)
        #expect(sentence.last.map { !$0.properties.isWhitespace } == true, "trimmed end", sourceLocation: sourceLocation)
        if let limit = segmenter.options.maximumSentenceLength {
            #expect(sentence.count <= max(limit, 2), "capped", sourceLocation: sourceLocation)
        }
        covered = range.upperBound
    }
    for scalar in scalars[covered...] {
        #expect(scalar.properties.isWhitespace, "uncovered tail \(scalar.debugDescription)", sourceLocation: sourceLocation)
    }
    return ranges
}

@Suite("Sentence segmentation properties")
struct SegmentPropertyTests {
    /// Pieces random texts are made of: French words, every kind of punctuation the rules look at,
    /// spaces and line breaks of all sorts, combining marks, emoji, and arbitrary scalars.
    static let pieces: [String] = [
        "le", "Paris", "M", "Mme", "etc", "J", "J.-C", "av", "p", "12", "3,5", "1", "II", "a", "www", "fr",
        "é", "À", "œ", ".", ".", ".", "..", "...", "…", "?", "!", "?!", "!!", "«", "»", "“", "”", "\"", "'", "’",
        "(", ")", "[", "]", ",", ";", ":", "-", "—", "•", "@", "/", " ", " ", " ", "\u{A0}", "\u{202F}",
        "\n", "\n\n", "\r\n", "\r", "\t", "\u{2028}", "\u{2029}", "\u{0C}", "\u{85}", "\u{301}", "\u{200D}",
        "👩‍👩‍👧", "🇫🇷", "\u{FE0F}", "\u{FEFF}", "Ω", "日本", "\u{0}",
    ]

    static func randomText(_ rng: inout SeededGenerator, length: Int) -> String {
        var text = ""
        for _ in 0..<length {
            if Int.random(in: 0..<8, using: &rng) == 0 {
                // Any scalar at all (surrogate code points are not scalars and are skipped).
                if let scalar = Unicode.Scalar(UInt32.random(in: 0...0x10FFFF, using: &rng)) {
                    text.unicodeScalars.append(scalar)
                }
            } else {
                text += pieces.randomElement(using: &rng)!
            }
        }
        return text
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func randomUnicodeKeepsTheContract(seed: UInt64) {
        var rng = SeededGenerator(state: seed)
        let capped = SentenceSegmenter(options: .init(maximumSentenceLength: 12))
        let uncapped = SentenceSegmenter(options: .init(maximumSentenceLength: nil))
        for _ in 0..<150 {
            let text = Self.randomText(&rng, length: Int.random(in: 0..<200, using: &rng))
            checkSegmentationContract(text)
            checkSegmentationContract(text, segmenter: capped)
            checkSegmentationContract(text, segmenter: uncapped)
        }
    }

    @Test func emptyAndBlankTextsHaveNoSentences() {
        #expect(SentenceSegmenter().sentenceRanges(in: "").isEmpty)
        #expect(SentenceSegmenter().sentenceRanges(in: " \n\t\u{A0}\u{2029}\r\n").isEmpty)
    }

    @Test func rangesAreValidInSubstringsBridgedText() {
        // A string that is not the whole buffer it was cut from still maps offsets correctly.
        let base = "Préambule. « Déjà vu ? » Oui. Fin"
        let text = String(base.dropFirst(11))
        let sentences = SentenceSegmenter().sentences(in: text)
        #expect(sentences == ["« Déjà vu ? »", "Oui.", "Fin"])
    }

    @Test func sentencesAreSlicesOfTheSource() {
        let text = "Il pleut. Il vente !"
        let sentences = SentenceSegmenter().sentences(in: text)
        #expect(sentences.map { $0.startIndex } == SentenceSegmenter().sentenceRanges(in: text).map(\.lowerBound))
        #expect(sentences == ["Il pleut.", "Il vente !"])
    }
}
