// SPDX-License-Identifier: GPL-3.0-or-later
@testable import EcouterNormalization
import Foundation
import Testing

/// The origin guess of ``ForeignNameRepair`` never takes a French word for a foreign name.
///
/// Every word of Debian's `wfrench` list (346 000 forms), capitalized as a name in the middle of a
/// sentence, must come back unchanged: the letter patterns it looks for (a final « -vic », « cz »,
/// « gi » + vowel at a vowel ending, « -burg », a final « -ez »…) are not French spelling.
@Suite struct ForeignNameTrapTests {
    /// Loanwords of the list that match a pattern: each is a word of that language, and its respelling is
    /// how French says it (« Loggia » [lOdZja], « Mullah » [mula], « Bunsen », « Führer »), or a German
    /// loanword whose respelling reads alike (« Schnaps » / « Shnaps »).
    static let allowed: Set<String> = [
        "Aggiornamento", "Bunsen", "Czar", "Czimbalum", "Führer", "Loggia", "Mullah", "Mullahs", "Shamisen",
        "Volapük", "Würm", "Würmien", "Schnaps", "Schnauzer", "Schnick", "Schnock", "Schnoque", "Schnoques",
        "Schnorchel", "Schnorkel", "Schnouff",
    ]

    @Test func noFrenchWordLooksForeign() throws {
        let text = try String(contentsOfFile: WordListTrapTests.wordListPath, encoding: .utf8)
        let words = text.split(separator: "\n").map(String.init).filter { !$0.contains(".") }
        #expect(words.count > 300_000, "the wfrench list is incomplete")
        var respelled: [String] = []
        for word in words where word.unicodeScalars.count >= 4 {
            let capitalized = word.prefix(1).uppercased() + word.dropFirst()
            guard !Self.allowed.contains(capitalized) else { continue }
            if let out = ForeignNameRepair.respell(capitalized, startsSentence: true) {
                respelled.append("\(capitalized) → \(out)")
            }
        }
        #expect(respelled.isEmpty, "\(respelled.count) French words respelled: \(respelled.prefix(60).joined(separator: "; "))")
    }

    @Test func namesOfEachOriginAreFound() {
        let names: [(String, ForeignNameRepair.Origin)] = [
            ("vucic", .slavic), ("djokovic", .slavic), ("kowalczyk", .slavic), ("lewandowski", .slavic), ("lavrov", .slavic),
            ("giorgio", .italian), ("gianluigi", .italian), ("reggiani", .italian), ("wolfsburg", .german),
            ("jensen", .german), ("schmidt", .german), ("abdullah", .arabic), ("rodriguez", .spanish),
        ]
        for (name, origin) in names {
            #expect(ForeignNameRepair.origin(of: Array(name.unicodeScalars), startsSentence: false) == origin, "\(name)")
        }
        #expect(ForeignNameRepair.origin(of: Array("votez".unicodeScalars), startsSentence: true) == nil)
        #expect(ForeignNameRepair.origin(of: Array("ludovic".unicodeScalars), startsSentence: false) == nil)
    }
}
