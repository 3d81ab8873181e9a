// SPDX-License-Identifier: GPL-3.0-or-later

/// A currency as written after (or before) an amount.
struct Currency {
    var singular: String
    var plural: String
    var gender: Gender
    /// "d'euros", "de dollars": what follows "millions".
    var ofForm: String
    /// The subunit read after the whole units ("9,99 €" → "neuf euros quatre-vingt-dix-neuf").
    var cents: (String, String)?
}

enum Currencies {
    static let euro = Currency(singular: "euro", plural: "euros", gender: .masculine, ofForm: "d'euros", cents: ("centime", "centimes"))
    static let dollar = Currency(singular: "dollar", plural: "dollars", gender: .masculine, ofForm: "de dollars", cents: ("cent", "cents"))
    static let pound = Currency(singular: "livre", plural: "livres", gender: .feminine, ofForm: "de livres", cents: ("penny", "pence"))
    static let franc = Currency(singular: "franc suisse", plural: "francs suisses", gender: .masculine, ofForm: "de francs suisses", cents: ("centime", "centimes"))
    static let yen = Currency(singular: "yen", plural: "yens", gender: .masculine, ofForm: "de yens", cents: nil)
    static let cfa = Currency(singular: "franc CFA", plural: "francs CFA", gender: .masculine, ofForm: "de francs CFA", cents: nil)
    static let yuan = Currency(singular: "yuan", plural: "yuans", gender: .masculine, ofForm: "de yuans", cents: nil)
    static let bitcoin = Currency(singular: "bitcoin", plural: "bitcoins", gender: .masculine, ofForm: "de bitcoins", cents: nil)

    /// Written suffixes, longest first: (text, currency, scale word).
    static let suffixes: [(String, Currency, Scale)] = [
        ("Mds€", euro, .billion), ("Mds $", dollar, .billion), ("Mrd€", euro, .billion), ("Md€", euro, .billion),
        ("Md$", dollar, .billion), ("Mds$", dollar, .billion), ("M€", euro, .million), ("M$", dollar, .million),
        ("k€", euro, .thousand), ("K€", euro, .thousand), ("k$", dollar, .thousand), ("€", euro, .none), ("EUR", euro, .none),
        ("$US", dollar, .none), ("US$", dollar, .none), ("USD", dollar, .none), ("$", dollar, .none),
        ("£", pound, .none), ("GBP", pound, .none), ("CHF", franc, .none), ("¥", yen, .none), ("JPY", yen, .none),
        ("FCFA", cfa, .none), ("F CFA", cfa, .none), ("CNY", yuan, .none), ("BTC", bitcoin, .none),
    ]
    static let prefixes: [Unicode.Scalar: Currency] = ["€": euro, "$": dollar, "£": pound, "¥": yen]
    /// Bit tests in front of ``prefixes`` and of the first scalars of ``suffixes``.
    static let prefixKeys = ScalarFilter(prefixes.keys)
    static let suffixFirstScalars = ScalarFilter(suffixes.map { $0.0.unicodeScalars.first! })

    enum Scale { case none, thousand, million, billion }
}

extension Verbalizer {
    /// "1 234,56 €", "9,99 €", "3 M€", "90 Md€", "50 k€", "100 $", "12 CHF".
    mutating func matchMoney(_ n: ParsedNumber) -> Int? {
        let k = isSpace(n.end) ? n.end + 1 : n.end
        guard k < t.count, kind(k) != .number, kind(k) != .space else { return nil }
        let offset = t[k].start
        // Every suffix starts with its own first scalar: most words after a number are no currency.
        guard Currencies.suffixFirstScalars.contains(s[offset]) else { return nil }
        for (written, currency, scale) in Currencies.suffixes where scalarsMatch(written, at: offset) {
            let endOffset = offset + written.unicodeScalars.count
            guard isBoundary(atScalar: endOffset), let after = tokenIndex(atScalar: endOffset, from: k) else { continue }
            // "25 €/m²", "30 €/jour": a price per unit. Known units read "le mètre carré"; others "par jour".
            if isPunct(after, "/"), isWord(after + 1) {
                if let j = matchMeasure(n) { return j }
                say(amountWords(n, currency, scale) + " par")
                return after + 1
            }
            say(amountWords(n, currency, scale))
            return after
        }
        return nil
    }

    /// "$100", "€50", "£3,5".
    mutating func matchPrefixedMoney(_ i: Int) -> Int? {
        guard Currencies.prefixKeys.contains(first(i)), let currency = Currencies.prefixes[first(i)], isNumber(i + 1),
            var n = parseNumber(i + 1)
        else { return nil }
        n.negative = false
        // "$3 millions", "$2 milliards"
        if isSpace(n.end), isWord(n.end + 1) {
            let word = lowerText(n.end + 1)
            if word == "millions" || word == "million" || word == "milliards" || word == "milliard" || word == "mille" {
                say(numberWords(n) + " " + word + (word == "mille" ? " " + currency.plural : " " + currency.ofForm))
                return n.end + 2
            }
        }
        say(amountWords(n, currency, .none))
        return n.end
    }

    func amountWords(_ n: ParsedNumber, _ c: Currency, _ scale: Currencies.Scale) -> String {
        switch scale {
        case .thousand:
            return numberWords(n) + " mille " + c.plural
        case .million:
            return numberWords(n) + (n.takesPlural ? " millions " : " million ") + c.ofForm
        case .billion:
            return numberWords(n) + (n.takesPlural ? " milliards " : " milliard ") + c.ofForm
        case .none:
            break
        }
        let unit = n.takesPlural || n.value == 0 ? c.plural : c.singular
        if n.isWhole, let v = n.value, v >= 1_000_000, v % 1_000_000 == 0 {
            // "un million de dollars": a round million takes "de".
            return numberWords(n) + " " + c.ofForm
        }
        guard !n.isWhole else { return numberWords(n, gender: c.gender) + " " + unit }
        if let cents = c.cents, n.decimals.count <= 2, n.decimalMark == "," || n.decimalMark == "." {
            let centValue = UInt64(n.decimals[0]) * 10 + (n.decimals.count == 2 ? UInt64(n.decimals[1]) : 0)
            let sign = n.negative ? "moins " : ""
            if n.value == 0 {
                if centValue == 0 { return sign + "zéro " + c.singular }
                return sign + numbers.cardinal(centValue) + " " + (centValue >= 2 ? cents.1 : cents.0)
            }
            let whole = sign + integerWords(n.integer, value: n.value, gender: c.gender) + " " + unit
            if centValue == 0 { return whole }
            return whole + " " + numbers.cardinal(centValue)
        }
        return numberWords(n) + " " + c.plural
    }
}
