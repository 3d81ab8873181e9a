// SPDX-License-Identifier: GPL-3.0-or-later

extension Verbalizer {
    /// Clock times and durations: "14h30", "8 h 30", "14h", "0h15", "23:46", "48 h", "1 h 30 min", "24h/24".
    mutating func matchTime(_ i: Int) -> Int? {
        guard length(i) <= 2, let hours = value(i) else { return nil }
        // "23:46", "9:05"
        if isPunct(i + 1, ":"), isNumber(i + 2), length(i + 2) == 2, let minutes = value(i + 2), minutes < 60, hours <= 24,
            endsWord(i + 2) || isPunct(i + 3, ":")
        {
            var words = hourWords(hours) + minuteWords(minutes)
            var end = i + 3
            if isPunct(i + 3, ":"), isNumber(i + 4), length(i + 4) == 2, let seconds = value(i + 4), seconds < 60 {
                words += " et " + numbers.cardinal(seconds, gender: .feminine) + (seconds >= 2 ? " secondes" : " seconde")
                end = i + 5
            }
            say(words)
            return end
        }
        // "7j/7", "7 j/7": seven days a week.
        let j = isSpace(i + 1) ? i + 2 : i + 1
        if isText(j, "j"), isPunct(j + 1, "/"), isNumber(j + 2), endsWord(j + 2), let total = value(j + 2) {
            say(numbers.cardinal(hours) + (hours >= 2 ? " jours sur " : " jour sur ") + numbers.cardinal(total))
            return j + 3
        }
        // "14h30", "14 h 30", "14h", "48 h"
        let h = isSpace(i + 1) ? i + 2 : i + 1
        guard isWord(h), isText(h, "h") || isText(h, "H") else { return nil }
        var words = hourWords(hours)
        var end = h + 1
        // A race time "2h03'24''": hours, minutes, then seconds after the minutes mark.
        if isNumber(h + 1), length(h + 1) == 2, let minutes = value(h + 1), minutes < 60, isPunct(h + 2, "'"),
            isNumber(h + 3), length(h + 3) == 2, let seconds = value(h + 3), seconds < 60
        {
            words += " " + Self.countWords(minutes, "minute", numbers) + " " + Self.countWords(seconds, "seconde", numbers)
            end = isPunct(h + 4, "″") ? h + 5 : h + 4
            say(words)
            return end
        }
        if isNumber(h + 1), length(h + 1) == 2, let minutes = value(h + 1), minutes < 60, endsWord(h + 1) {
            words += minuteWords(minutes)
            end = h + 2
        } else if isSpace(h + 1), isNumber(h + 2), length(h + 2) <= 2, let minutes = value(h + 2), minutes < 60 {
            // "8 h 30" or "1 h 30 min"
            let m = h + 2
            let unit = afterOptionalSpace(m)
            if isWord(unit), isText(unit, "min") || isText(unit, "mn") {
                words += " " + numbers.cardinal(minutes, gender: .feminine) + (minutes >= 2 ? " minutes" : " minute")
                end = unit + 1
            } else if endsWord(m) && !isWord(unit) || isPunct(m + 1, ".") || isPunct(m + 1, ",") || kind(m + 1) == nil {
                words += minuteWords(minutes)
                end = m + 1
            } else if endsWord(m), isWord(unit), !FeminineNouns.isFeminine(lowerText(unit)) {
                words += minuteWords(minutes)
                end = m + 1
            }
        } else if !endsWord(h) {
            return nil
        }
        // "24h/24", "7j/7"
        if isPunct(end, "/"), isNumber(end + 1), endsWord(end + 1), let total = value(end + 1) {
            words += " sur " + numbers.cardinal(total, gender: .feminine)
            end += 2
        }
        // "15h-17h", "9h30-12h": an opening-hours range, "quinze heures à dix-sept heures".
        if isAnyPunct(end, "-–"), isNumber(end + 1), length(end + 1) <= 2,
            isText(end + 2, "h") || isText(end + 2, "H") || (isSpace(end + 2) && (isText(end + 3, "h") || isText(end + 3, "H")))
        {
            words += " à"
            end += 1
        }
        say(words)
        return end
    }

    /// Race times: "2'15\"34" → "deux minutes quinze secondes trente-quatre", "10\"49" → "dix secondes
    /// quarante-neuf" (the cleaner turns a quote after a digit into ″).
    mutating func matchChrono(_ i: Int) -> Int? {
        guard length(i) <= 2, let first = value(i) else { return nil }
        if isPunct(i + 1, "'"), isNumber(i + 2), length(i + 2) == 2, let seconds = value(i + 2), seconds < 60 {
            var words = numbers.cardinal(first, gender: .feminine) + (first >= 2 ? " minutes " : " minute ")
                + numbers.cardinal(seconds, gender: .feminine) + (seconds >= 2 ? " secondes" : " seconde")
            var end = i + 3
            if isPunct(end, "″") {
                end += 1
                if isNumber(end), length(end) <= 2 {
                    // "1'54''06": the hundredths keep their zero ("zéro six").
                    words += " " + decimalWords(digits(end))
                    end += 1
                }
            }
            say(words)
            return end
        }
        // "à 12'' du vainqueur": seconds alone, unless the mark closes a quotation ("10" fois).
        if isPunct(i + 1, "″"), !isNumber(i + 2), !isAnyPunct(i - 1, "\"«“″'") {
            say(Self.countWords(first, "seconde", numbers))
            return i + 2
        }
        if isPunct(i + 1, "″"), isNumber(i + 2), length(i + 2) == 2 {
            say(numbers.cardinal(first, gender: .feminine) + (first >= 2 ? " secondes " : " seconde ") + decimalWords(digits(i + 2)))
            return i + 3
        }
        return nil
    }

    /// "trois minutes", "une seconde": a count of a feminine unit.
    static func countWords(_ n: UInt64, _ unit: String, _ numbers: FrenchNumbers) -> String {
        numbers.cardinal(n, gender: .feminine) + " " + unit + (n >= 2 ? "s" : "")
    }

    func hourWords(_ hours: UInt64) -> String {
        numbers.cardinal(hours, gender: .feminine) + (hours >= 2 ? " heures" : " heure")
    }

    func minuteWords(_ minutes: UInt64) -> String {
        minutes == 0 ? "" : " " + numbers.cardinal(minutes, gender: .feminine)
    }
}
