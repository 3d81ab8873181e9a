// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import Testing

/// The pronunciation repairs judged by what eSpeak NG says: each family of correct spellings must come
/// out with the sound a French news reader gives it, and the words around a repair must not change.
@Suite("Pronunciation repairs by phonemes", .serialized)
struct PronunciationRepairTests {
    /// What the reader sends to eSpeak NG for `text`, as eSpeak NG phonemes without stress or gaps.
    static func heard(_ text: String) throws -> String {
        let normalizer = try #require(LexiconPhonemeTests.normalizer)
        return LexiconPhonemeTests.sound(try LexiconPhonemeTests.phonemes(normalizer.pronounce(normalizer.normalize(text))))
            .replacingOccurrences(of: "2", with: "")  // eSpeak NG's liaison mark, not a sound
    }

    /// eSpeak NG's own reading of a word it says right, as the reference for the words around a repair.
    static func raw(_ text: String) throws -> String {
        LexiconPhonemeTests.sound(try LexiconPhonemeTests.phonemes(text)).replacingOccurrences(of: "2", with: "")
    }

    static let afterQuatreVingt: [(String, String)] = [
        ("un", "W~"), ("deux", "dY"), ("trois", "trwa"), ("quatre", "katr"), ("cinq", "sE~k"), ("six", "sis"),
        ("sept", "sEt"), ("huit", "yit"), ("neuf", "nWf"), ("dix", "dis"), ("onze", "O~z"), ("douze", "duz"),
        ("treize", "trEz"), ("quatorze", "katOrz"), ("quinze", "kE~z"), ("seize", "sEz"), ("dix-sept", "disEt"),
        ("dix-huit", "dizyit"), ("dix-neuf", "diznWf"),
    ]

    @Test("no t after quatre-vingt, from 81 to 99", arguments: afterQuatreVingt)
    func quatreVingt(_ unit: String, _ sound: String) throws {
        #expect(try Self.heard("quatre-vingt-\(unit)") == "katrvE~" + sound)
        #expect(try Self.heard("cent-quatre-vingt-\(unit)") == "sA~katrvE~" + sound)
        // Before a noun too (the unit's own last consonant may then change: six ans, neuf ans).
        let beforeNoun = try Self.heard("Quatre-vingt-\(unit) ans")
        #expect(beforeNoun.hasPrefix("katrvE~" + sound.prefix(2)), "quatre-vingt-\(unit) ans: \(beforeNoun)")
    }

    @Test("ordinals after quatre-vingt keep no t either")
    func quatreVingtOrdinals() throws {
        #expect(try Self.heard("quatre-vingt-deuxième") == "katrvE~dYzjEm")
        #expect(try Self.heard("quatre-vingt-onzième") == "katrvE~O~zjEm")
        #expect(try Self.heard("quatre-vingt-unième") == "katrvE~ynjEm")
        // The t of vingt is said everywhere else.
        #expect(try Self.heard("vingt-deux") == "vE~tdY")
        #expect(try Self.heard("quatre-vingtième") == "katrvE~tjEm")
    }

    static let vowelNouns = ["ans", "euros", "enfants", "habitants", "hommes", "élèves", "otages", "heures", "années", "hectares"]

    @Test("cent and vingt link to the noun", arguments: vowelNouns)
    func liaison(_ noun: String) throws {
        // Exact: the number with its liaison consonant, then the noun as eSpeak NG reads it alone.
        let nounSound = try Self.raw(noun)
        for (text, number) in [("cent", "sA~t"), ("vingt", "vE~t"), ("mille cent", "milsA~t"), ("deux cents", "dYsA~z")] {
            let said = try Self.heard("\(text) \(noun)")
            #expect(said == number + nounSound, "\(text) \(noun): \(said)")
        }
    }

    @Test("no liaison where French makes none")
    func noLiaison() throws {
        let centUn = try Self.heard("cent un")
        #expect(centUn == "sA~W~", "heard \(centUn)")
        #expect(try Self.heard("cent onze") == "sA~O~z")
        #expect(try Self.heard("cent huit") == "sA~yit")
        #expect(try Self.heard("cent hérissons") == "sA~" + (try Self.raw("hérissons")))
        #expect(try Self.heard("trois pour cent ont voté") == (try Self.raw("trois pour cent ont voté")))
        #expect(try Self.heard("cent mille") == "sA~mil")
    }

    @Test("a regnal six or dix before a verb or a preposition ends in s, a counted one links")
    func sixDixUnlinked() throws {
        #expect(try Self.heard("Mohammed VI au Caire").hasSuffix("siso" + (try Self.raw("Caire"))))
        #expect(try Self.heard("Charles X a régné").hasSuffix("disa" + (try Self.raw("régné"))))
        #expect(try Self.heard("six ans") == "sizA~")
        #expect(try Self.heard("dix euros") == "dizYro")
    }

    @Test("digits come out repaired too")
    func fromDigits() throws {
        #expect(try Self.heard("Il a 82 ans.") == (try Self.raw("il a quatre-vin-deux ans")))
        #expect(try Self.heard("Une amende de 100 euros.") == (try Self.raw("une amende de cente euros")))
        #expect(try Self.heard("Rendez-vous à 20 heures.") == (try Self.raw("rendez-vous à vinte heures")))
    }

    @Test("normalized text keeps the spelling: the repair is for the engine only")
    func normalizedTextUnchanged() throws {
        let normalizer = try ArticleReader().normalizer()
        #expect(normalizer.normalize("Il a 82 ans et 100 euros.") == "Il a quatre-vingt-deux ans et cent euros.")
    }
}

@Suite("Foreign letters and th by phonemes", .serialized)
struct NameRepairPhonemeTests {
    @Test("names with Central European letters are read with the sound French news gives them")
    func foreignLetters() throws {
        #expect(try PronunciationRepairTests.heard("Babiš") == "babiS")
        #expect(try PronunciationRepairTests.heard("Dvořák") == "dvOrZak")
        #expect(try PronunciationRepairTests.heard("Ćosić") == (try PronunciationRepairTests.raw("Tchositch")))
    }

    @Test("French places ending in a consonant and y stay in the French voice, with [i]", arguments: ["Borny", "Cuffy", "Landivy", "Précy", "Sucy", "Bouilly", "Penly"])
    func finalY(_ name: String) throws {
        let raw = try LexiconPhonemeTests.phonemes(name)
        let said = try PronunciationRepairTests.heard(name)
        #expect(raw.contains("(en)"), "\(name): eSpeak NG no longer switches, the repair may be dead")
        #expect(!said.contains("(en)") && said.hasSuffix("i"), "\(name): \(said)")
    }

    @Test("names with th stay French and say the t", arguments: ["Éthiopie", "Arthur", "Marthe", "Agathe", "Judith", "Ruth", "Elisabeth", "Mathilde", "Nathan"])
    func thNames(_ name: String) throws {
        let raw = try LexiconPhonemeTests.phonemes(name)
        let said = try PronunciationRepairTests.heard(name)
        #expect(raw.contains("(en)"), "\(name): eSpeak NG no longer switches, the repair may be dead")
        #expect(!said.contains("(en)") && said.contains("t"), "\(name): \(said)")
    }
}
