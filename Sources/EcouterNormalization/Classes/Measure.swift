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
    static let all: [Unit] = {
        var u: [Unit] = []
        func add(_ w: String, _ s: String, _ p: String? = nil, _ g: Gender = .masculine) {
            u.append(Unit(written: w, singular: s, plural: p ?? s + "s", gender: g))
        }
        // Speeds and rates before their prefixes so "km/h" wins over "km".
        add("km/h", "kilomètre par heure", "kilomètres par heure")
        add("km/s", "kilomètre par seconde", "kilomètres par seconde")
        add("m/s", "mètre par seconde", "mètres par seconde")
        add("tr/min", "tour par minute", "tours par minute")
        add("Mbit/s", "mégabit par seconde", "mégabits par seconde")
        add("Gbit/s", "gigabit par seconde", "gigabits par seconde")
        add("Mb/s", "mégabit par seconde", "mégabits par seconde")
        add("Gb/s", "gigabit par seconde", "gigabits par seconde")
        add("Mo/s", "mégaoctet par seconde", "mégaoctets par seconde")
        add("hab./km²", "habitant par kilomètre carré", "habitants par kilomètre carré")
        add("hab/km²", "habitant par kilomètre carré", "habitants par kilomètre carré")
        add("g/km", "gramme par kilomètre", "grammes par kilomètre")
        add("l/100 km", "litre aux cent kilomètres", "litres aux cent kilomètres")
        add("L/100 km", "litre aux cent kilomètres", "litres aux cent kilomètres")
        add("€/mois", "euro par mois", "euros par mois")
        add("€/an", "euro par an", "euros par an")
        add("€/h", "euro de l'heure", "euros de l'heure")
        add("€/kWh", "euro le kilowattheure", "euros le kilowattheure")
        add("€/l", "euro le litre", "euros le litre")
        add("€/L", "euro le litre", "euros le litre")
        add("€/m²", "euro le mètre carré", "euros le mètre carré")
        for (sym, word) in [("km", "kilomètre"), ("cm", "centimètre"), ("mm", "millimètre"), ("m", "mètre")] {
            add(sym + "²", word + " carré", word + "s carrés")
            add(sym + "2", word + " carré", word + "s carrés")
            add(sym + "³", word + " cube", word + "s cubes")
            add(sym + "3", word + " cube", word + "s cubes")
        }
        for l in ["l/m²", "L/m²", "l/m2", "L/m2"] { add(l, "litre par mètre carré", "litres par mètre carré") }
        add("mm/h", "millimètre par heure", "millimètres par heure")
        add("g/L", "gramme par litre", "grammes par litre"); add("g/l", "gramme par litre", "grammes par litre")
        add("mg/L", "milligramme par litre", "milligrammes par litre"); add("mg/l", "milligramme par litre", "milligrammes par litre")
        add("µg/m³", "microgramme par mètre cube", "microgrammes par mètre cube")
        add("µg/m3", "microgramme par mètre cube", "microgrammes par mètre cube")
        add("°C", "degré Celsius", "degrés Celsius")
        add("° C", "degré Celsius", "degrés Celsius")
        add("°F", "degré Fahrenheit", "degrés Fahrenheit")
        add("°", "degré")
        add("kWh", "kilowattheure"); add("MWh", "mégawattheure"); add("GWh", "gigawattheure"); add("TWh", "térawattheure")
        add("kW", "kilowatt"); add("MW", "mégawatt"); add("GW", "gigawatt"); add("W", "watt")
        add("kV", "kilovolt"); add("V", "volt"); add("mAh", "milliampère-heure", "milliampères-heures")
        add("GHz", "gigahertz", "gigahertz"); add("MHz", "mégahertz", "mégahertz"); add("kHz", "kilohertz", "kilohertz")
        add("Hz", "hertz", "hertz"); add("dB", "décibel"); add("hPa", "hectopascal")
        add("km", "kilomètre"); add("cm", "centimètre"); add("mm", "millimètre"); add("µm", "micromètre")
        add("nm", "nanomètre"); add("m", "mètre")
        add("kg", "kilo"); add("mg", "milligramme"); add("µg", "microgramme"); add("g", "gramme")
        add("Mt", "million de tonnes", "millions de tonnes"); add("Gt", "milliard de tonnes", "milliards de tonnes")
        add("t", "tonne", nil, .feminine)
        add("ha", "hectare")
        add("hl", "hectolitre"); add("hL", "hectolitre"); add("cl", "centilitre"); add("cL", "centilitre")
        add("ml", "millilitre"); add("mL", "millilitre"); add("dl", "décilitre"); add("l", "litre"); add("L", "litre")
        add("To", "téraoctet"); add("Go", "gigaoctet"); add("Mo", "mégaoctet"); add("ko", "kilooctet")
        add("kcal", "kilocalorie", nil, .feminine)
        add("min", "minute", nil, .feminine); add("mn", "minute", nil, .feminine)
        add("ms", "milliseconde", nil, .feminine); add("s", "seconde", nil, .feminine); add("sec", "seconde", nil, .feminine)
        add("ppm", "partie par million", "parties par million", .feminine)
        add("bar", "bar"); add("CV", "cheval", "chevaux"); add("ch", "cheval", "chevaux")
        add("px", "pixel"); add("pts", "point"); add("pt", "point")
        add("M", "million")
        add("Mds", "milliard"); add("Md", "milliard"); add("Mrd", "milliard"); add("Mns", "million")
        return u.sorted { $0.written.unicodeScalars.count > $1.written.unicodeScalars.count }
    }()

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
