// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import Testing

/// Every entry of the shipped news lexicon, judged by what eSpeak NG would say: the entry must be applied
/// by the reader's pronunciation step and must change eSpeak NG's reading of the name (an entry that
/// changes nothing is dead weight, one that is not applied is a bug). Normalized text keeps the name
/// as written: the respelling is for the engine only.
@Suite("Shipped lexicon by phonemes")
struct LexiconPhonemeTests {
    static let entries: [Lexicon.Entry] = (try? Lexicon.builtIn(named: "fr-news").entries) ?? []
    static let voice = VoicePreset.standard.espeakVoice
    /// The reader's normalizer, built once: building it compiles the whole lexicon.
    static let normalizer = try? ArticleReader().normalizer()

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
        return try PhonemeText.render(spoken) { text throws(SynthesisError) in
            try engine.synchronously { (engine) throws(SynthesisError) in try engine.phonemes(of: text, voice: voice) }
        }
    }

    @Test("the lexicon loads and has a useful size")
    func size() throws {
        let lexicon = try Lexicon.builtIn(named: "fr-news")
        #expect(lexicon.entries.count >= 1500)
        #expect(Set(lexicon.entries.map(\.written)).count == lexicon.entries.count, "duplicate written forms")
    }

    @Test("entry is applied and changes eSpeak NG's reading", arguments: entries)
    func entryChangesReading(_ entry: Lexicon.Entry) throws {
        let normalizer = try #require(Self.normalizer)
        // Protected from the other rules: normalization leaves the name as written...
        #expect(normalizer.normalize(entry.written) == entry.written)
        // ...and the pronunciation step gives exactly the entry's spoken side.
        let normalized = normalizer.pronounce(normalizer.normalize(entry.written))
        #expect(normalized == entry.spoken, "\(entry.written): pronounced \"\(normalized)\"")
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
        func say(_ text: String) -> String { normalizer.pronounce(normalizer.normalize(text)) }
        #expect(say("François Bayrou a parlé.") == "François Baïrou a parlé.")
        #expect(say("Le Metaverse") == "Le Metaverse")
        #expect(say("Le sommet de Washington.") == "Le sommet de [[waSiNt'On]].")
        #expect(normalizer.normalize("Le sommet de Washington, le 3 mai.") == "Le sommet de Washington, le trois mai.")
        #expect(say("Les 21 pages de M. Bayrou.") == "Les vingt et une pages de monsieur Baïrou.")
    }
}
