// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterNormalization
import Testing

/// Generated families: numbers × feminine and masculine nouns × preceding words × what follows.
///
/// The expected readings come from small tables written here by hand (not from the library's number
/// speller): the gender of "un"/"une" follows the noun, "de" and "que" elide before a spoken "un"/"une"
/// and never before "huit" or "onze", and the rest of the sentence is left as it is.
@Suite struct GeneratedAgreementTests {
    /// Written number → (masculine reading, feminine reading).
    static let numbers: [(String, String, String)] = [
        ("1", "un", "une"), ("21", "vingt et un", "vingt et une"), ("31", "trente et un", "trente et une"),
        ("41", "quarante et un", "quarante et une"), ("61", "soixante et un", "soixante et une"),
        ("71", "soixante et onze", "soixante et onze"), ("81", "quatre-vingt-un", "quatre-vingt-une"),
        ("101", "cent un", "cent une"), ("8", "huit", "huit"), ("11", "onze", "onze"), ("2", "deux", "deux"),
        ("1 001", "mille un", "mille une"), ("91", "quatre-vingt-onze", "quatre-vingt-onze"),
    ]

    /// (singular, plural, feminine)
    static let nouns: [(String, String, Bool)] = [
        ("page", "pages", true), ("personne", "personnes", true), ("semaine", "semaines", true),
        ("manifestation", "manifestations", true), ("voiture", "voitures", true),
        ("match", "matchs", false), ("joueur", "joueurs", false), ("mois", "mois", false), ("dossier", "dossiers", false),
    ]

    /// (sentence start, the word before the number that may elide)
    static let openings: [(String, String)] = [
        ("Il ne reste", "que"), ("Le bilan fait état", "de"), ("Le total passe", "à"), ("Ils ont gagné", "avec"),
        ("On en compte", "environ"),
    ]

    static let endings = [".", ", selon la police.", " au total.", " !"]

    struct Case: Sendable, CustomTestStringConvertible {
        var written: String
        var spoken: String
        var testDescription: String { written }
    }

    static let cases: [Case] = {
        var all: [Case] = []
        for (digits, masculine, feminine) in numbers {
            for (singular, plural, isFeminine) in nouns {
                let noun = digits == "1" ? singular : plural
                let reading = isFeminine ? feminine : masculine
                for (start, word) in openings {
                    for ending in endings {
                        let written = "\(start) \(word) \(digits) \(noun)\(ending)"
                        var before = "\(start) \(word) "
                        if reading.hasPrefix("un"), word == "que" || word == "de" {
                            before = "\(start) \(word.dropLast())'"
                        }
                        all.append(Case(written: written, spoken: "\(before)\(reading) \(noun)\(ending)"))
                    }
                }
            }
        }
        return all
    }()

    @Test func familyIsLarge() {
        #expect(Self.cases.count == Self.numbers.count * Self.nouns.count * Self.openings.count * Self.endings.count)
    }

    @Test(arguments: cases) func agrees(_ fixture: Case) {
        let got = FrenchNormalizer().normalize(fixture.written)
        #expect(FixtureCase.comparable(got) == FixtureCase.comparable(fixture.spoken), "«\(fixture.written)» → «\(got)»")
    }
}
