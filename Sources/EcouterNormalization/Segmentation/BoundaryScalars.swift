// SPDX-License-Identifier: GPL-3.0-or-later

/// The roles a Unicode scalar can play around a sentence boundary.
enum BoundaryScalars {
    /// White space (Unicode White_Space: spaces, no-break spaces, tabs, line breaks).
    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value == 0x20 || (s.value >= 0x09 && s.value <= 0x0D) }
        return s.properties.isWhitespace
    }

    /// White space that does not break a line.
    static func isHorizontalSpace(_ s: Unicode.Scalar) -> Bool {
        isSpace(s) && !isLineBreak(s)
    }

    /// Scalars that end a line. `\r` counts; a `\r\n` pair is counted once by the caller.
    static func isLineBreak(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": return true
        default: return false
        }
    }

    /// Scalars that end a paragraph on their own.
    static func isParagraphBreak(_ s: Unicode.Scalar) -> Bool {
        s == "\u{0C}" || s == "\u{2029}"
    }

    /// Sentence-final punctuation.
    static func isTerminator(_ s: Unicode.Scalar) -> Bool {
        isPeriod(s) || isEllipsis(s) || isQuestionOrExclamation(s)
    }

    static func isPeriod(_ s: Unicode.Scalar) -> Bool {
        s == "." || s == "\u{3002}" || s == "\u{FF0E}"
    }

    static func isEllipsis(_ s: Unicode.Scalar) -> Bool { s == "\u{2026}" }

    static func isQuestionOrExclamation(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "?", "!", "\u{203C}", "\u{2047}", "\u{2048}", "\u{2049}", "\u{FF01}", "\u{FF1F}": return true
        default: return false
        }
    }

    /// Punctuation that closes what the sentence opened; it stays with the sentence.
    static func isCloser(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case ")", "]", "}", "\u{BB}", "\u{201D}", "\u{2019}", "\"", "'", "\u{203A}", "\u{300D}", "\u{300F}":
            return true
        default: return false
        }
    }

    /// Footnote calls written after a sentence's final punctuation.
    static func isFootnoteMark(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "*", "\u{2020}", "\u{2021}", "\u{B9}", "\u{B2}", "\u{B3}", "\u{2070}"..."\u{2079}": return true
        default: return false
        }
    }

    /// Punctuation that opens a quotation or a parenthesis.
    static func isOpener(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "(", "[", "{", "\u{AB}", "\u{201C}", "\u{2018}", "\u{201E}", "\u{201A}", "\"", "'", "\u{2039}",
            "\u{300C}", "\u{300E}":
            return true
        default: return false
        }
    }

    /// Marks that may begin a list item or a line of dialogue.
    static func isBullet(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "-", "*", "+", "\u{2013}", "\u{2014}", "\u{2022}", "\u{00B7}", "\u{25E6}", "\u{2023}", "\u{25AA}",
            "\u{25A0}", "\u{25A1}", "\u{25CF}", "\u{25CB}", "\u{25BA}", "\u{25B6}", "\u{2713}", "\u{2714}",
            "\u{2192}", "\u{2043}", "\u{2212}":
            return true
        default: return false
        }
    }

    /// Marks that, ending a line, say the sentence goes on on the next line.
    static func continuesOnNextLine(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case ",", ";", ":", "(", "[", "{", "\u{AB}", "\u{201C}", "-", "\u{2010}", "\u{2013}", "\u{2014}", "&",
            "/", "+", "=", "'", "\u{2019}":
            return true
        default: return false
        }
    }

    /// A scalar that attaches to the previous one inside a grapheme; a forced cut must not fall before it.
    static func isGraphemeExtender(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x300 { return false }
        return s.properties.isGraphemeExtend || s == "\u{200D}" || s.properties.isVariationSelector
            || s.properties.generalCategory == .spacingMark
    }

    /// Roman numeral letters, for section numbers such as "II.".
    static func isRomanDigit(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "I", "V", "X", "L", "C", "D", "M": return true
        default: return false
        }
    }

    static func isASCIIDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    static func isUppercase(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value >= 0x41 && s.value <= 0x5A }
        return s.properties.isUppercase || s.properties.generalCategory == .titlecaseLetter
    }

    static func isLowercase(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value >= 0x61 && s.value <= 0x7A }
        return s.properties.isLowercase
    }

    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return (s.value | 0x20) >= 0x61 && (s.value | 0x20) <= 0x7A }
        return s.properties.isAlphabetic
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return isASCIIDigit(s) }
        return s.properties.generalCategory == .decimalNumber
    }

    /// French vowels (with their accented forms), to recognize consonant-only abbreviations.
    static func isVowel(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "a", "e", "i", "o", "u", "y", "A", "E", "I", "O", "U", "Y",
            "à", "â", "ä", "é", "è", "ê", "ë", "î", "ï", "ô", "ö", "ù", "û", "ü", "ÿ", "æ", "œ",
            "À", "Â", "Ä", "É", "È", "Ê", "Ë", "Î", "Ï", "Ô", "Ö", "Ù", "Û", "Ü", "Ÿ", "Æ", "Œ":
            return true
        default: return false
        }
    }
}
