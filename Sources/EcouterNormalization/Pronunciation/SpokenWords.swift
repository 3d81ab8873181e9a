// SPDX-License-Identifier: GPL-3.0-or-later

/// Spoken text cut into words and the separators between them, for the pronunciation repairs.
///
/// A word is a run of letters or digits; everything else (spaces, hyphens, apostrophes, punctuation)
/// is kept in the separator that follows it, so joining words and separators gives the text back
/// exactly. `[[phonemes]]` spans from a lexicon stay whole inside a separator: no repair looks into them.
struct SpokenWords {
    /// The text before the first word.
    var lead: String
    var words: [String]
    /// `separators[i]` follows `words[i]`.
    var separators: [String]

    init(_ text: String) {
        var lead = ""
        var words: [String] = []
        var separators: [String] = []
        var word = String.UnicodeScalarView()
        var gap = String.UnicodeScalarView()
        // The gap collected so far belongs before the word that starts now.
        func closeGap() {
            if words.isEmpty { lead = String(gap) } else { separators[separators.count - 1] = String(gap) }
            gap = String.UnicodeScalarView()
        }
        func closeWord() {
            guard !word.isEmpty else { return }
            words.append(String(word))
            separators.append("")
            word = String.UnicodeScalarView()
        }
        let s = Array(text.unicodeScalars)
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "[", i + 1 < s.count, s[i + 1] == "[" {
                closeWord()
                // The phoneme span, up to its closing "]]" (or the end), is separator text.
                var k = i + 2
                while k < s.count, !(s[k] == "]" && k + 1 < s.count && s[k + 1] == "]") { k += 1 }
                let end = min(k + 2, s.count)
                gap.append(contentsOf: s[i..<end])
                i = end
                continue
            }
            if Tokenizer.isLetter(c) || Tokenizer.isDigit(c) {
                if word.isEmpty { closeGap() }
                word.append(c)
            } else {
                closeWord()
                gap.append(c)
            }
            i += 1
        }
        closeWord()
        closeGap()
        self.lead = lead
        self.words = words
        self.separators = separators
    }

    var text: String {
        var out = lead
        for (word, separator) in zip(words, separators) {
            out += word
            out += separator
        }
        return out
    }

    /// The word at `index` in lower case, or "" outside the text.
    func lower(_ index: Int) -> String {
        guard words.indices.contains(index) else { return "" }
        return String(String.UnicodeScalarView(words[index].unicodeScalars.map(Tokenizer.lower)))
    }

    /// True when the separator after `index` is spaces only: the next word is said in the same breath.
    func spaceOnly(after index: Int) -> Bool {
        guard separators.indices.contains(index), index + 1 < words.count else { return false }
        let gap = separators[index]
        return !gap.isEmpty && gap.unicodeScalars.allSatisfy { $0 == " " }
    }

    /// Replaces the word at `index`, keeping a capital first letter.
    mutating func replace(_ index: Int, with lowerCased: String) {
        let old = words[index]
        if let first = old.unicodeScalars.first, Tokenizer.isUpper(first), let newFirst = lowerCased.first {
            words[index] = newFirst.uppercased() + lowerCased.dropFirst()
        } else {
            words[index] = lowerCased
        }
    }
}
