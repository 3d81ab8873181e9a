// SPDX-License-Identifier: GPL-3.0-or-later

enum Months {
    static let names = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
        "novembre", "décembre",
    ]
    static let nameSet = Set(names)
    /// Abbreviations followed by a period.
    static let abbreviations: [String: String] = [
        "janv": "janvier", "jan": "janvier", "févr": "février", "fév": "février", "fevr": "février",
        "avr": "avril", "juil": "juillet", "sept": "septembre", "oct": "octobre", "nov": "novembre",
        "déc": "décembre", "dec": "décembre",
    ]
}

extension Verbalizer {
    /// Whether token `i` is a month name (any case) or a month abbreviation followed by a period.
    func isMonth(_ i: Int) -> Bool {
        guard isWord(i), length(i) <= 9 else { return false }
        let w = lowerText(i)
        if Months.nameSet.contains(w) { return true }
        return Months.abbreviations[w] != nil && isPunct(i + 1, ".")
    }

    func dayWords(_ day: UInt64) -> String { day == 1 ? "premier" : numbers.cardinal(day) }

    func yearWords(_ i: Int) -> String {
        let v = value(i) ?? 0
        if length(i) == 2 { return v < 10 ? "deux mille " + numbers.cardinal(v) : numbers.cardinal(v) }
        return numbers.cardinal(v)
    }

    /// "02/03/2003", "02.03.2003", "2024-05-03", "17/06", "17.06", "1 janvier", "les 17/18 juin", "1er-3 mai".
    mutating func matchDate(_ i: Int) -> Int? {
        guard length(i) <= 4, let a = value(i) else { return nil }
        // ISO "2024-05-03"
        if length(i) == 4, isPunct(i + 1, "-"), isNumber(i + 2), length(i + 2) == 2, isPunct(i + 3, "-"), isNumber(i + 4),
            length(i + 4) == 2, endsWord(i + 4), let m = value(i + 2), let d = value(i + 4), (1...12).contains(m), (1...31).contains(d)
        {
            say(dayWords(d) + " " + Months.names[Int(m) - 1] + " " + numbers.cardinal(a))
            return i + 5
        }
        guard length(i) <= 2 else { return nil }
        // "d/m/y", "d.m.y", "d-m-y"
        if isAnyPunct(i + 1, "/.-"), isNumber(i + 2), length(i + 2) <= 2, isPunct(i + 3, first(i + 1)), isNumber(i + 4),
            length(i + 4) == 4 || (length(i + 4) == 2 && first(i + 1) != "."), endsWord(i + 4), !isPunct(i + 5, first(i + 1)) || !isNumber(i + 6),
            let m = value(i + 2), (1...12).contains(m), (1...31).contains(a)
        {
            say(dayWords(a) + " " + Months.names[Int(m) - 1] + " " + yearWords(i + 4))
            return i + 5
        }
        // "17/06", "17.06": two-digit month, nothing numeric after.
        if isAnyPunct(i + 1, "/."), isNumber(i + 2), length(i + 2) == 2, endsWord(i + 2),
            !(isAnyPunct(i + 3, "/.,:") && isNumber(i + 4)), length(i) == 2 || (first(i + 1) == "/" && first(i + 2) == "0"),
            let m = value(i + 2), (1...12).contains(m), (1...31).contains(a), !isSpaceThenPercentOrUnit(i + 3),
            !(m == 10 && followsGradeWord(i))
        {
            say(dayWords(a) + " " + Months.names[Int(m) - 1])
            return i + 3
        }
        // "1 janvier", "1er janvier" is an ordinal already.
        if a == 1, isSpace(i + 1), isMonth(i + 2) {
            say("premier")
            return i + 1
        }
        // Day lists before a month: "les 17/18 juin", "17-18-19 juin", "1er-3 mai", "du 3 au 5" is plain.
        return matchDayList(i, first: a)
    }

    private func isSpaceThenPercentOrUnit(_ k: Int) -> Bool {
        (isSpace(k) && isPunct(k + 1, "%")) || isPunct(k, "%")
    }

