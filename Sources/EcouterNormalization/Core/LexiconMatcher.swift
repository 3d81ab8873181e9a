// SPDX-License-Identifier: GPL-3.0-or-later

/// Finds lexicon entries in the token stream: whole words, longest entry first.
///
/// Case-aware: an entry written in lower case matches the word in any case ("paris" matches "Paris");
/// an entry with capitals matches only that exact spelling ("Macron" does not match "macron").
package struct LexiconMatcher: Sendable {
    struct Candidate: Sendable {
        var written: [Unicode.Scalar]
        var spoken: String
        var ignoringCase: Bool
    }
    /// Candidates keyed by their first word, exact spelling (or lowercased for case-free entries).
    private var byFirstWord: [String: [Candidate]] = [:]
    /// A bit per hash of the lower-cased first word of the entries: most words of a text are ruled out
    /// with one array read, without building a String (the dictionary look-up would otherwise cost more
    /// than all the other rules together).
    private var prefilter = [UInt64](repeating: 0, count: 1024)
    package var isEmpty: Bool { byFirstWord.isEmpty }

    /// A 16-bit FNV-1a hash of `scalars` lower-cased.
    @inline(__always)
    private static func bit<C: Collection>(_ scalars: C) -> Int where C.Element == Unicode.Scalar {
        var h: UInt32 = 2_166_136_261
        for c in scalars {
            h = (h ^ Tokenizer.lower(c).value) &* 16_777_619
        }
        return Int((h ^ (h >> 16)) & 0xFFFF)
    }

    /// False when no entry can start with the word `scalars` (any case).
    @inline(__always)
    package func mightMatch(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        let b = Self.bit(scalars)
        return prefilter[b >> 6] & (1 << UInt64(b & 63)) != 0
    }

    /// ``mightMatch(_:)`` for the word `s[from..<to]`, without making a slice.
    @inline(__always)
    func mightMatch(_ s: [Unicode.Scalar], _ from: Int, _ to: Int) -> Bool {
        var h: UInt32 = 2_166_136_261
        var k = from
        while k < to {
            h = (h ^ Tokenizer.lower(s[k]).value) &* 16_777_619
            k += 1
        }
        let b = Int((h ^ (h >> 16)) & 0xFFFF)
        return prefilter[b >> 6] & (1 << UInt64(b & 63)) != 0
    }

    package init(_ lexicon: Lexicon) {
        for entry in lexicon.entries {
            let written = Array(entry.written.unicodeScalars)
            guard let firstChar = written.first, Tokenizer.isLetter(firstChar) || Tokenizer.isDigit(firstChar) else { continue }
            let ignoringCase = !written.contains(where: Tokenizer.isUpper)
            var key = ""
            for c in written {
                guard Tokenizer.isLetter(c) || Tokenizer.isDigit(c) else { break }
                key.unicodeScalars.append(c)
            }
            // A spoken side never spans lines: the output is one line.
            // (Checked by scalar first: splitting by Characters cost most of building the matcher.)
            let spoken = entry.spoken.unicodeScalars.contains(where: Self.isNewline)
                ? entry.spoken.split(whereSeparator: \.isNewline).joined(separator: " ") : entry.spoken
            byFirstWord[key, default: []].append(Candidate(written: written, spoken: spoken, ignoringCase: ignoringCase))
            let b = Self.bit(key.unicodeScalars)
            prefilter[b >> 6] |= 1 << UInt64(b & 63)
        }
        for key in byFirstWord.keys {
            byFirstWord[key]!.sort { $0.written.count > $1.written.count }
        }
    }

    /// The scalars that start a `Character` whose `isNewline` is true.
    private static func isNewline(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// The entry matching at `offset` of `s` whose first word is `word` / `lowerWord`, and the scalar end.
    func match(_ s: [Unicode.Scalar], at offset: Int, word: String, lowerWord: () -> String) -> (String, Int)? {
        if let found = search(byFirstWord[word], s, offset, exactFirst: true) { return found }
        let lower = lowerWord()
        if lower != word, let found = search(byFirstWord[lower], s, offset, exactFirst: false) { return found }
        return nil
    }

    /// The spoken side of the one-word entry that `word` is, whole (its exact spelling first, then a
    /// lower-case entry), or nil: for words found inside another, like the parts of a camel-case hashtag.
    func spoken(forWord word: [Unicode.Scalar]) -> String? {
        guard !word.isEmpty, mightMatch(word[...]) else { return nil }
        var exact = ""
        exact.unicodeScalars.append(contentsOf: word)
        if let found = search(byFirstWord[exact], word, 0, exactFirst: true) { return found.0 }
        let lower = exact.lowercased()
        if lower != exact, let found = search(byFirstWord[lower], word, 0, exactFirst: false) { return found.0 }
        return nil
    }

    private func search(_ candidates: [Candidate]?, _ s: [Unicode.Scalar], _ offset: Int, exactFirst: Bool) -> (String, Int)? {
        guard let candidates else { return nil }
        for c in candidates {
            if !exactFirst && !c.ignoringCase { continue }
            let end = offset + c.written.count
            guard end <= s.count else { continue }
            var ok = true
            for (k, w) in c.written.enumerated() {
                let x = s[offset + k]
                if x != w && !(c.ignoringCase && Tokenizer.lower(x) == w) { ok = false; break }
            }
            guard ok else { continue }
            if end < s.count && (Tokenizer.isLetter(s[end]) || Tokenizer.isDigit(s[end])) { continue }
            return (c.spoken, end)
        }
        return nil
    }
}

extension Verbalizer {
    /// Whether the scalar at `end` goes on into a web or e-mail address (« redaction@lemonde.fr »,
    /// « interieur.gouv.fr »): "@", or "." then a letter or digit. The address rule reads the whole of it
    /// (the lexicon still respells its words before synthesis); a match here would cut it in two.
    static func beginsAddress(_ s: [Unicode.Scalar], at end: Int) -> Bool {
        guard end < s.count else { return false }
        if s[end] == "@" { return true }
        return s[end] == "." && end + 1 < s.count && (Tokenizer.isLetter(s[end + 1]) || Tokenizer.isDigit(s[end + 1]))
    }

    /// Lexicon entries come first: their spoken side is written untouched (it may be `[[phonemes]]`).
    mutating func matchLexicon(_ i: Int) -> Int? {
        guard !lexicon.isEmpty, lexicon.mightMatch(s, t[i].start, t[i].end) else { return nil }
        // Only at the start of a word, so "Paris" in "Saint-Paris" still matches but not inside a word.
        guard let (spoken, end) = lexicon.match(s, at: t[i].start, word: text(i), lowerWord: { lowerText(i) }),
            !Self.beginsAddress(s, at: end), let after = tokenIndex(atScalar: end, from: i)
        else { return nil }
        sayVerbatim(spoken)
        return after
    }
}
