// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import Testing

/// Every entry of the shipped news lexicon, judged by what eSpeak NG would say: the entry must be applied
/// by the reader's normalizer and must change eSpeak NG's reading of the name (an entry that changes
/// nothing is dead weight, one that is not applied is a bug).
@Suite("Shipped lexicon by phonemes")
struct LexiconPhonemeTests {
    static let entries: [Lexicon.Entry] = (try? Lexicon.builtIn(named: "fr-news").entries) ?? []
    static let voice = VoicePreset.standard.espeakVoice

    /// Phonemes with stress marks, pauses and word gaps removed: a difference there alone is no fix.
    static func sound(_ phonemes: String) -> String {
        var out = ""
        var rest = Substring(phonemes)
        while let c = rest.first {
            if rest.hasPrefix("_!") || rest.hasPrefix("_|") {
                rest = rest.dropFirst(2)
                continue
            }
            if !(c == "'" || c == "," || c == " " || c == "-" || c == "|") { out.append(c) }
            rest = rest.dropFirst()
        }
        return out
    }

    static func phonemes(_ spoken: String) throws -> String {
        let engine = try SpeechEngine.shared()
        return try PhonemeText.render(spoken) { text throws(SynthesisError) in try engine.phonemes(of: text, voice: voice) }
    }

    @Test("the lexicon loads and has a useful size")
    func size() throws {
        let lexicon = try Lexicon.builtIn(named: "fr-news")
        #expect(lexicon.entries.count >= 60)
        #expect(Set(lexicon.entries.map(\.written)).count == lexicon.entries.count, "duplicate written forms")
    }

    @Test("entry is applied and changes eSpeak NG's reading", arguments: entries)
    func entryChangesReading(_ entry: Lexicon.Entry) throws {
        let normalizer = try ArticleReader().normalizer()
        let normalized = normalizer.normalize(entry.written)
        // Applied: the normalizer's output is exactly the entry's spoken side.
        #expect(normalized == entry.spoken, "\(entry.written): normalized to \"\(normalized)\"")
        let raw = try Self.phonemes(entry.written)
        let applied = try Self.phonemes(normalized)
        #expect(Self.sound(applied) != Self.sound(raw), "\(entry.written): eSpeak NG already reads \(raw)")
        if entry.spoken.hasPrefix("[["), entry.spoken.hasSuffix("]]") {
            let expected = String(entry.spoken.dropFirst(2).dropLast(2))
            #expect(applied == expected, "\(entry.written): \(applied) ≠ \(expected)")
        } else {
            // A respelling must stay French: no switch to eSpeak NG's English voice.
            #expect(!applied.contains("(en)"), "\(entry.written): respelling read as English: \(applied)")
        }
    }

    @Test("entries apply inside a sentence, whole words only")
    func inContext() throws {
        let normalizer = try ArticleReader().normalizer()
        #expect(normalizer.normalize("François Bayrou a parlé.") == "François Baïrou a parlé.")
        #expect(normalizer.normalize("Le Metaverse") == "Le Metaverse")
        #expect(normalizer.normalize("Le sommet de Washington.") == "Le sommet de [[waSiNt'On]].")
    }
}
