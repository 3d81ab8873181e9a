// SPDX-License-Identifier: GPL-3.0-or-later
@testable import Ecouter
import EcouterSynthesis
import Foundation
import Testing

/// Text that crashed libespeak-ng 1.51 (found by scripts/fuzz-cli.py): long runs of dotted single
/// letters ("U.S.A.U.S.A.…", 45 × "中.") abort the process with "stack smashing detected"; a
/// phoneme word of a few hundred mnemonics from a lexicon makes it segfault.
@Suite("Engine text guard", .serialized)
struct FuzzEngineTextTests {
    /// Longest run of dotted single letters in `text` (the shape that overflows eSpeak NG).
    static func longestDottedRun(_ text: String) -> Int {
        var longest = 0, run = 0
        var previous: Character = " "
        var letterAfterBoundary = false
        for ch in text where ch != "\u{AD}" {
            if ch.isLetter {
                letterAfterBoundary = !previous.isLetter
                if !letterAfterBoundary { run = 0 }
            } else if ch == ".", letterAfterBoundary {
                run += 1
                longest = max(longest, run)
                letterAfterBoundary = false
            } else {
                run = 0
                letterAfterBoundary = false
            }
            previous = ch
        }
        return longest
    }

    @Test(arguments: [
        String(repeating: "U.S.A.", count: 40), String(repeating: "中.", count: 100), String(repeating: "e\u{301}.", count: 80),
        "Avant " + String(repeating: "a.", count: 200) + " après", String(repeating: "a.\u{AD}", count: 200),
    ])
    func overlongDottedRunsAreBroken(text: String) {
        #expect(Self.longestDottedRun(text) > EngineText.maximumDottedLetters)
        let guarded = EngineText.guarded(text)
        #expect(Self.longestDottedRun(guarded) <= EngineText.maximumDottedLetters)
        // Only spaces were added.
        #expect(guarded.filter { $0 != " " } == text.filter { $0 != " " })
    }

    @Test(arguments: [
        "M. Dupont, Mme Durand et J.-P. Martin.", "Les U.S.A. et l'U.R.S.S.", "1.2.3.4.5.6.7.8.9.10.11.12.13.14.15",
        "Ab.Ab.Ab.Ab.Ab.Ab.Ab.Ab.Ab.Ab.Ab.Ab.Ab.Ab.", "[[a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p]]", "",
    ])
    func ordinaryTextIsUntouched(text: String) {
        #expect(EngineText.guarded(text) == text)
    }

    /// Longest run of non-space scalars in `text`.
    static func longestWord(_ text: String) -> Int {
        text.split(whereSeparator: \.isWhitespace).map { $0.unicodeScalars.count }.max() ?? 0
    }

    @Test(arguments: [
        "Un [[" + String(repeating: "t@", count: 300) + "]] deux", "[[" + String(repeating: "a", count: 10_000) + "]]",
        "Un [[ " + String(repeating: "a", count: 1_000), "[[" + String(repeating: "a", count: 99) + "]]]]" + String(repeating: "]", count: 50),
    ])
    func overlongPhonemeWordsAreCut(text: String) {
        // eSpeak NG 1.51 segfaults on a phoneme word of about 300 mnemonics (a hostile --lexicon).
        let guarded = EngineText.guarded(text)
        let phonemes = guarded.split(separator: "[[", maxSplits: 1).last.map(String.init) ?? ""
        #expect(Self.longestWord(String(phonemes.prefix(while: { $0 != "]" }))) <= EngineText.maximumPhonemeWord)
        #expect(guarded.filter { $0 != " " } == text.filter { $0 != " " })
        #expect(guarded.contains("]]") == text.contains("]]"))
    }

    @Test func guardIsLinear() {
        let text = String(repeating: "a.", count: 500_000)
        let clock = ContinuousClock()
        let start = clock.now
        #expect(Self.longestDottedRun(EngineText.guarded(text)) <= EngineText.maximumDottedLetters)
        #expect(clock.now - start < .seconds(5))
    }

    @Test func dottedLetterRunIsSpokenWithoutCrashing() async throws {
        // Before the guard this aborted the whole test process inside espeak_Synth.
        let reader = ArticleReader()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dotted-\(UUID().uuidString).wav")
        defer { try? FileManager.default.removeItem(at: url) }
        let text = "Sigles : " + String(repeating: "U.S.A.", count: 30) + " " + String(repeating: "中.", count: 60) + " texte."
        let lexicon = try Lexicon(tsv: "texte\t[[" + String(repeating: "t@", count: 300) + "]]\n", name: "hostile")
        let options = ReadingOptions(extraLexicons: [lexicon])
        let summary = try await ArticleReader(options: options).read(try reader.article(from: Array(text.utf8), format: .text), to: url)
        #expect(summary.duration > 1)
        let info = try WAVInfo(parsing: Array(try Data(contentsOf: url)))
        #expect(info.sampleRate == 22050)
    }
}
