// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterSynthesis
import Testing

/// The spelling a crashed sentence gets for its one retry.
@Suite("Defused text", .serialized)
struct DefusedTextTests {
    @Test("dotted letters are spelled apart, punctuation runs become one space", arguments: [
        ("U.S.A.", "U S A"),
        ("α.,β.,γ.,", "α β γ"),
        ("Le F.M.I. a dit : « non !!! »", "Le F M I a dit non"),
        ("[[b'OKu]] de [[fOn'Em]]", "b OKu de fOn Em"),
        ("Numéro 1 234,56 — fin.", "Numéro 1 234 56 fin"),
        ("e\u{301}.e\u{301}.", "e\u{301} e\u{301}"),
        ("... !!! ???", ""),
    ])
    func spelling(written: String, defused: String) {
        #expect(DefusedText.make(written) == defused)
    }

    @Test("words longer than the limit are cut, so no word reaches eSpeak NG's buffers whole")
    func longWordsAreCut() {
        let word = String(repeating: "ab", count: 200)
        let pieces = DefusedText.make(word).split(separator: " ")
        #expect(pieces.joined() == word)
        #expect(pieces.allSatisfy { $0.count <= DefusedText.maximumWord })
    }

    @Test("the defused form of texts that abort libespeak-ng 1.51 speaks in this process")
    func defusedCrashTextsSpeak() async throws {
        // Each of these, as written, aborts the process ("stack smashing detected"); see the CLI's
        // isolation tests, which check that they do.
        for text in [String(repeating: "α.,", count: 60), String(repeating: String(repeating: "α.", count: 11) + "-", count: 6)] {
            let samples = try await SpeechEngine.shared().speak(DefusedText.make(text), voice: VoiceParameters()).count
            #expect(samples > 22050, "\(samples) samples for \(text.prefix(12))…")
        }
    }

    @Test("linear time: a megabyte of punctuation and letters is defused at once")
    func linear() {
        let text = String(repeating: "a.,;!? ", count: 150_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure { #expect(DefusedText.make(text).count == 2 * 150_000 - 1) }
        #expect(elapsed < .seconds(5), "\(elapsed)")
    }
}
