// SPDX-License-Identifier: GPL-3.0-or-later

/// French postal codes before a town: "75002 Paris" → "soixante-quinze zéro zéro deux Paris",
/// "33000 Bordeaux" → "trente-trois mille Bordeaux", "69100 Villeurbanne" → "soixante-neuf cent Villeurbanne".
/// News readers say the department, then the rest as a small number (its leading zeros as "zéro"),
/// never "soixante-quinze mille deux".
extension Verbalizer {
    mutating func matchPostalCode(_ i: Int) -> Int? {
        guard length(i) == 5, let code = value(i), isSpace(i + 1), isCapitalized(i + 2) else { return nil }
        let department = code / 1000, rest = code % 1000
        guard (1...98).contains(department) else { return nil }
        // Written without a thousands space and at the start of an address part: the start of the item,
        // or after a comma, a dash or an opening bracket. "50000 Français" in running text is not a code.
        let before = i - 1
        let startsAddress = before < 0
            || (isSpace(before) && (before == 0 || isAnyPunct(before - 1, ",;–—-(")))
            || isPunct(before, "(")
        guard startsAddress else { return nil }
        var words = department < 10 ? "zéro " + numbers.cardinal(department) : numbers.cardinal(department)
        if rest == 0 {
            words = department < 10 ? words + " mille" : numbers.cardinal(code)
        } else {
            let digits = digits(i)
            var k = 2
            while k < 4 && digits[k] == 0 {
                words += " zéro"
                k += 1
            }
            words += " " + numbers.cardinal(rest)
        }
        say(words)
        return i + 1
    }
}
