// SPDX-License-Identifier: GPL-3.0-or-later

/// Roman numerals: centuries and ordinals ("XIXe siècle", "la Ve République", "François Ier") and
/// regnal or section numbers ("Louis XIV", "Jean-Paul II", "chapitre III"). Ordinary words that happen
/// to be Roman letters ("Il", "MIX", "CV", "LCD", "Me", "De") are left alone: a bare numeral needs a context.
enum RomanNumerals {
    /// The value of a canonical upper-case Roman numeral (re-encoding gives the same text), else nil.
    static func value<C: Collection>(_ scalars: C) -> UInt64? where C.Element == Unicode.Scalar {
        guard !scalars.isEmpty, scalars.count <= 15 else { return nil }
        var total = 0
        var previous = 0
        for c in scalars.reversed() {
            let v: Int
            switch c {
            case "I": v = 1
            case "V": v = 5
            case "X": v = 10
            case "L": v = 50
            case "C": v = 100
            case "D": v = 500
            case "M": v = 1000
            default: return nil
            }
            if v < previous { total -= v } else { total += v; previous = v }
        }
        guard total > 0, total < 4000, encode(total).unicodeScalars.elementsEqual(scalars) else { return nil }
        return UInt64(total)
    }

    /// Whether `c` is one of the numeral letters I V X L C D M (`upper`) or i v x l c d m.
    @inline(__always)
    static func isNumeralLetter(_ c: Unicode.Scalar, upper: Bool) -> Bool {
        switch c {
        case "I", "V", "X", "L", "C", "D", "M": return upper
        case "i", "v", "x", "l", "c", "d", "m": return !upper
        default: return false
        }
    }

