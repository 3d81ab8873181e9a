// SPDX-License-Identifier: GPL-3.0-or-later
// The French stop-word list is data (voices/stopwords-fr.txt, built in as BuiltInStopWords.swift);
// this file reads it into a set of folded words for the block classifier.

/// French function words, folded (lowercase, no accents), as the block classifier counts them.
enum FrenchStopWords {
    /// The built-in list: one word a line, `#` comments and blank lines ignored.
    static let builtIn: Set<String> = parse(builtInStopWordsText)

    /// The words of a stop-word file.
    static func parse(_ text: String) -> Set<String> {
        var words: Set<String> = []
        for raw in text.split(separator: "\n") {
            let word = TextShape.folded(String(raw))
            if word.isEmpty || word.hasPrefix("#") { continue }
            words.insert(word)
        }
        return words
    }
}
