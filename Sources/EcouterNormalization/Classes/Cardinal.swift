// SPDX-License-Identifier: GPL-3.0-or-later

/// A number as written: integer digits (thousands groups joined), optional decimals, sign.
struct ParsedNumber {
    /// Token index just after the number.
    var end: Int
    var integer: [UInt8]
    var decimals: [UInt8] = []
    /// "," (virgule) or "." (point).
    var decimalMark: Unicode.Scalar = ","
    var negative = false
    /// The integer value, nil when too long to be read as words.
    var value: UInt64?

    /// Whether the noun that follows takes the plural (from 2 on, as French counts).
    var takesPlural: Bool { (value ?? 2) >= 2 }
    var isWhole: Bool { decimals.isEmpty }
}

extension Verbalizer {
    /// Reads the number starting at number token `i`: "1 234", "1.234.567", "3,5", "3.5".
    func parseNumber(_ i: Int) -> ParsedNumber? {
        guard isNumber(i) else { return nil }
        var integer = digits(i)
        var j = i + 1
        if length(i) <= 3 && integer[0] != 0 {
            // Thousands groups separated by spaces: every group after the first has three digits.
            while isSpace(j) && isNumber(j + 1) && length(j + 1) == 3 && !isPunct(j + 2, "/") {
                integer += digits(j + 1)
                j += 2
            }
            if j == i + 1 {
                // Dotted groups "1.234.567"; not an address or version like "192.168.1.1".
                var k = j
                var groups: [UInt8] = []
                while isPunct(k, ".") && isNumber(k + 1) && length(k + 1) == 3 {
                    groups += digits(k + 1)
                    k += 2
                }
                if k > j && !(isPunct(k, ".") && isNumber(k + 1)) {
                    integer += groups
                    j = k
                }
            }
        }
        var parsed = ParsedNumber(end: j, integer: integer)
        if isNumber(j + 1) && (isPunct(j, ",") || (isPunct(j, ".") && j == i + 1 && !(isPunct(j + 2, ".") && isNumber(j + 3))))
            && !(isPunct(j, ",") && isSpace(j + 1))
        {
            parsed.decimals = digits(j + 1)
            parsed.decimalMark = s[t[j].start]
            parsed.end = j + 2
        }
        parsed.value = Self.value(of: integer)
        return parsed
    }

    static func value(of digits: [UInt8]) -> UInt64? {
        var start = 0
        while start < digits.count - 1 && digits[start] == 0 { start += 1 }
        guard digits.count - start <= 15 else { return nil }
        var v: UInt64 = 0
        for d in digits[start...] { v = v * 10 + UInt64(d) }
        return v
    }

    /// The words of a whole number; leading zeros and very long runs are read digit by digit.
    func integerWords(_ digits: [UInt8], value: UInt64?, gender: Gender) -> String {
        if digits.count > 1 && digits[0] == 0 { return numbers.digitByDigit(digits) }
        guard let value else { return longDigits(digits) }
        return numbers.cardinal(value, gender: gender)
    }

    /// A digit run too long for words: read in groups of three so the listener can follow.
    func longDigits(_ digits: [UInt8]) -> String {
        var out = ""
        var k = 0
        while k < digits.count {
            let end = min(k + 3, digits.count)
            if !out.isEmpty { out += " " }
            let group = Array(digits[k..<end])
            out += group[0] == 0 || group.count < 3 ? numbers.digitByDigit(group) : numbers.cardinal(Self.value(of: group)!)
            k = end
        }
        return out
    }

    /// The digits after the decimal mark: leading zeros as "zéro", then up to three digits as one number,
    /// longer runs in pairs ("24,1313" → "treize treize").
    func decimalWords(_ digits: [UInt8]) -> String {
        var parts: [String] = []
        var k = 0
        while k < digits.count - 1 && digits[k] == 0 {
            parts.append("zéro")
            k += 1
        }
        let rest = Array(digits[k...])
        if rest.count <= 3 {
            parts.append(numbers.cardinal(Self.value(of: rest)!))
        } else if rest.count > 60 {
            parts.append(numbers.digitByDigit(rest))
        } else {
            var p = 0
            while p < rest.count {
                let end = min(p + 2, rest.count)
                let pair = Array(rest[p..<end])
                parts.append(pair[0] == 0 ? numbers.digitByDigit(pair) : numbers.cardinal(Self.value(of: pair)!))
                p = end
            }
        }
        return parts.joined(separator: " ")
    }

