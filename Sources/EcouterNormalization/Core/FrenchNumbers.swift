// SPDX-License-Identifier: GPL-3.0-or-later

/// Grammatical gender of the noun a number word agrees with.
package enum Gender: Sendable {
    case masculine, feminine
}

/// Spells whole numbers as French words (cardinals and ordinals), with regional tens and gender.
///
/// Follows the 1990 spelling-reform-free news usage: hyphens inside a group below one hundred,
/// "et" in 21…71, "quatre-vingts" and "deux cents" plural only when nothing follows,
/// "mille" invariable, "million"/"milliard" as nouns ("deux millions").
package struct FrenchNumbers: Sendable {
    package var region: FrenchRegion

    package init(region: FrenchRegion = .france) { self.region = region }

    private static let units = [
        "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
        "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf",
    ]
    private static let tensWords = ["", "dix", "vingt", "trente", "quarante", "cinquante", "soixante"]

    /// The largest value spelled as words; longer digit strings are read digit by digit.
    package static let maximum: UInt64 = 999_999_999_999_999

    /// The cardinal words of `n`, e.g. 81 → "quatre-vingt-un"; `gender` changes a final "un" to "une".
    package func cardinal(_ n: UInt64, gender: Gender = .masculine) -> String {
        if n == 0 { return "zéro" }
        var parts: [String] = []
        let scales: [(UInt64, String, String)] = [
            (1_000_000_000_000, "billion", "billions"),
            (1_000_000_000, "milliard", "milliards"),
            (1_000_000, "million", "millions"),
        ]
        var rest = n
        for (value, singular, plural) in scales where rest >= value {
            let count = rest / value
            rest %= value
            parts.append(count == 1 ? "un \(singular)" : "\(belowThousand(Int(count), final: true, gender: .masculine)) \(plural)")
        }
        if rest >= 1000 {
            let count = Int(rest / 1000)
            rest %= 1000
            // "mille" takes no "un" and never agrees; the group before it keeps "cent"/"vingt" singular.
            // The group before "mille" stays masculine: "21 000 personnes" → "vingt et un mille personnes".
            // Grammarians accept "vingt et une mille" too, but news readers say "vingt et un mille".
            parts.append(count == 1 ? "mille" : "\(belowThousand(count, final: false, gender: .masculine)) mille")
        }
        if rest > 0 {
            parts.append(belowThousand(Int(rest), final: true, gender: gender))
        }
        return parts.joined(separator: " ")
    }

    /// The words of `n` in 1…999. `final` is true when nothing multiplies the group
    /// (it is the last group or precedes million/milliard), which allows plural "cents"/"vingts".
    package func belowThousand(_ n: Int, final: Bool, gender: Gender) -> String {
        let hundreds = n / 100, rest = n % 100
        var words = ""
        if hundreds > 0 {
            words = hundreds == 1 ? "cent" : "\(Self.units[hundreds]) cent"
            if hundreds > 1 && rest == 0 && final { words += "s" }
        }
        if rest > 0 {
            if !words.isEmpty { words += " " }
            words += belowHundred(rest, final: final, gender: gender)
        }
        return words
    }

    /// The words of `n` in 1…99, with the region's seventies, eighties and nineties.
    package func belowHundred(_ n: Int, final: Bool = true, gender: Gender = .masculine) -> String {
        if n < 20 {
            if n == 1 && gender == .feminine { return "une" }
            return Self.units[n]
        }
        let tens = n / 10, unit = n % 10
        let unitWord = unit == 1 && gender == .feminine ? "une" : Self.units[unit]
        switch (tens, region) {
        case (7, .belgium), (7, .switzerland):
            return compose("septante", unit, unitWord)
        case (8, .switzerland):
            return compose("huitante", unit, unitWord)
        case (9, .belgium), (9, .switzerland):
            return compose("nonante", unit, unitWord)
        case (7, _):
            // soixante-dix, soixante et onze, soixante-douze…
            if unit == 1 { return "soixante et onze" }
            return "soixante-" + Self.units[10 + unit]
        case (8, _):
            if unit == 0 { return final ? "quatre-vingts" : "quatre-vingt" }
            return "quatre-vingt-" + unitWord
        case (9, _):
            return "quatre-vingt-" + Self.units[10 + unit]
        default:
            return compose(Self.tensWords[tens], unit, unitWord)
        }
    }

    private func compose(_ tensWord: String, _ unit: Int, _ unitWord: String) -> String {
        if unit == 0 { return tensWord }
        if unit == 1 { return tensWord + " et " + unitWord }
        return tensWord + "-" + unitWord
    }

    /// The ordinal of `n`: 1 → "premier"/"première", 21 → "vingt et unième", 1000 → "millième".
    package func ordinal(_ n: UInt64, gender: Gender = .masculine) -> String {
        if n == 1 { return gender == .feminine ? "première" : "premier" }
        var words = cardinal(n)
        // Drop plural marks and the final vowel, then add -ième; a few stems change.
        if words.hasSuffix("quatre-vingts") || words.hasSuffix("cents") || words.hasSuffix("millions")
            || words.hasSuffix("milliards") || words.hasSuffix("billions")
        {
            words.removeLast()
        }
        if words == "un million" || words == "un milliard" || words == "un billion" {
            words.removeFirst(3)
        }
        if words.hasSuffix("cinq") { return words + "uième" }
        if words.hasSuffix("neuf") { words.removeLast(); return words + "vième" }
        if words.hasSuffix("e") { words.removeLast() }
        return words + "ième"
    }

    /// Each digit of `digits` as a word, separated by spaces ("007" → "zéro zéro sept").
    package func digitByDigit<S: Sequence>(_ digits: S) -> String where S.Element == UInt8 {
        var out = ""
        for d in digits {
            if !out.isEmpty { out += " " }
            out += Self.units[Int(d)]
        }
        return out
    }
}
