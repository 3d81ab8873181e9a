// SPDX-License-Identifier: GPL-3.0-or-later

/// A unit symbol and how it is said in the singular and the plural.
struct Unit {
    var written: String
    var singular: String
    var plural: String
    var gender: Gender = .masculine
}

/// Unit symbols of news text (SI and common), matched longest first after a number.
enum Units {
    /// The units of voices/tables/units.tsv, longest written form first so "km/h" wins over "km".
    static let all: [Unit] = parse(EmbeddedTables.table("units"))
        .sorted { $0.written.unicodeScalars.count > $1.written.unicodeScalars.count }

    /// Reads `written<TAB>singular<TAB>plural<TAB>masculine|feminine` lines; comments ("# ") and blank
    /// lines are skipped, and so is any other line (the generator refuses them before they get here).
    static func parse(_ tsv: String) -> [Unit] {
        TableText.lines(tsv).compactMap { line in
            let f = TableText.fields(line).map(String.init)
            guard !line.hasPrefix("# "), f.count == 4, !f[0].isEmpty, !f[1].isEmpty, !f[2].isEmpty,
                f[3] == "masculine" || f[3] == "feminine"
            else { return nil }
            return Unit(written: f[0], singular: f[1], plural: f[2], gender: f[3] == "feminine" ? .feminine : .masculine)
        }
    }

    /// Words after which "de km" means kilometres: "millions de km".
    static let scaleWords: Set<String> = [
        "million", "millions", "milliard", "milliards", "millier", "milliers", "centaine", "centaines",
        "dizaine", "dizaines", "billion", "billions",
    ]

    /// A quick pre-check of ``scaleWords``.
    static let scaleWordKeys = WordFilter(scaleWords)

    /// Units grouped by first scalar for a quick look-up.
    static let byFirst: [Unicode.Scalar: [Unit]] = Dictionary(grouping: all) { $0.written.unicodeScalars.first! }
}

extension Verbalizer {
    /// "1,5 million de km", "des milliers de km²": a unit symbol after a scale word and "de" is said in full.
    mutating func matchUnitAfterScale(_ i: Int) -> Int? {
        guard i >= 4, isSpace(i - 1), isText(i - 2, "de"), isSpace(i - 3), isWord(i - 4), length(i - 4) <= 9,
            Units.scaleWordKeys.mightContainLowered(s, t[i - 4].start, t[i - 4].end),
            Units.scaleWords.contains(lowerText(i - 4)), let candidates = Units.byFirst[first(i)]
        else { return nil }
        let offset = t[i].start
        // "M" is "millions" only after a number; here it would be "M. Dupont".
        for unit in candidates where unit.written != "M" && scalarsMatch(unit.written, at: offset) {
            let endOffset = offset + unit.written.unicodeScalars.count
            // "des milliers de l'argent": an elided article, not litres.
            guard isBoundary(atScalar: endOffset), endOffset >= s.count || s[endOffset] != "'",
                let after = tokenIndex(atScalar: endOffset, from: i)
            else { continue }
            say(unit.plural)
            return after
        }
        return nil
    }

    /// "au km 12", "au PK 30": a kilometre marker, the unit said before the number.
    mutating func matchKilometreMarker(_ i: Int) -> Int? {
        guard isText(i, "km"), isSpace(i + 1), isNumber(i + 2), i >= 2, isSpace(i - 1),
            ["au", "du", "le", "au-delà"].contains(lowerText(i - 2))
        else { return nil }
        say("kilomètre")
        return i + 1
    }

    /// "12 km" → "douze kilomètres", "0,5 l" → "zéro virgule cinq litre", "1 t" → "une tonne".
    mutating func matchMeasure(_ n: ParsedNumber) -> Int? {
        let k = isSpace(n.end) ? n.end + 1 : n.end
        guard k < t.count, kind(k) != .number, kind(k) != .space else { return nil }
        let offset = t[k].start
        guard let candidates = Units.byFirst[s[offset]] else { return nil }
        for unit in candidates where scalarsMatch(unit.written, at: offset) {
            let endOffset = offset + unit.written.unicodeScalars.count
            // "30 000 euros l'an": a letter then an apostrophe is an elided word, not a unit.
            guard isBoundary(atScalar: endOffset), endOffset >= s.count || s[endOffset] != "'",
                let after = tokenIndex(atScalar: endOffset, from: k)
            else { continue }
            // "4-3 t.a.b.": a letter, a period and another letter is a dotted abbreviation, not a unit.
            if isPunct(after, "."), isWord(after + 1), length(after + 1) == 1, isPunct(after + 2, ".") { continue }
            // "15 M de visiteurs": "M" is "millions" only spaced and before "de"; "3M" is a company.
            if unit.written == "M" && !(k == n.end + 1 && isSpace(after) && (isText(after + 1, "de") || isText(after + 1, "d"))) {
                continue
            }
            // "1,80 m", "6,05 m": a height or a jump, "un mètre quatre-vingts", "six mètres cinq".
            if unit.written == "m", n.decimalMark == ",", n.decimals.count == 2,
                let whole = n.value, (1...99).contains(whole), !n.negative
            {
                let centimetres = UInt64(n.decimals[0]) * 10 + UInt64(n.decimals[1])
                say(numbers.cardinal(whole) + (whole >= 2 ? " mètres " : " mètre ") + numbers.cardinal(centimetres))
                return after
            }
            // "3.5 km" in French text is a decimal with an English point: said "virgule".
            var n = n
            // "2 h 01 min 09 s": a zero-padded count is said as its value, "neuf secondes".
            if n.integer.count <= 3, n.integer.count > 1, n.integer[0] == 0 {
                while n.integer.count > 1 && n.integer[0] == 0 { n.integer.removeFirst() }
            }
            if n.decimalMark == ".", n.decimals.count <= 2, n.integer.count <= 3 { n.decimalMark = "," }
            say(numberWords(n, gender: unit.gender) + " " + (n.takesPlural ? unit.plural : unit.singular))
            return after
        }
        return nil
    }
}

extension Verbalizer {
    /// Energy units without a number, as prices quote them: "25 centimes le kWh", "prix du MWh".
    static let bareEnergyUnits: [String: String] = [
        "kWh": "kilowattheure", "MWh": "mégawattheure", "GWh": "gigawattheure", "TWh": "térawattheure",
    ]

    /// "le kWh", "du MWh", "par kWh": a unit after a determiner or "par" is said in the singular.
    mutating func matchBareEnergyUnit(_ i: Int) -> Int? {
        guard length(i) == 3, isText(i, "kWh") || isText(i, "MWh") || isText(i, "GWh") || isText(i, "TWh"),
            endsWord(i), i >= 2, isSpace(i - 1), ["le", "du", "au", "par", "chaque", "un"].contains(lowerText(i - 2)),
            let word = Self.bareEnergyUnits[text(i)]
        else { return nil }
        say(word)
        return i + 1
    }
}
