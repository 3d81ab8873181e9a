// SPDX-License-Identifier: GPL-3.0-or-later

/// A run of the cleaned text: a word (letters), a number (ASCII digits), a space or one other scalar.
/// Positions are offsets into the cleaned scalar array, so every token keeps its source range.
package struct Token: Sendable, Equatable {
    package enum Kind: UInt8, Sendable { case word, number, space, punct }
    package var kind: Kind
    package var start: Int
    package var end: Int
}

/// Splits cleaned scalars into tokens in one linear pass.
package enum Tokenizer {
    package static func tokenize(_ s: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(s.count / 3 + 1)
        var i = 0
        let n = s.count
        while i < n {
            let c = s[i]
            let kind: Token.Kind
            var j = i + 1
            if isDigit(c) {
                kind = .number
                while j < n && isDigit(s[j]) { j += 1 }
            } else if isLetter(c) {
                kind = .word
                while j < n && isLetter(s[j]) { j += 1 }
            } else if c == " " {
                kind = .space
            } else {
                kind = .punct
            }
            tokens.append(Token(kind: kind, start: i, end: j))
            i = j
        }
        return tokens
    }

    @inline(__always)
    package static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value &- 48 < 10 }

    @inline(__always)
    package static func isLetter(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v | 0x20) &- 97 < 26 }
        if v == 0xAA || v == 0xBA { return true }  // ª º ordinal indicators
        if v < 0xC0 || v == 0xD7 || v == 0xF7 { return false }
        if v < 0x250 { return true }  // Latin-1 and Latin Extended letters
        let p = c.properties
        return p.isAlphabetic || p.generalCategory == .nonspacingMark || p.generalCategory == .spacingMark
    }

    @inline(__always)
    package static func isUpper(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v &- 65 < 26 }
        if v < 0xC0 { return false }
        if v < 0xDF { return v != 0xD7 }
        if v < 0x100 { return false }  // ß, à…ÿ and ÷: the rest of Latin-1 has no capital
        return c.properties.isUppercase
    }

    /// Lowercases one scalar (first scalar of its mapping; enough for French letters).
    @inline(__always)
    package static func lower(_ c: Unicode.Scalar) -> Unicode.Scalar {
        let v = c.value
        if v < 0x80 { return v &- 65 < 26 ? Unicode.Scalar(v + 32)! : c }
        if (0xC0...0xDE).contains(v) && v != 0xD7 { return Unicode.Scalar(v + 32)! }
        if v < 0x100 { return c }  // the rest of Latin-1 is lower case already (or no letter)
        return c.properties.lowercaseMapping.unicodeScalars.first ?? c
    }
}
