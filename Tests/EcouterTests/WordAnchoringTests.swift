// SPDX-License-Identifier: GPL-3.0-or-later
@testable import Ecouter
import EcouterSynthesis
import Testing

/// Placing pieces from engine marks, and mapping engine offsets back: pure logic on made-up marks.
@Suite("Word anchoring")
struct WordAnchoringTests {
    let normalizer = FrenchNormalizer()

    /// The scalar offset of the first `word` in `text` that starts a word.
    private func offset(of word: String, in text: String) -> Int {
        let scalars = Array(text.unicodeScalars), target = Array(word.unicodeScalars)
        return scalars.indices.first { i in
            (i == 0 || scalars[i - 1] == " ") && scalars[i...].starts(with: target)
        }!
    }

    /// The word of `text` starting at `offset`.
    private func word(_ text: String, at offset: Int) -> String {
        String(String.UnicodeScalarView(Array(text.unicodeScalars)[offset...].prefix { $0 != " " }))
    }

    @Test("engine offsets in a respelled, repaired or defused text map back to the normalized words")
    func alignment() {
        let normalized = "qu'aujourd'hui monsieur Bayrou a dit s n c f."
        // A repair ("hui" → "ui") and a respelling ("Bayrou" → "Baïrou"): tokens differ, order holds.
        let engine = "qu'aujourd'ui monsieur Baïrou a dit s n c f."
        let alignment = TokenAlignment(engine: engine, normalized: normalized)
        for (engineWord, normalizedWord) in [("monsieur", "monsieur"), ("Baïrou", "Bayrou"), ("a", "a"), ("f.", "f.")] {
            let mapped = alignment.normalizedOffset(offset(of: engineWord, in: engine))
            #expect(mapped.map { word(normalized, at: $0) } == normalizedWord, "\(engineWord)")
        }
        // The defused form (letters only, apostrophes as spaces) maps too.
        let defusedText = "qu aujourd hui monsieur Bayrou a dit s n c f"
        let defused = TokenAlignment(engine: defusedText, normalized: normalized)
        #expect(defused.normalizedOffset(offset(of: "Bayrou", in: defusedText)).map { word(normalized, at: $0) } == "Bayrou")
        #expect(defused.normalizedOffset(offset(of: "hui", in: defusedText)).map { word(normalized, at: $0) } == "hui")
    }

    @Test("marks snap onto pieces; a piece without a mark is shared out; starts never go back")
    func placement() {
        let pieces = normalizer.pieces(of: "Il est 14h30 à Lyon.")
        let spoken = pieces.map(\.spoken).joined()  // "Il est quatorze heures trente à Lyon."
        let offsets = ["Il", "est", "quatorze", "heures", "Lyon."].map { offset(of: $0, in: spoken) }
        let trente = offset(of: "trente", in: spoken), a = offset(of: "à", in: spoken)
        // No mark on « à »; the mark of « heures » comes back in time (a confused engine).
        let marks = zip(offsets, [0, 2000, 4000, 3000, 10000]).map { SpeechMark(kind: .word, textOffset: $0, sample: $1) }
        var samples = [Int16](repeating: 0, count: 20000)
        for i in 100..<samples.count { samples[i] = 1000 }
        let placement = WordAnchoring.place(pieces: pieces, engineText: spoken, marks: marks, samples: samples)
        let written = placement.words.map { pieces[$0.piece].written }
        #expect(written == ["Il", "est", "14h30", "à", "Lyon"])
        let starts = placement.words.map(\.start)
        #expect(starts[0] == 100, "the first word starts with the sound, not at the mark")
        #expect(starts[1] == 2000 && starts[2] == 4000, "a mark that goes back (« heures ») is held")
        // « à » lies between the held « heures » point (4000) and « Lyon » (10000), by text offset.
        let expected = 4000 + 6000 * (a - offsets[3]) / (offsets[4] - offsets[3])
        #expect(starts[3] == expected && trente < a, "« à » at \(starts[3]), expected \(expected)")
        #expect(starts[4] == 10000)
        #expect(placement.words.last?.end == samples.count)
        #expect(zip(placement.words, placement.words.dropFirst()).allSatisfy { $0.end == $1.start })
    }

    @Test("no marks at all (a sentence that became silence): words shared out over its length")
    func noMarks() {
        let pieces = normalizer.pieces(of: "Voici un test.")
        let placement = WordAnchoring.place(pieces: pieces, engineText: "", marks: [], samples: [Int16](repeating: 0, count: 11025))
        #expect(placement.words.count == 3)
        #expect(placement.words.map(\.start) == placement.words.map(\.start).sorted())
        #expect(placement.words.first?.start == 0 && placement.words.last?.end == 11025)
        #expect(placement.words.allSatisfy { $0.end > $0.start })
    }
}
