// SPDX-License-Identifier: GPL-3.0-or-later

/// Respells the Latin phrases the normalizer writes out, which eSpeak NG 1.51 reads as French words:
/// « et cetera » e s@tr'a (said « ètsétéra »), « et al. » e 'al (said « ète al »).
///
/// A repair rather than lexicon entries: a lexicon entry is also protected during normalization, and one
/// starting with « et », the most frequent word after the articles, cost a fifth of the normalizer's
/// throughput.
struct LatinPhraseRepair: PronunciationRepair {
    /// (the two words in lower case, what eSpeak NG reads right for them)
    static let phrases: [(String, String, String)] = [
        ("et", "cetera", "ètsétéra"),
        ("et", "caetera", "ètsétéra"),
        ("et", "al", "ète al"),
    ]

    func repair(_ text: inout SpokenWords) {
        var i = 0
        while i + 1 < text.words.count {
            defer { i += 1 }
            guard text.lower(i) == "et", text.spaceOnly(after: i) else { continue }
            let next = text.lower(i + 1)
            guard let phrase = Self.phrases.first(where: { $0.1 == next }) else { continue }
            // The two words become one, keeping what followed the second.
            text.replace(i, with: phrase.2)
            text.separators[i] = text.separators[i + 1]
            text.words.remove(at: i + 1)
            text.separators.remove(at: i + 1)
        }
    }
}