    /// The full reading of a parsed number ("moins trois virgule cinq").
    func numberWords(_ n: ParsedNumber, gender: Gender = .masculine) -> String {
        var words = n.negative ? "moins " : ""
        words += integerWords(n.integer, value: n.value, gender: n.isWhole ? gender : .masculine)
        if n.decimalMark == ".", n.integer == [4, 9], n.decimals == [3] {
            // The constitution's article 49.3 is said "quarante-neuf trois".
            return words + " trois"
        }
        if !n.isWhole {
            words += n.decimalMark == "," ? " virgule " : " point "
            words += decimalWords(n.decimals)
        }
        return words
    }

    /// The gender of the noun after token index `end` ("21 pages" → feminine).
    func nounGender(after end: Int) -> Gender {
        guard isSpace(end), isWord(end + 1), length(end + 1) <= 18 else { return .masculine }
        let word = lowerText(end + 1)
        // "21 pages", "21 manifestations" (listed, or a feminine ending such as -tion).
        if FeminineNouns.isFeminine(word) { return .feminine }
        // "21 nouvelles pages", "1 petite-fille": a feminine adjective shows the noun is feminine.
        if FeminineNouns.isAdjective(word) { return .feminine }
        return .masculine
    }

    /// Reads a plain number and what may follow it (a unit, a currency, "%", an ordinal suffix…).
    mutating func matchNumberExpression(_ i: Int, negative: Bool) -> Int? {
        guard var n = parseNumber(i) else { return nil }
        n.negative = negative
        // Set on every way out below: the rule's piece is named by the reading that fired.
        numberReading = nil
        // Each reading names itself for `normalize --explain` (``NumberReading``).
        if let j = matchOrdinal(n) { return read(.ordinal, j) }
        if let j = matchEnumerationMark(i, n) { return read(.ordinal, j) }
        if let j = matchPercent(n) { return read(.percent, j) }
        if let j = matchCupRound(i, n) { return read(.cupRound, j) }
        if let j = matchFraction(n) { return read(.fraction, j) }
        if let j = matchRatio(n) { return read(.ratio, j) }
        if let j = matchMoney(n) { return read(.money, j) }
        if let j = matchDecadeSuffix(i, n) { return read(.decade, j) }
        if let j = matchMeasure(n) { return read(.measure, j) }
        if let j = matchNamedHyphenPair(n) { return read(.namedPair, j) }
        if let j = matchRange(n) { return read(.range, j) }
        if let j = matchDecade(i, n) { return read(.decade, j) }
        numberReading = !n.isWhole ? .decimal : Self.looksLikeYear(i, n) ? .year : .cardinal
        var gender = nounGender(after: n.end)
        // "21 rue des Lilas", "31 avenue Foch": a feminine noun left in the singular after a number above
        // one is not what is counted; the number is a house number or a label, said in the masculine.
        if gender == .feminine, n.takesPlural, nounIsSingular(after: n.end) { gender = .masculine }
        // "au 1 place de la Bourse": the house number 1 before a street type after "au"/"du".
        if gender == .feminine, n.value == 1, isHouseNumber(n) { gender = .masculine }
        if Self.endsWithOne(n), let counted = partitiveGender(n) {
            // "21 des 41 étapes", "21 de leurs 31 dernières courses": a part of what the next number counts.
            gender = counted
        } else if Self.endsWithOne(n), standsForCountedNoun(n, from: i) {
            // "16 médailles d'or, dont 1 en judo", "21 voix contre 201", "…, 21 ont voté": the number
            // stands for the noun counted before, whose gender it takes.
            gender = lastCountedGender
        } else if isSpace(n.end), isWord(n.end + 1) {
            lastCountedGender = gender
            countedNounSeen = true
        }
        say(numberWords(n, gender: gender))
        return n.end
    }

    /// Words after which a number with no noun of its own counts the noun counted just before:
    /// "16 médailles, dont 1 en judo", "21 voix contre 201", "12 pages sur 21", "3 buts à 1", "soit 21 de plus".
    static let elidedNounLinks: Set<String> = ["dont", "contre", "sur", "à", "et", "ou", "soit"]

    /// Words that may follow such a number without being its noun.
    static let wordsAfterElidedNoun: Set<String> = [
        "en", "à", "au", "aux", "de", "du", "des", "d", "pour", "sur", "par", "dans", "chez", "avec", "seulement",
        "et", "ou", "contre", "l", "la", "le", "les", "lors", "il", "elle", "ils", "elles", "selon",
    ]

    /// Notes which reading of a number fired, and passes on where it ended.
    @inline(__always)
    mutating func read(_ reading: NumberReading, _ end: Int) -> Int {
        numberReading = reading
        return end
    }

    /// Whether the whole number at token `i` is written like a year: four digits from 1000 to 2199 in one
    /// token ("2024", not "2 024").
    static func looksLikeYear(_ i: Int, _ n: ParsedNumber) -> Bool {
        guard n.end == i + 1, n.integer.count == 4, let v = n.value else { return false }
        return (1000...2199).contains(v)
    }

