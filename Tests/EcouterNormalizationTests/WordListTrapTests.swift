// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterNormalization
import Foundation
import Testing

/// No ordinary French word is rewritten by the abbreviation, acronym or Roman-numeral rules.
///
/// Every word of Debian's `wfrench` list (346 000 forms, installed by `scripts/setup.sh --test`) is
/// normalized alone, capitalized as at the start of a sentence, and (short words) before a final
/// period, where "vol." or "art." would look like abbreviations. Each must come back as written, but
/// for its case. Forms with a period of their own ("etc.", "cf.") are abbreviations by definition.
@Suite struct WordListTrapTests {
    static let wordListPath = "/usr/share/dict/french"

    /// Capitalized words that are also an acronym read as a word (the agency Anses, laser, modem):
    /// the acronym's respelling is kept on purpose; "laser" and "modem" sound the same respelled.
    static let acronymHomographs: Set<String> = ["Anses", "Laser", "Modem"]

    @Test func noOrdinaryWordIsRewritten() throws {
        let text = try String(contentsOfFile: Self.wordListPath, encoding: .utf8)
        let words = text.split(separator: "\n").map(String.init).filter { !$0.contains(".") }
        #expect(words.count > 300_000, "the wfrench list is incomplete")
        let normalizer = FrenchNormalizer()
        var rewritten: [String] = []
        for word in words {
            let capitalized = word.prefix(1).uppercased() + word.dropFirst()
            var forms = [word, capitalized]
            if word.count <= 6 { forms.append("Il parle de \(word).") }
            for form in forms where !Self.acronymHomographs.contains(form) {
                let spoken = normalizer.normalize(form)
                if spoken.lowercased() != form.lowercased() { rewritten.append("\(form) → \(spoken)") }
            }
        }
        #expect(rewritten.isEmpty, "\(rewritten.count) words rewritten: \(rewritten.prefix(30).joined(separator: "; "))")
    }
}
