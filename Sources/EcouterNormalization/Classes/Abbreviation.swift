// SPDX-License-Identifier: GPL-3.0-or-later

/// Abbreviations of news text. Each one has a condition so ordinary words are not expanded:
/// "M." only before a capitalized name, "p." only before a page number, "Me" only before a name…
enum Abbreviations {
    enum Condition: String {
        /// Always, when the written form matches.
        case always
        /// A capitalized word (or an initial) follows after a space.
        case beforeName
        /// A number follows after an optional space.
        case beforeNumber
        /// A capitalized word, a hyphen or a number follows.
        case beforeNameOrHyphen
        /// A capitalized word or a number follows ("bât. B", "bât. 3").
        case beforeNameOrNumber
        /// A street name follows: a capitalized word or "de", "du", "des", "d'" ("av. des Champs-Élysées").
        case beforeStreetName
        /// A number comes just before ("25 c." → "vingt-cinq centimes").
        case afterNumber
    }

    struct Entry {
        var spoken: String
        /// Whether the written form takes a period ("cf.") that the expansion consumes.
        var period: Bool
        var condition: Condition
    }

    /// The entries of voices/tables/abbreviations.tsv, keyed by their written form.
    static let table: [String: Entry] = parse(EmbeddedTables.table("abbreviations"))

    /// Reads `written<TAB>spoken<TAB>period|bare<TAB>condition` lines; comments ("# ") and blank lines are
    /// skipped, and so is any other line (the generator refuses them before they get here).
    static func parse(_ tsv: String) -> [String: Entry] {
        var table: [String: Entry] = [:]
        for line in TableText.lines(tsv) where !line.hasPrefix("# ") {
            let fields = TableText.fields(line).map(String.init)
            guard fields.count == 4, !fields[0].isEmpty, !fields[1].isEmpty, fields[2] == "period" || fields[2] == "bare",
                let condition = Condition(rawValue: fields[3])
            else { continue }
            table[fields[0]] = Entry(spoken: fields[1], period: fields[2] == "period", condition: condition)
        }
        return table
    }

    /// A quick pre-check of ``table``'s keys.
    static let keys = WordFilter(table.keys)
}

extension Verbalizer {
    mutating func matchAbbreviation(_ i: Int) -> Int? {
        guard length(i) <= 6 else { return nil }
        // Cheap filter before building the word: every abbreviation is followed by a period or a
        // degree/superscript sign, is capitalized, or is one of a few short lower-case words.
        let f = first(i)
        guard kind(i + 1) == .punct || Tokenizer.isUpper(f) || (length(i) <= 3 && (f == "b" || f == "v" || f == "n"))
        else { return nil }
        // Every rule below but the table look-up needs ".", "°", "²" or "³" right after the word; without
        // one, a word that is no key of the table is done here (no String built for it).
        let next = kind(i + 1) == .punct ? first(i + 1) : " "
        let marked = next == "." || next == "°" || next == "²" || next == "³"
        guard marked || Abbreviations.keys.mightContain(s, t[i].start, t[i].end) else { return nil }
        if let j = matchMultiPartAbbreviation(i) { return j }
        let w = text(i)
        // Month abbreviations next to a day number or a year: "3 janv. 2024", "sept. 2023".
        if let month = Months.abbreviations[w.lowercased()], isPunct(i + 1, ".") {
            let afterDay = i >= 2 && isSpace(i - 1) && isNumber(i - 2)
            let beforeYear = isSpace(i + 2) && isNumber(i + 3)
            if afterDay || beforeYear {
                say(month)
                return i + 2
            }
        }
        // "n°", "N°" before a number
        if (w == "n" || w == "N"), isPunct(i + 1, "°"), isNumber(afterOptionalSpace(i + 1)) || isNumber(i + 2) {
            say("numéro")
            return i + 2
        }
        // "m²" without a number: "le prix au m²"
        if isAnyPunct(i + 1, "²³"), let unit = ["m": "mètre", "km": "kilomètre", "cm": "centimètre"][w] {
            say(unit + (first(i + 1) == "²" ? " carré" : " cube"))
            return i + 2
        }
        // "trad. de l'anglais", "trad. par": the past participle; "(trad. Marie Dupont)": the noun.
        if w == "trad", isPunct(i + 1, "."), isSpace(i + 2), isText(i + 3, "de") || isText(i + 3, "par") || isText(i + 3, "du") {
            say("traduit")
            return i + 2
        }
        // « 22 °C min. »: the lowest of a forecast, not minutes (« 45 min. » is left to the units).
        if w == "min", isPunct(i + 1, "."), i >= 2, isSpace(i - 1), isText(i - 2, "C") || isText(i - 2, "F") || isPunct(i - 2, "°") {
            say("minimum")
            return i + 2
        }
        guard let entry = Abbreviations.table[w] else { return nil }
        var end = i + 1
        if entry.period {
            guard isPunct(end, ".") else { return nil }
            end += 1
        } else if isPunct(end, "."), entry.condition != .always, isSpace(end + 1) {
            // "Dr. Martin"
            end += 1
        }
        switch entry.condition {
        case .always:
            break
        case .beforeName:
            // "M. Dupont", and "M. et Mme Martin" where the name comes after the couple.
            guard isSpace(end), isCapitalized(end + 1) || isCoupleTitle(end + 1) else { return nil }
        case .beforeNumber:
            // « art. L. 121-1 »: an article of a code is numbered after its letter (L, R, D, A).
            let codeArticle = (w == "art" || w == "Art") && isSpace(end) && isCodeLetter(end + 1)
            guard isNumber(afterOptionalSpace(end - 1)) || (isSpace(end) && isNumber(end + 1)) || codeArticle else { return nil }
        case .beforeNameOrNumber:
            guard isSpace(end), isCapitalized(end + 1) || isNumber(end + 1) else { return nil }
        case .beforeStreetName:
            guard isSpace(end), isCapitalized(end + 1) || isText(end + 1, "de") || isText(end + 1, "du")
                || isText(end + 1, "des") || (isText(end + 1, "d") && isPunct(end + 2, "'"))
            else { return nil }
        case .afterNumber:
            guard i >= 2, isSpace(i - 1), isNumber(i - 2) else { return nil }
            // "1 c." is one centime; "0,5 c." is read with the number's plural rule too.
            say(isText(i - 2, "1") && !isPunct(i - 3, ",") ? "centime" : entry.spoken)
            return end
        case .beforeNameOrHyphen:
            guard (isSpace(end) && isCapitalized(end + 1)) || isPunct(end, "-") else { return nil }
            if isPunct(end, "-") {
                say(entry.spoken + "-")
                return end + 1
            }
        }
        say(entry.spoken)
        // « du fromage, etc. Mme Martin… »: the period of an abbreviation that may close a sentence is
        // also the sentence's full stop when a new sentence plainly begins after it, and stays in the text.
        // Only a word that opens sentences, not names (« coll. Folio », « dir. Georges Duby »).
        if entry.period, isSpace(end), PeriodAbbreviations.kind(of: w) == .closing, opensSentence(end + 1) {
            return end - 1
        }
        return end
    }

