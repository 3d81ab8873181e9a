// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterNormalization
import Testing

/// The pronunciation repairs as text: what they rewrite, and everything they leave exactly as it was.
/// (Their sound is checked against eSpeak NG in EcouterTests/PronunciationRepairTests.)
@Suite("Pronunciation repairs, text")
struct PronunciationRepairTextTests {
    let normalizer = FrenchNormalizer()

    @Test("quatre-vingt-deux loses the t, quatre-vingt-un and quatre-vingt-dix are left alone")
    func quatreVingt() {
        #expect(normalizer.pronounce("quatre-vingt-deux") == "quatre-vin-deux")
        #expect(normalizer.pronounce("Quatre-Vingt-Onze ans") == "Quatre-Vin-Onze ans")
        #expect(normalizer.pronounce("quatre-vingt-un") == "quatre-vingt-un")
        #expect(normalizer.pronounce("quatre-vingt-dix-sept") == "quatre-vingt-dix-sept")
        #expect(normalizer.pronounce("quatre vingt deux") == "quatre vingt deux")
    }

    @Test("cent and vingt before a vowel are respelled, nothing else moves")
    func liaison() {
        #expect(normalizer.pronounce("Il a payé cent euros, vingt heures.") == "Il a payé cente euros, vinte heures.")
        #expect(normalizer.pronounce("Cent ans") == "Cente ans")
        #expect(normalizer.pronounce("vingt ans") == "vingt ans")  // eSpeak NG links this one itself
        #expect(normalizer.pronounce("cent un, cent onze, cent huit") == "cent un, cent onze, cent huit")
        #expect(normalizer.pronounce("cent hérissons, cent hauts") == "cent hérissons, cent hauts")
        #expect(normalizer.pronounce("trois pour cent ont voté") == "trois pour cent ont voté")
        #expect(normalizer.pronounce("cent, euros") == "cent, euros")
        #expect(normalizer.pronounce("centaine d'euros") == "centaine d'euros")
    }

    @Test("the + of a brand is « Plus » and sounds its s; the adverb and the sum are left alone")
    func brandPlus() {
        #expect(normalizer.normalize("Canal+ a diffusé le match.") == "Canal Plus a diffusé le match.")
        #expect(normalizer.pronounce(normalizer.normalize("Canal+ a diffusé, Apple TV+ aussi.")) == "Canal Plusse a diffusé, Apple t v Plusse aussi.")
        #expect(normalizer.normalize("3+4, Bac+5, C++ et les 65 ans et +") == "trois plus quatre, bac plus cinq, C plus plus et les soixante-cinq ans et plus")
        #expect(normalizer.pronounce("Plus personne ne vient, Paris plus encore.") == "Plus personne ne vient, Paris plus encore.")
    }

    @Test("a name's final y after a consonant is written i; -gny, a y after a vowel, acronyms are left alone")
    func finalY() {
        #expect(normalizer.pronounce("à Borny et à Précy-sur-Oise") == "à Borni et à Préci-sur-Oise")
        #expect(normalizer.pronounce("Bouilly.") == "Bouilli.")
        #expect(normalizer.pronounce("Montigny, Fontenay, Jouy, Sydney") == "Montigny, Fontenay, Jouy, Sydney")
        #expect(normalizer.pronounce("la jury, le rugby, Roy, NY, DeVry") == "la jury, le rugby, Roy, NY, DeVry")
        // The th of « Thierry » is left alone (see leftAlone), only its y moves.
        #expect(normalizer.pronounce("la Thierry !") == "la Thierri !")
    }

    @Test("six and dix standing alone before a verb or a preposition end in s; before a noun they link")
    func sixDix() {
        #expect(normalizer.pronounce("le roi Mohammed six au Caire") == "le roi Mohammed sisse au Caire")
        #expect(normalizer.pronounce("Charles dix a régné") == "Charles disse a régné")
        #expect(normalizer.pronounce("Six ont voté") == "Sisse ont voté")
        #expect(normalizer.pronounce("six ans, dix euros") == "six ans, dix euros")
        #expect(normalizer.pronounce("dix à quinze, six et demi") == "dix à quinze, six et demi")
        #expect(normalizer.pronounce("six, a-t-il dit") == "six, a-t-il dit")
        #expect(normalizer.pronounce("le prix a baissé") == "le prix a baissé")
    }

    @Test("text without a repair comes back identical", arguments: [
        "", " ", "Le gouvernement a présenté son budget.", "[[waSiNt'On]] cent euros", "  vingt  ", "«cent»", "é",
        "Cent", "quatre-vingt-", "-vingt-deux",
    ])
    func untouched(_ text: String) {
        let expected = text == "[[waSiNt'On]] cent euros" ? "[[waSiNt'On]] cente euros" : text
        #expect(normalizer.pronounce(text) == expected)
    }