    static func encode(_ n: Int) -> String {
        let table: [(Int, String)] = [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
            (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ]
        var n = n
        var r = ""
        for (v, s) in table {
            while n >= v { r += s; n -= v }
        }
        return r
    }

    /// First names and titles after which a numeral is a regnal number.
    static let regnalNames: Set<String> = [
        "Louis", "Henri", "Charles", "François", "Philippe", "Jean", "Paul", "Pie", "Benoît", "Léon", "Grégoire",
        "Innocent", "Clément", "Napoléon", "Élisabeth", "Elisabeth", "Elizabeth", "Édouard", "Edouard", "George",
        "Georges", "Guillaume", "Frédéric", "Nicolas", "Pierre", "Alexandre", "Ivan", "Richard", "Jacques", "Victor",
        "Albert", "Léopold", "Baudouin", "Rainier", "Juan", "Carlos", "Felipe", "Alphonse", "Ferdinand", "Otton",
        "Othon", "Mohammed", "Hassan", "Abdallah", "Ramsès", "Constantin", "Alexis", "Boniface", "Urbain", "Sixte",
        "Jules", "Marie", "Catherine", "Anne", "Victoria", "Frederik", "Harald", "Olav", "Gustave", "Carl",
        "Willem", "Rama", "Akihito", "Ier", "Iᵉʳ", "Vatican", "Sélim", "Soliman", "Mehmed", "Cyrus", "Darius",
        "Amenhotep", "Thoutmosis", "Childéric", "Clovis", "Dagobert", "Pépin", "Lothaire", "Raymond", "Baudoin",
        "Rocky", "Star", "Wrestlemania",
    ]

    /// Words after which a numeral numbers a part: read as a cardinal.
    static let sectionWords: Set<String> = [
        "chapitre", "tome", "titre", "acte", "livre", "volume", "partie", "scène", "saison", "épisode", "annexe",
        "section", "article", "phase", "niveau", "catégorie", "classe", "division", "groupe", "type", "génération",
        "Chapitre", "Tome", "Titre", "Acte", "Livre", "Volume", "Partie", "Scène", "Saison", "Épisode", "Annexe",
        "Section", "Article", "Phase", "Niveau", "Catégorie", "Type",
    ]
}

extension Verbalizer {
    mutating func matchRoman(_ i: Int) -> Int? {
        let start = t[i].start, end = t[i].end
        guard end - start <= 12 else { return nil }
        let upperStart = Tokenizer.isUpper(s[start])
        // Lower-case numerals only count before "siècle(s)"; check that before any work.
        let beforeSiecle = isSpace(i + 1) && isWord(i + 2) && first(i + 2) == "s" && (length(i + 2) == 6 || length(i + 2) == 7)
        // "à la fin du xxe": a small-caps century on its own, only with i, v, x and at least two letters.
        var smallCapsCentury = false
        if !upperStart && !beforeSiecle {
            var k = start
            while k < end && (s[k] == "i" || s[k] == "v" || s[k] == "x") { k += 1 }
            let suffixStart = k
            smallCapsCentury = suffixStart - start >= 2 && k < end && s[k] == "e" && (end - k == 1 || (end - k == 3 && s[k + 1] == "m"))
            // "vie", "ive", "ixe" are words: a lone small-caps century comes after "du", "au", "le"…
            // ("la fin du xxe"), never after a hyphen ("eau-de-vie") or "de"/"la".
            if smallCapsCentury {
                smallCapsCentury = i >= 2 && isSpace(i - 1) && isWord(i - 2)
                    && ["du", "au", "le", "les", "des", "aux"].contains(lowerText(i - 2))
            }
            if !smallCapsCentury { return nil }
        }
        // Split "XIXe" into numeral and suffix.
        var k = start
        if upperStart {
            while k < end && RomanNumerals.isNumeralLetter(s[k], upper: true) { k += 1 }
        } else {
            while k < end && RomanNumerals.isNumeralLetter(s[k], upper: false) { k += 1 }
        }
        guard k > start else { return nil }
        // A suffix must be an ordinal one ("XIXe", "Ier"): "Il", "Marseille", "Comme" stop here, before any String is built.
        if k < end && !OrdinalSuffix.keys.mightContainLowered(s, k, end) { return nil }
        var suffix = ""
        for c in s[k..<end] { suffix.unicodeScalars.append(Tokenizer.lower(c)) }
        let numeral = s[start..<k].map { Tokenizer.isUpper($0) ? $0 : Unicode.Scalar($0.value - 32)! }

        if suffix.isEmpty {
            guard upperStart, let v = RomanNumerals.value(numeral) else { return nil }
            // "Louis XIV", "Jean-Paul II", "chapitre III", "Élisabeth II"
            // "le Tournoi des VI Nations": the rugby tournament.
            if isSpace(i + 1), isText(i + 2, "Nations") {
                say(numbers.cardinal(v))
                return i + 1
            }
            guard i >= 2, isSpace(i - 1), isWord(i - 2), endsWord(i) else { return nil }
            // "LOUIS XIV" in an all-caps headline: compare the name as "Louis".
            var previous = text(i - 2)
            if isAllUpper(i - 2), length(i - 2) >= 2 {
                let lower = lowerText(i - 2)
                previous = String(previous.unicodeScalars.first!) + String(lower.unicodeScalars.dropFirst())
            }
            let onlySmallDigits = numeral.allSatisfy { $0 == "I" || $0 == "V" || $0 == "X" }
            if RomanNumerals.regnalNames.contains(previous) || RomanNumerals.sectionWords.contains(previous)
                || (onlySmallDigits && numeral.count >= 2 && Tokenizer.isUpper(first(i - 2)) && !isAllUpper(i - 2))
            {
                say(numbers.cardinal(v))
                return i + 1
            }
            return nil
        }
        guard let (gender, plural, _) = OrdinalSuffix.table[suffix], suffix != "nd", suffix != "º" else { return nil }
        // One-letter numerals: only I, V, X ("Ier", "Ve", "Xe"); "Me", "De", "Ce", "Le" are words.
        // (Checked before the value: "Le", "Les", "Ce" are frequent and need no numeral arithmetic.)
        if numeral.count == 1 && !(numeral[0] == "I" || numeral[0] == "V" || numeral[0] == "X") { return nil }
        let firstSuffix = suffix == "er" || suffix == "re" || suffix == "ère" || suffix == "ᵉʳ" || suffix == "ʳᵉ"
            || suffix == "ers" || suffix == "res" || suffix == "ères"
        if numeral.count == 1 && numeral[0] == "I" && !firstSuffix { return nil }
        // "-er"/"-re" only follow I ("Ier", "Ire"): "Ver", "Vers", "Xer" are not ordinals.
        if firstSuffix && !(numeral.count == 1 && numeral[0] == "I") { return nil }
        // "Ire" is also the word "ire": the feminine first only after "la"/"les" ("la Ire République").
        if numeral.count == 1, numeral[0] == "I", gender == .feminine,
            !(i >= 2 && isSpace(i - 1) && (isTextIgnoringCase(i - 2, "la") || isTextIgnoringCase(i - 2, "les")))
        {
            return nil
        }
        guard let v = RomanNumerals.value(numeral) else { return nil }
        // Lower-case numerals are a century only before "siècle(s)"; upper-case ones need a boundary.
        let next = afterOptionalSpace(i)
        let beforeCentury = isWord(next) && (isTextIgnoringCase(next, "siècle") || isTextIgnoringCase(next, "siècles"))
        if !upperStart && !beforeCentury && !smallCapsCentury { return nil }
        guard endsWord(i) else { return nil }
        var words = numbers.ordinal(v, gender: gender)
        if plural { words += "s" }
        // "XIXe s." → "dix-neuvième siècle"
        if isSpace(i + 1), isText(i + 2, "s"), isPunct(i + 3, ".") {
            say(words + " siècle")
            return i + 4
        }
        say(words)
        return i + 1
    }
}