    /// Whether token `k` plainly opens a new sentence: a word that usually does (« Il », « Puis », « Mais »)
    /// or a title before a name (« Mme », « M. », « Dr »), not a particle (« Le », « De ») or a name.
    private func opensSentence(_ k: Int) -> Bool {
        guard isCapitalized(k) else { return false }
        let w = text(k)
        if SentenceStarters.contains(w) { return true }
        guard PeriodAbbreviations.kind(of: w) == .prefix || Abbreviations.table[w]?.condition == .always,
            Tokenizer.isUpper(first(k))
        else { return false }
        return w.unicodeScalars.count > 1 || isPunct(k + 1, ".")
    }

    /// Abbreviations spread over several tokens: "c.-à-d.", "p. ex.", "av. J.-C.", "apr. J.-C.", "J.-C.".
    private mutating func matchMultiPartAbbreviation(_ i: Int) -> Int? {
        // "J.-C."
        func jesusChrist(at k: Int) -> Bool {
            isText(k, "J") && isPunct(k + 1, ".") && isPunct(k + 2, "-") && isText(k + 3, "C") && isPunct(k + 4, ".")
        }
        if jesusChrist(at: i) {
            say("Jésus-Christ")
            return i + 5
        }
        if (isText(i, "av") || isText(i, "apr")), isPunct(i + 1, "."), isSpace(i + 2), jesusChrist(at: i + 3) {
            say(isText(i, "av") ? "avant Jésus-Christ" : "après Jésus-Christ")
            return i + 8
        }
        // "c.-à-d."
        if isTextIgnoringCase(i, "c"), isPunct(i + 1, "."), isPunct(i + 2, "-"), isText(i + 3, "à"), isPunct(i + 4, "-"),
            isText(i + 5, "d"), isPunct(i + 6, ".")
        {
            say("c'est-à-dire")
            return i + 7
        }
        // "N.B." → "nota bene", "P.-S." → "post-scriptum"
        if isText(i, "N"), isPunct(i + 1, "."), isText(i + 2, "B"), isPunct(i + 3, ".") {
            say("nota bene")
            return i + 4
        }
        if isText(i, "P"), isPunct(i + 1, "."), isPunct(i + 2, "-"), isText(i + 3, "S"), isPunct(i + 4, ".") {
            say("post-scriptum")
            return i + 5
        }
        // "t.a.b." (tirs au but) and "a.p." (après prolongation) after a score.
        if isText(i, "t"), isPunct(i + 1, "."), isText(i + 2, "a"), isPunct(i + 3, "."), isText(i + 4, "b"), isPunct(i + 5, ".") {
            say("tirs au but")
            return i + 6
        }
        // After the score itself or in brackets after it: « 2-1 a.p. », « 2-1 (a.p.) ».
        if isText(i, "a"), isPunct(i + 1, "."), isText(i + 2, "p"), isPunct(i + 3, "."), i >= 2,
            (isSpace(i - 1) && isNumber(i - 2)) || (i >= 3 && isPunct(i - 1, "(") && isSpace(i - 2) && isNumber(i - 3))
        {
            say("après prolongation")
            return i + 4
        }
        // "p. ex."
        if isText(i, "p"), isPunct(i + 1, "."), isSpace(i + 2), isText(i + 3, "ex"), isPunct(i + 4, ".") {
            say("par exemple")
            return i + 5
        }
        return nil
    }
}

extension Verbalizer {
    /// "et Mme", "et Mᵐᵉ", "et M." after a title: "M. et Mme Martin", "Mme et M. Durand".
    func isCoupleTitle(_ k: Int) -> Bool {
        guard isText(k, "et"), isSpace(k + 1), isWord(k + 2) else { return false }
        let w = text(k + 2)
        return w == "Mme" || w == "Mᵐᵉ" || (w == "M" && isPunct(k + 3, "."))
    }
}

extension Verbalizer {
    /// Whether token `k` is the letter of a code article (« L. 121-1 », « R 4127-1 »): L, R, D or A, a
    /// period or not, then a number.
    func isCodeLetter(_ k: Int) -> Bool {
        guard isText(k, "L") || isText(k, "R") || isText(k, "D") || isText(k, "A") else { return false }
        if isPunct(k + 1, "."), isSpace(k + 2), isNumber(k + 3) { return true }
        return isSpace(k + 1) && isNumber(k + 2)
    }
}
