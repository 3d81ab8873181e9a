// SPDX-License-Identifier: GPL-3.0-or-later

/// Ordinal suffixes glued to a number: 1er, 1re, 1ère, 2e, 2ème, 2nd(e), 3es, 1ᵉʳ, 2ᵉ…
enum OrdinalSuffix {
    /// (suffix, gender, plural, "second" form for 2)
    static let table: [String: (Gender, Bool, Bool)] = {
        var t: [String: (Gender, Bool, Bool)] = [:]
        for m in ["er", "e", "è", "ème", "eme", "ième", "ieme", "éme", "ᵉ", "ᵉʳ", "º"] {
            t[m] = (.masculine, false, false)
        }
        for f in ["re", "ère", "ere", "ʳᵉ", "ière", "iere"] { t[f] = (.feminine, false, false) }
        for m in ["ers", "es", "èmes", "emes", "ièmes", "iemes", "ᵉˢ", "ᵉʳˢ"] { t[m] = (.masculine, true, false) }
        for f in ["res", "ères", "eres", "ʳᵉˢ", "ières"] { t[f] = (.feminine, true, false) }
        t["nd"] = (.masculine, false, true)
        t["d"] = (.masculine, false, true)  // "2d tour"
        t["de"] = (.feminine, false, true)  // "2de"
        t["ds"] = (.masculine, true, true)
        t["nds"] = (.masculine, true, true)
        t["nde"] = (.feminine, false, true)
        t["ndes"] = (.feminine, true, true)
        return t
    }()

    /// A quick pre-check of ``table``'s keys.
    static let keys = WordFilter(table.keys)
}

extension Verbalizer {
    /// "21e" → "vingt et unième", "1re" → "première", "2nde" → "seconde", "3es" → "troisièmes".
    mutating func matchOrdinal(_ n: ParsedNumber) -> Int? {
        guard n.isWhole, !n.negative, let value = n.value, isWord(n.end), endsWord(n.end), length(n.end) <= 5,
            let (gender, plural, second) = OrdinalSuffix.table[lowerText(n.end)]
        else { return nil }
        if second && value != 2 { return nil }
        // "2D" (two dimensions) is not "second": the short forms count only in lower case.
        if second && length(n.end) <= 2 && !isText(n.end, lowerText(n.end)) { return nil }
        // "1e" and "1ème" are read "premier"; "2nd" is "second".
        var words = second ? (gender == .feminine ? "seconde" : "second") : numbers.ordinal(value, gender: gender)
        if plural { words += "s" }
        say(words)
        return n.end + 1
    }

    /// "6°" opening an item, "1° Les personnes…": the numbered points of a legal text, said as ordinals
    /// ("sixième", "premier"). Anywhere else "°" is a degree ("il fait 6°").
    mutating func matchEnumerationMark(_ i: Int, _ n: ParsedNumber) -> Int? {
        guard i == 0, n.isWhole, !n.negative, let v = n.value, (1...99).contains(v), isPunct(n.end, "°") else { return nil }
        let k = n.end + 1
        guard k == t.count || (isSpace(k) && isCapitalized(k + 1) && !isText(k + 1, "C") && !isText(k + 1, "F")) else { return nil }
        say(numbers.ordinal(v))
        return k
    }

    /// "12 %", "12,05 %" → "… pour cent"; "3 ‰" → "… pour mille".
    mutating func matchPercent(_ n: ParsedNumber) -> Int? {
        let k = isSpace(n.end) ? n.end + 1 : n.end
        if isPunct(k, "%") {
            // "3.5 %": an English decimal point in a French percentage is still said "virgule".
            var n = n
            if n.decimalMark == ".", n.decimals.count <= 2, n.integer.count <= 3 { n.decimalMark = "," }
            say(numberWords(n) + " pour cent")
            return k + 1
        }
        if isPunct(k, "‰") {
            say(numberWords(n) + " pour mille")
            return k + 1
        }
        return nil
    }
}
