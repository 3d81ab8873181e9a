// SPDX-License-Identifier: GPL-3.0-or-later

/// Fractions: "1/2" → "un demi", "3/4" → "trois quarts", "1 1/2" → "un et demi", "½".
enum FractionWords {
    /// Vulgar fraction glyphs as (numerator, denominator).
    static let glyphs: [Unicode.Scalar: (UInt64, UInt64)] = [
        "½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4), "⅕": (1, 5), "⅖": (2, 5),
        "⅗": (3, 5), "⅘": (4, 5), "⅙": (1, 6), "⅚": (5, 6), "⅛": (1, 8), "⅜": (3, 8), "⅝": (5, 8),
        "⅞": (7, 8), "⅐": (1, 7), "⅑": (1, 9), "⅒": (1, 10),
    ]
    /// A bit test in front of ``glyphs``.
    static let glyphKeys = ScalarFilter(glyphs.keys)

    /// Words before a mark out of 10 or 20.
    static let gradeWords: Set<String> = [
        "note", "notes", "noté", "notée", "notés", "notées", "obtenu", "obtenue", "obtient", "moyenne", "mérite",
    ]

    /// The denominator word, or nil when a fraction of this size is read "sur".
    static func denominator(_ d: UInt64, plural: Bool, numbers: FrenchNumbers) -> String? {
        switch d {
        case 2: return plural ? "demis" : "demi"
        case 3: return "tiers"
        case 4: return plural ? "quarts" : "quart"
        case 5...10, 100, 1000:
            let w = numbers.ordinal(d)
            return plural ? w + "s" : w
        default: return nil
        }
    }

    static func words(_ num: UInt64, _ den: UInt64, numbers: FrenchNumbers) -> String {
        // "7/7", "20/20": a whole, said "sept sur sept" (never "sept septièmes").
        if num <= 10, num != den, let d = denominator(den, plural: num >= 2, numbers: numbers), num > 0 {
            return numbers.cardinal(num) + " " + d
        }
        return numbers.cardinal(num) + " sur " + numbers.cardinal(den)
    }
}

extension Verbalizer {
    /// Cup rounds: "1/8e de finale" → "huitième de finale", "les 1/4 de finale" → "les quarts de finale",
    /// "1/2 finale" → "demi-finale". The "1/" is never said.
    mutating func matchCupRound(_ i: Int, _ n: ParsedNumber) -> Int? {
        guard n.isWhole, n.value == 1, !n.negative, isPunct(n.end, "/"), isNumber(n.end + 1), let den = value(n.end + 1),
            [2, 4, 8, 16, 32].contains(den)
        else { return nil }
        var k = n.end + 2
        if isWord(k), isText(k, "e") || isText(k, "es") || isText(k, "ème") || isText(k, "èmes") || isText(k, "ᵉ") { k += 1 }
        guard isSpace(k) else { return nil }
        let deFinale = isText(k + 1, "de") && isSpace(k + 2) && isTextIgnoringCase(k + 3, "finale")
        let finale = isTextIgnoringCase(k + 1, "finale") || isTextIgnoringCase(k + 1, "finales")
        guard deFinale || finale else { return nil }
        let plural = i >= 2 && isSpace(i - 1) && ["les", "des", "aux", "ces"].contains(lowerText(i - 2))
        if finale {
            guard den == 2 else { return nil }
            say("demi-")
            return k + 1
        }
        let word = den == 2 ? "demi" : den == 4 ? "quart" : numbers.ordinal(den)
        say(plural ? word + "s" : word)
        return k
    }

    /// Whether "a/b" at number token `i` is a tennis set score: both at most 7, one of them 6 or 7, and a
    /// winning score (a > b) or another set score next to it ("4/6, 6/3").
    func isSetScore(_ i: Int, _ a: UInt64, _ b: UInt64) -> Bool {
        guard a <= 7, b <= 7, a == 6 || a == 7 || b == 6 || b == 7, a != b else { return false }
        if a > b { return true }
        func slashScore(_ k: Int) -> Bool { isNumber(k) && length(k) == 1 && isPunct(k + 1, "/") && isNumber(k + 2) && length(k + 2) == 1 }
        // ", 6/3" after, or "6/3, " before.
        return (isPunct(i + 3, ",") && isSpace(i + 4) && slashScore(i + 5)) || (isSpace(i - 1) && isPunct(i - 2, ",") && slashScore(i - 5))
    }