    /// Whether number `n` (starting at token `i`) has no noun of its own and stands for the noun counted
    /// before (`lastCountedGender` holds that noun's gender): after one of ``elidedNounLinks`` with no
    /// noun after it, or, once a noun was counted in the sentence, before a verb or a closing « pour » /
    /// « contre » (``wordsAfterCountingPronoun``: "41 communes…, 21 ont voté", "201 voix pour, 121 contre").
    func standsForCountedNoun(_ n: ParsedNumber, from i: Int) -> Bool {
        let linked = i >= 2 && isSpace(i - 1) && isWord(i - 2) && Self.elidedNounLinks.contains(lowerText(i - 2))
        guard isSpace(n.end), isWord(n.end + 1) else { return linked }
        let next = lowerText(n.end + 1)
        if linked && Self.wordsAfterElidedNoun.contains(next) { return true }
        guard countedNounSeen else { return false }
        if Self.wordsAfterCountingPronoun.contains(next) { return true }
        // "121 contre." / "201 voix pour, 121 contre" / "…, 251 contre et 21 abstentions": the vote itself,
        // nothing counted after it (a clause's end, or « et » and the next count).
        guard next == "contre" || next == "pour" else { return false }
        return n.end + 2 >= t.count || kind(n.end + 2) == .punct || (isSpace(n.end + 2) && isText(n.end + 3, "et"))
    }

    /// Verbs a number used as a pronoun is the subject of ("21 ont voté", "3 sont partis").
    static let wordsAfterCountingPronoun: Set<String> = [
        "ont", "sont", "étaient", "avaient", "seront", "auront", "furent", "restent", "demeurent", "ont-ils", "ont-elles",
    ]

    /// The gender of what a part is taken from: "21 des 41 étapes", "1 de ses 3 filles" (the noun after
    /// the second number), or nil when the number is not followed by « de/des [possessive] number noun ».
    func partitiveGender(_ n: ParsedNumber) -> Gender? {
        guard isSpace(n.end), isText(n.end + 1, "des") || isText(n.end + 1, "de"), isSpace(n.end + 2) else { return nil }
        var k = n.end + 3
        if isWord(k), Self.possessives.contains(lowerText(k)), isSpace(k + 1) { k += 2 }
        guard isNumber(k), let m = parseNumber(k), isSpace(m.end), isWord(m.end + 1) else { return nil }
        return nounGender(after: m.end)
    }

    static let possessives: Set<String> = ["leurs", "ses", "nos", "vos", "mes", "tes", "ces"]

    /// Whether a whole number ends in "un" (1, 21, 201…: the only ones whose reading has a gender).
    static func endsWithOne(_ n: ParsedNumber) -> Bool {
        guard n.isWhole, let v = n.value else { return false }
        return v % 10 == 1 && v % 100 != 11
    }

    /// Kinds of street a house number comes before ("au 1 rue", "du 1 place").
    static let streetTypes: Set<String> = [
        "rue", "avenue", "place", "allée", "impasse", "route", "chaussée", "esplanade", "promenade", "cité",
        "résidence", "voie", "ruelle", "venelle", "traverse", "montée", "corniche", "rocade",
    ]

    /// Whether the number `n` stands after "au"/"du" before a street type: an address, not a count.
    func isHouseNumber(_ n: ParsedNumber) -> Bool {
        let start = n.end - 1
        guard start >= 2, isSpace(start - 1), isSpace(n.end), isWord(n.end + 1),
            ["au", "du"].contains(lowerText(start - 2))
        else { return false }
        return Self.streetTypes.contains(lowerText(n.end + 1))
    }

    /// Whether the word after token index `end` has no plural mark (s, x, z) at its end.
    func nounIsSingular(after end: Int) -> Bool {
        guard isSpace(end), isWord(end + 1) else { return false }
        let last = s[t[end + 1].end - 1]
        return last != "s" && last != "x" && last != "z"
    }

    /// "-3", "−3", "+5": a sign glued to a number at the start of a word.
    mutating func matchSigned(_ i: Int) -> Int? {
        guard isNumber(i + 1), i == 0 || isSpace(i - 1) || isPunct(i - 1, "(") || isPunct(i - 1, "[") else { return nil }
        let c = first(i)
        if c == "-" || c == "−" {
            return matchNumberExpression(i + 1, negative: true)
        }
        if c == "+" {
            if let j = matchPhone(i) { return j }
            say("plus")
            return matchNumberExpression(i + 1, negative: false)
        }
        return nil
    }
}
