// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import Foundation
import Testing

/// eSpeak NG 1.51's French dictionary reads some French words with its English voice ("(en)" in its
/// phonemes): « rythme », « dos », « emprunts », « football ». None of the French words of the audit
/// list may switch once the reader has prepared them (lexicon and repairs), alone or in a sentence.
@Suite("No switch to English for French words", .serialized)
struct LanguageSwitchTests {
    static let words: [String] = {
        guard let url = Bundle.module.url(forResource: "Fixtures/french_words", withExtension: "txt"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        return text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
    }()

    @Test("the audit list is there and large")
    func listLoads() {
        #expect(Self.words.count >= 500)
    }

    @Test("eSpeak NG alone switches on many of them: the list tests something")
    func rawSwitches() throws {
        let switched = try Self.words.filter { try LexiconPhonemeTests.phonemes($0).contains("(en)") }
        #expect(switched.count >= 300, "only \(switched.count) words switch without the reader")
    }

    @Test("no French word of the list switches to English")
    func noSwitch() throws {
        let normalizer = try #require(LexiconPhonemeTests.normalizer)
        var switched: [String] = []
        for word in Self.words {
            let said = try LexiconPhonemeTests.phonemes(normalizer.pronounce(normalizer.normalize(word)))
            if said.contains("(en)") { switched.append("\(word): \(said)") }
        }
        #expect(switched.isEmpty, "\(switched.count) switch: \(switched.prefix(20).joined(separator: "; "))")
    }

    @Test("in a sentence too")
    func inSentence() throws {
        let normalizer = try #require(LexiconPhonemeTests.normalizer)
        let sentence = "Il a mal au dos, le rythme des emprunts d'aujourd'hui ralentit plus qu'hier et le football authentique séduit les sympathisants qu'Hidalgo a réunis."
        let said = try LexiconPhonemeTests.phonemes(normalizer.pronounce(normalizer.normalize(sentence)))
        #expect(!said.contains("(en)"), "\(said)")
    }
}