    @Test("phoneme spans are never looked into")
    func phonemeSpans() {
        #expect(normalizer.pronounce("[[s'A~ ]] euros") == "[[s'A~ ]] euros")
        #expect(normalizer.pronounce("[[cent euros]]") == "[[cent euros]]")
        #expect(normalizer.pronounce("cent [[unclosed") == "cent [[unclosed")
    }
}

@Suite("Pronunciation repairs, th")
struct ThSpellingRepairTextTests {
    let normalizer = FrenchNormalizer()

    @Test("th is written t in names", arguments: [
        ("Éthiopie", "Éttiopie"), ("Arthur", "Artur"), ("Authentiques", "Autentiques"),
        ("Judith", "Judite"), ("Elisabeth", "Elisabète"), ("Bethléem", "Bètléem"),
        ("Mathieu", "Mattieu"), ("Matthieu", "Mattieu"), ("Lithium", "Littium"), ("Methode", "Mètode"),
    ])
    func respelled(_ written: String, _ said: String) {
        #expect(normalizer.pronounce(written) == said)
    }

    @Test("th left alone where t would be wrong", arguments: [
        "Thiers", "asthme", "isthmes", "The", "the", "with", "thc", "FTTH", "th", "Th", "rythme", "aagathadi",
    ])
    func leftAlone(_ word: String) {
        #expect(normalizer.pronounce(word) == word)
        #expect(normalizer.pronounce("la \(word) !") == "la \(word) !")
    }
}

@Suite("Pronunciation repairs, foreign letters")
struct ForeignLettersRepairTextTests {
    let normalizer = FrenchNormalizer()

    @Test("Central European and Turkish letters are respelled", arguments: [
        ("Babiš", "Babich"), ("Šefčovič", "Cheftchovitch"), ("Dvořák", "Dvorják"), ("Erdoğan", "Erdoan"),
        ("Ćosić", "Tchositch"), ("Žižek", "Jijek"), ("Kılıçdaroğlu", "Kılıçdarolu"),
    ])
    func respelled(_ written: String, _ said: String) {
        #expect(normalizer.pronounce(written) == said)
    }

    @Test("French letters and words without these letters are left alone", arguments: [
        "Éric", "ça", "Noël", "œuvre", "public", "Frédéric", "Kraków", "naïve",
    ])
    func leftAlone(_ word: String) {
        #expect(normalizer.pronounce(word) == word)
    }
}

@Suite("Pronunciation repairs, Latin phrases")
struct LatinPhraseRepairTextTests {
    let normalizer = FrenchNormalizer()

    @Test("et cetera and et al. are respelled, the rest of the sentence kept")
    func respelled() {
        #expect(normalizer.pronounce("les fruits, et cetera.") == "les fruits, ètsétéra.")
        #expect(normalizer.pronounce("Et cetera") == "Ètsétéra")
        #expect(normalizer.pronounce("Dupont et al. ont montré") == "Dupont ète al. ont montré")
        #expect(normalizer.pronounce("et cetera et al") == "ètsétéra ète al")
    }

    @Test("et followed by anything else is left alone")
    func leftAlone() {
        #expect(normalizer.pronounce("il est allé et alors") == "il est allé et alors")
        #expect(normalizer.pronounce("et, al") == "et, al")
        #expect(normalizer.pronounce("et") == "et")
    }
}

@Suite("Pronunciation repairs, aujourd'hui")
struct AujourdhuiRepairTextTests {
    let normalizer = FrenchNormalizer()

    @Test("the silent h of aujourd'hui is dropped, with either apostrophe", arguments: [
        ("d'aujourd'hui", "d'aujourd'ui"), ("jusqu’aujourd’hui", "jusqu’aujourd’ui"), ("Aujourd'hui", "Aujourd'ui"),
    ])
    func respelled(_ written: String, _ said: String) {
        #expect(normalizer.pronounce(written) == said)
    }

    @Test("other words with hui are left alone", arguments: ["huit", "huile", "aujourd hui", "Huijbregts"])
    func leftAlone(_ word: String) {
        #expect(normalizer.pronounce(word) == word)
    }
}

@Suite("Pronunciation repairs, qu' before a mute h")
struct QuElisionRepairTextTests {
    let normalizer = FrenchNormalizer()

    @Test("the mute h after qu' is dropped", arguments: [
        ("qu'homme", "qu'omme"), ("plus qu'hier", "plus qu'ièr"), ("qu’Hidalgo", "qu’Idalgo"), ("Qu'histoire", "Qu'istoire"),
    ])
    func respelled(_ written: String, _ said: String) {
        #expect(normalizer.pronounce(written) == said)
    }

    @Test("left alone: other elisions, an aspirated h, qu' before a vowel", arguments: [
        "jusqu'hier", "lorsqu'Hélène", "qu'héros", "qu'il", "l'homme", "d'histoire", "qu' h",
    ])
    func leftAlone(_ text: String) {
        #expect(normalizer.pronounce(text) == text)
    }
}
