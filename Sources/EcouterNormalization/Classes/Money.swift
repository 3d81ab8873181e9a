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
    /// Where a currency is written: after the amount only, before it too ("$100"), or as its name
    /// spelled out ("1,90 euro"), which is taken only where it changes the reading (the cents).
    enum Place: String { case after, both, word }

    /// The lines of voices/tables/currencies.tsv, in their order (longest written forms first).
    static let table: [(written: String, currency: Currency, scale: Scale, place: Place)] =
        parse(EmbeddedTables.table("currencies"))

    /// Written suffixes, longest first: (text, currency, scale word, whether it is the spelled name).
    static let suffixes: [(String, Currency, Scale, Bool)] = table.map { ($0.written, $0.currency, $0.scale, $0.place == .word) }
    /// One-scalar symbols also written before the amount ("$100").
    static let prefixes: [Unicode.Scalar: Currency] = Dictionary(
        table.compactMap { entry in
            entry.place == .both && entry.written.unicodeScalars.count == 1 ? (entry.written.unicodeScalars.first!, entry.currency) : nil
        }, uniquingKeysWith: { first, _ in first })

    /// Reads the nine tab-separated fields of each line; comments ("# ") and blank lines are skipped,
    /// and so is any other line (the generator refuses them before they get here).
    static func parse(_ tsv: String) -> [(written: String, currency: Currency, scale: Scale, place: Place)] {
        TableText.lines(tsv).compactMap { line in
            let f = TableText.fields(line).map(String.init)
            guard !line.hasPrefix("# "), f.count == 9, !f[0].isEmpty, let scale = Scale(rawValue: f[1]),
                let place = Place(rawValue: f[2]), f[5] == "masculine" || f[5] == "feminine"
            else { return nil }
            let cents = f[7] == "-" ? nil : (f[7], f[8])
            let currency = Currency(singular: f[3], plural: f[4], gender: f[5] == "feminine" ? .feminine : .masculine,
                ofForm: f[6], cents: cents)
            return (f[0], currency, scale, place)
        }
    }
    static let prefixKeys = ScalarFilter(prefixes.keys)
    static let suffixFirstScalars = ScalarFilter(suffixes.map { $0.0.unicodeScalars.first! })

    enum Scale: String { case none, thousand, million, billion }
}

extension Verbalizer {
    /// "1 234,56 €", "9,99 €", "3 M€", "90 Md€", "50 k€", "100 $", "12 CHF".
    mutating func matchMoney(_ n: ParsedNumber) -> Int? {
        let k = isSpace(n.end) ? n.end + 1 : n.end
        guard k < t.count, kind(k) != .number, kind(k) != .space else { return nil }
        let offset = t[k].start
        // Every suffix starts with its own first scalar: most words after a number are no currency.
        guard Currencies.suffixFirstScalars.contains(s[offset]) else { return nil }
        for (written, currency, scale, spelled) in Currencies.suffixes where scalarsMatch(written, at: offset) {
            let endOffset = offset + written.unicodeScalars.count
            guard isBoundary(atScalar: endOffset), let after = tokenIndex(atScalar: endOffset, from: k) else { continue }
            // "1,90 euro" is said as "1,90 €" is, "un euro quatre-vingt-dix"; a whole amount with the
            // name spelled out ("21 livres", books or pounds) is read by the number and its noun.
            if spelled && (n.isWhole || currency.cents == nil || n.decimals.count > 2) { return nil }
            if spelled, let word = tokenIndex(atScalar: offset, from: k), isWeight(word, named: ExchangeRates.firstWord(of: currency)) {
                return nil
            }
            // "2,50 dollars canadiens", "3,40 dollars US": the cents cannot go between the name and what
            // says whose currency it is, so the amount stays a decimal ("deux virgule cinquante dollars canadiens").
            if spelled, isSpace(after), namesCountry(after + 1) { return nil }
            // "L'euro s'échange à 1,08 dollar": a rate, said "un virgule zéro huit dollar".
            if scale == .none, !n.isWhole, quotesExchangeRate(before: n, in: currency) {
                if spelled { return nil }
                say(numberWords(n) + " " + (n.takesPlural ? currency.plural : currency.singular))
                return after
            }
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

    /// Whether word `k` says whose dollar it is (« dollars canadiens », « dollars US »): the countries
    /// other than the United States whose currency French news names a dollar. A closed list, not an
    /// ending: « 1,90 euro demain », « certains jours » end alike.
    func namesCountry(_ k: Int) -> Bool {
        guard isWord(k), length(k) <= 14 else { return false }
        if isText(k, "US") { return true }
        return Self.currencyCountries.contains(lowerText(k))
    }

    static let currencyCountries: Set<String> = [
        "américain", "américains", "canadien", "canadiens", "australien", "australiens", "hongkongais",
        "singapourien", "singapouriens", "taïwanais", "zimbabwéen", "zimbabwéens", "belge", "belges",
        "français", "luxembourgeois", "néo",  // "néo-zélandais", read as words "néo", "-", "zélandais"
    ]

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