    private mutating func matchDayList(_ i: Int, first a: UInt64) -> Int? {
        guard (1...31).contains(a) else { return nil }
        var days: [UInt64] = [a]
        var k = i + 1
        var firstIsOrdinal = false
        if isWord(k), isText(k, "er") || isText(k, "ᵉʳ") {
            guard a == 1 else { return nil }
            firstIsOrdinal = true
            k += 1
        }
        var separators: [Unicode.Scalar] = []
        while days.count < 8, isAnyPunct(k, "/-–"), isNumber(k + 1), length(k + 1) <= 2, let d = value(k + 1), (1...31).contains(d) {
            separators.append(first(k))
            days.append(d)
            k += 2
        }
        guard days.count >= 2, isSpace(k), isMonth(k + 1) else { return nil }
        _ = firstIsOrdinal
        var words = dayWords(days[0])
        if days.count == 2 && separators[0] != "/" {
            words += " au " + dayWords(days[1])
        } else {
            for d in days.dropFirst() { words += " " + dayWords(d) }
        }
        say(words)
        return k
    }

    /// "les années 1980" / "années 80" → "quatre-vingt" (the decade, no plural s).
    mutating func matchDecade(_ i: Int, _ n: ParsedNumber) -> Int? {
        guard n.isWhole, let v = n.value, i >= 2, isSpace(i - 1), isWord(i - 2), isTextIgnoringCase(i - 2, "années") else {
            return nil
        }
        var tens: UInt64
        if (1900...1990).contains(v) && v % 10 == 0 {
            tens = v - 1900
        } else if (10...90).contains(v) && v % 10 == 0 && length(i) == 2 {
            tens = v
        } else {
            return nil
        }
        if tens == 0 { tens = 1900 }
        say(tens == 1900 ? "mille neuf cent" : numbers.belowHundred(Int(tens), final: false))
        return n.end
    }

    /// "les 80s", "les 90's", "les 1980s" → "les années quatre-vingt" (not "quatre-vingts secondes").
    mutating func matchDecadeSuffix(_ i: Int, _ n: ParsedNumber) -> Int? {
        guard n.isWhole, let v = n.value, v % 10 == 0 else { return nil }
        var k = n.end
        if isAnyPunct(k, "'’") { k += 1 }
        guard isText(k, "s"), endsWord(k) else { return nil }
        let tens: UInt64
        if length(i) == 2 && (20...90).contains(v) {
            tens = v
        } else if length(i) == 4 && (1920...1990).contains(v) {
            tens = v - 1900
        } else {
            return nil
        }
        let afterAnnees = i >= 2 && isSpace(i - 1) && isTextIgnoringCase(i - 2, "années")
        say((afterAnnees ? "" : "années ") + numbers.belowHundred(Int(tens), final: false))
        return k + 1
    }

    /// "2024-2025" → both years; "3-1", "10-15" → "trois à un", "dix à quinze".
    mutating func matchRange(_ n: ParsedNumber) -> Int? {
        guard isAnyPunct(n.end, "-–"), isNumber(n.end + 1), n.integer.count <= 4, !n.negative else { return nil }
        let secondLength = length(n.end + 1)
        if n.integer.count == 4 && secondLength == 4, n.isWhole {
            say(numberWords(n))
            return n.end + 1
        }
        // A year range written short: "2024-25".
        if n.integer.count == 4 && secondLength == 2, n.isWhole, let v = n.value, (1900...2099).contains(v), endsWord(n.end + 1) {
            say(numberWords(n))
            return n.end + 1
        }
        // Tennis sets listed "6-3, 6-4" are said "six trois, six quatre", without "à".
        let i = n.end - 1
        if isSetScore(i), (isPunct(n.end + 2, ",") && isSpace(n.end + 3) && isSetScore(n.end + 4))
            || (i >= 5 && isSpace(i - 1) && isPunct(i - 2, ",") && isSetScore(i - 5))
        {
            say(numberWords(n))
            return n.end + 1
        }
        // A tie-break in brackets after a set it decided: « 7-6 (7-5) » → « sept six, sept cinq ».
        if i >= 5, isPunct(i - 1, "("), isSpace(i - 2), isSetScore(i - 5), let a = value(i - 5), let b = value(i - 3),
            max(a, b) == 7 && min(a, b) == 6
        {
            say(numberWords(n))
            return n.end + 1
        }
        say(numberWords(n) + " à")
        return n.end + 1
    }

    /// Whether number token `k`, a hyphen and a number spell a tennis set score: one side won six or
    /// seven games, the other at most seven.
    func isSetScore(_ k: Int) -> Bool {
        guard isNumber(k), length(k) == 1, isPunct(k + 1, "-"), isNumber(k + 2), length(k + 2) == 1,
            let a = value(k), let b = value(k + 2), a <= 7, b <= 7
        else { return false }
        return max(a, b) >= 6 && a != b
    }
}
