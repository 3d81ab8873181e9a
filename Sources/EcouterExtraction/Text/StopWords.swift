// SPDX-License-Identifier: GPL-3.0-or-later
// The French stop-word list is data (voices/stopwords-fr.txt, built in as BuiltInStopWords.swift);
// this file reads it into a set of folded words for the block classifier.

/// French function words, folded (lowercase, no accents), as the block classifier counts them.
enum FrenchStopWords {
    /// The built-in list: one word a line, `#` comments and blank lines ignored.
    static let builtIn: Set<String> = parse(builtInStopWordsText)
    /// The same words as hashes of their folded bytes (``WordHash``): what the classifier looks
    /// up, once per word of every block, without building a string.
    static let builtInHashes: Set<UInt64> = Set(builtIn.map { WordHash.of($0) })

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

/// FNV-1a over a word's folded UTF-8 bytes, computed byte by byte as a line is scanned.
enum WordHash {
    static let start: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    static func adding(_ byte: UInt8, to hash: UInt64) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    static func of(_ word: String) -> UInt64 {
        word.utf8.reduce(start) { adding($1, to: $0) }
    }
}