    /// Whether the word before number token `i` announces a mark out of 10 or 20 ("noté 7/10", "une note de 12/20").
    func followsGradeWord(_ i: Int) -> Bool {
        var k = i - 1
        guard isSpace(k) else { return false }
        k -= 1
        if isWord(k), isText(k, "de") || isText(k, "à") || isText(k, "d") { k -= isSpace(k - 1) ? 2 : 1 }
        if isPunct(k, "'") { k -= 1 }
        guard isWord(k), length(k) <= 8 else { return false }
        return FractionWords.gradeWords.contains(lowerText(k))
    }

    mutating func matchFraction(_ n: ParsedNumber) -> Int? {
        guard n.isWhole, let whole = n.value else { return nil }
        let sign = n.negative ? "moins " : ""
        // "noté 7/10", "une note de 10/10": a mark, "sept sur dix".
        if isPunct(n.end, "/"), isNumber(n.end + 1), endsWord(n.end + 1), let den = value(n.end + 1), den == 10 || den == 20,
            n.integer.count <= 2, followsGradeWord(n.end - 1)
        {
            say(sign + numbers.cardinal(whole) + " sur " + numbers.cardinal(den))
            return n.end + 2
        }
        // "6/4, 6/3, 7/6": set scores, "six-quatre".
        if !n.negative, n.integer.count == 1, isPunct(n.end, "/"), isNumber(n.end + 1), length(n.end + 1) == 1, endsWord(n.end + 1),
            let den = value(n.end + 1), isSetScore(n.end - 1, whole, den)
        {
            say(numbers.cardinal(whole) + "-" + numbers.cardinal(den))
            return n.end + 2
        }
        // "1/2", "3/4", "20/20"
        if isPunct(n.end, "/"), isNumber(n.end + 1), endsWord(n.end + 1), n.integer.count <= 3, length(n.end + 1) <= 4,
            !isPunct(n.end + 2, "/"), let den = value(n.end + 1), den > 0
        {
            say(sign + FractionWords.words(whole, den, numbers: numbers))
            return n.end + 2
        }
        // "1 1/2", "4 2/4": a whole part then a proper fraction.
        if isSpace(n.end), isNumber(n.end + 1), isPunct(n.end + 2, "/"), isNumber(n.end + 3), endsWord(n.end + 3),
            let num = value(n.end + 1), let den = value(n.end + 3), num < den, den <= 10, num > 0
        {
            let part = num == 1 && den == 2 ? "demi" : FractionWords.words(num, den, numbers: numbers)
            say(sign + numbers.cardinal(whole) + " et " + part)
            return n.end + 4
        }
        // "1½"
        if kind(n.end) == .punct, FractionWords.glyphKeys.contains(first(n.end)), let (num, den) = FractionWords.glyphs[first(n.end)] {
            let part = num == 1 && den == 2 ? "demi" : FractionWords.words(num, den, numbers: numbers)
            say(sign + numbers.cardinal(whole) + " et " + part)
            return n.end + 1
        }
        return nil
    }

    /// A fraction glyph on its own: "½" → "un demi".
    mutating func matchFractionGlyph(_ i: Int) -> Int? {
        guard FractionWords.glyphKeys.contains(first(i)), let (num, den) = FractionWords.glyphs[first(i)] else { return nil }
        if num == 1, den == 2, let j = matchHalfInContext(i) { return j }
        say(FractionWords.words(num, den, numbers: numbers))
        return i + 1
    }
}

extension Verbalizer {
    /// "½" inside a phrase: after a counted noun it adds a half ("2 h ½", "3 ans ½" → "et demie", "et
    /// demi", agreeing with the noun); between a determiner and a noun it is the prefix "demi-"
    /// ("une ½ journée" → "une demi-journée").
    mutating func matchHalfInContext(_ i: Int) -> Int? {
        if i >= 4, isSpace(i - 1), isWord(i - 2), isSpace(i - 3), isNumber(i - 4), endsWord(i) {
            let noun = lowerText(i - 2)
            let feminine = noun == "h" || FeminineNouns.isFeminine(noun)
            say(feminine ? "et demie" : "et demi")
            return i + 1
        }
        if i >= 2, isSpace(i - 1), isWord(i - 2), isSpace(i + 1), isWord(i + 2), !Tokenizer.isUpper(first(i + 2)) {
            say("demi-")
            return i + 2
        }
        return nil
    }

    /// A ratio "3:1" → "trois contre un" (a clock time has two digits after the colon).
    mutating func matchRatio(_ n: ParsedNumber) -> Int? {
        guard n.isWhole, !n.negative, let value = n.value, isPunct(n.end, ":"), isNumber(n.end + 1), length(n.end + 1) == 1,
            endsWord(n.end + 1), !isPunct(n.end + 2, ":"), let other = self.value(n.end + 1)
        else { return nil }
        say(numbers.cardinal(value) + " contre " + numbers.cardinal(other))
        return n.end + 2
    }
}
