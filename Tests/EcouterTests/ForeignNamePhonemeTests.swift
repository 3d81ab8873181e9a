// SPDX-License-Identifier: GPL-3.0-or-later
import Testing

/// Foreign names whose spelling shows their origin are said the way French news says names of that
/// origin: the phonemes of what the reader sends to eSpeak NG for « Il a vu NAME hier. » must be those of
/// a hand-written French respelling. Names chosen outside the lexicon, so the rule is what is tested.
@Suite("Foreign names by origin, by phonemes", .serialized)
struct ForeignNamePhonemeTests {
    static let family: [(String, String)] = [
        // Slavic
        ("Vucic", "Voutchitch"), ("Pavlovic", "Pavlovitch"), ("Mitrovic", "Mitrovitch"), ("Kovacic", "Kovatchitch"),
        ("Markovic", "Markovitch"), ("Lavrov", "Lavrof"), ("Zverev", "Zvérèf"), ("Kowalczyk", "Kovaltchik"),
        ("Szymanski", "Chimanski"), ("Ostrowski", "Ostrofski"),
        // Italian
        ("Giorgio", "Djordjo"), ("Giuliano", "Djouliano"), ("Giacomo", "Djacomo"), ("Reggiani", "Rèdjani"),
        // German
        ("Wolfsburg", "Volfsbourg"), ("Hamburg", "Hambourg"), ("Schmitt", "Chmitt"),
        // Arabic transliteration
        ("Abdullah", "Abdoullah"),
        // Spanish -ez
        ("Velez", "Vélèz"), ("Ordonez", "Ordonèz"), ("Valdez", "Valdèz"), ("Benitez", "Bénitèz"),
    ]

    @Test("said as French news says them", arguments: family)
    func name(_ written: String, _ respelled: String) throws {
        #expect(try PronunciationRepairTests.heard("Il a vu \(written) hier.") == PronunciationRepairTests.raw("Il a vu \(respelled) hier."))
    }

    @Test("French words and imperatives at a sentence start are left alone")
    func frenchWordsStay() throws {
        for sentence in ["Votez pour lui.", "Ludovic est venu.", "La Région vote.", "Le Public applaudit."] {
            #expect(try PronunciationRepairTests.heard(sentence) == PronunciationRepairTests.raw(sentence), "\(sentence)")
        }
    }
}
