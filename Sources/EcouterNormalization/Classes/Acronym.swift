// SPDX-License-Identifier: GPL-3.0-or-later

/// Acronyms: which are spelled letter by letter ("UE" → "u e") and which are read as a word
/// ("OTAN", "Insee" respelled so eSpeak NG reads them the French way).
enum Acronyms {
    /// Always spelled, even when they look pronounceable (`letters` lines of voices/tables/acronyms.tsv).
    static let spelled: Set<String> = Set(table.compactMap { $0.respelling == nil ? $0.written : nil })

    /// Read as words, with a respelling eSpeak NG reads right (key: lower case, any written case;
    /// `word` lines of voices/tables/acronyms.tsv).
    static let words: [String: String] = Dictionary(
        table.compactMap { entry in entry.respelling.map { (entry.written, $0) } }, uniquingKeysWith: { first, _ in first })

    /// One line of the acronym table: spelled when `respelling` is nil.
    struct Entry: Sendable {
        var written: String
        var respelling: String?
    }

    /// The lines of the embedded acronym table (checked by scripts/embed-voices.py and a test).
    static let table: [Entry] = parse(EmbeddedTables.table("acronyms"))

    /// Reads `written<TAB>letters` and `written<TAB>word<TAB>respelling` lines; comments ("# ") and
    /// blank lines are skipped, and so is any other line (the generator refuses them before they get here).
    static func parse(_ tsv: String) -> [Entry] {
        var entries: [Entry] = []
        for line in TableText.lines(tsv) where !line.hasPrefix("# ") {
            let fields = TableText.fields(line)
            if fields.count == 2, fields[1] == "letters" {
                entries.append(Entry(written: String(fields[0]), respelling: nil))
            } else if fields.count == 3, fields[1] == "word", !fields[2].isEmpty {
                entries.append(Entry(written: String(fields[0]), respelling: String(fields[2])))
            }
        }
        return entries
    }

    /// A quick pre-check of ``words``' keys.
    static let wordKeys = WordFilter(words.keys)

    /// Short French words that an all-caps headline holds: read as words, not spelled.
    static let headlineWords: Set<String> = [
        "A", "À", "AU", "AUX", "DE", "DU", "DES", "LA", "LE", "LES", "ET", "EN", "UN", "UNE", "SUR", "PAR", "POUR",
        "DANS", "EST", "IL", "ELLE", "ON", "NE", "PAS", "SE", "SA", "SON", "SES", "CE", "CES", "QUI", "QUE", "OU", "OÙ",
        "MAIS", "NOUS", "VOUS", "ILS", "LEUR", "LEURS", "Y", "MON", "MES", "TON", "TES", "NOS", "VOS", "PLUS", "TRÈS",
        "BON", "FIN", "NON", "OUI", "MAX", "TOUT", "TOUS", "RUE", "VIE", "AN", "ANS", "JOUR", "MOIS", "CAS", "FOU",
    ]

    static let vowels = Set("AEIOUYÉÈÊÀÂÎÔÛÄËÏÖÜ".unicodeScalars)
    /// Consonant pairs that may start a pronounceable syllable.
    static let onsets: Set<String> = [
        "BL", "BR", "CL", "CR", "DR", "FL", "FR", "GL", "GR", "PL", "PR", "TR", "VR", "SC", "SP", "ST", "SM", "SN", "CH",
        "PH", "TH", "SK",
    ]
    /// Consonant pairs that may end one.
    static let codas: Set<String> = ["ST", "SK", "RS", "RT", "RD", "RN", "RM", "NT", "ND", "NS", "LT", "CT", "PT", "SS", "RC", "RF", "RP", "LF", "LM", "SP"]

    /// Whether an unknown all-caps word reads as a word: vowels spread out, no three consonants in a row,
    /// a plausible first and last cluster. Short ones (≤ 3 letters) are spelled unless listed.
    static func isPronounceable(_ letters: [Unicode.Scalar]) -> Bool {
        let n = letters.count
        guard n >= 4 else { return false }
        var consonantRun = 0
        var vowelsSeen = 0
        var vowelRun = 0
        // Long all-caps words ("EXCLUSIF", "MONSTRUEUX") are headline words: acronyms that long are listed.
        // They may hold French clusters of three or four consonants ("xcl", "nstr").
        let maximumConsonantRun = n >= 7 ? 4 : 2
        for c in letters {
            if vowels.contains(c) {
                vowelsSeen += 1
                vowelRun += 1
                consonantRun = 0
                // "OUI" in "LOUIS", "UEU" in "MONSTRUEUX"; short acronyms like "AIEA" stay spelled.
                if vowelRun > (n >= 5 ? 3 : 2) { return false }
            } else {
                consonantRun += 1
                vowelRun = 0
                if consonantRun > maximumConsonantRun { return false }
            }
        }
        guard vowelsSeen * 4 >= n else { return false }
        if !vowels.contains(letters[0]) && !vowels.contains(letters[1]) {
            guard onsets.contains(String(String.UnicodeScalarView(letters[0...1]))) else { return false }
        }
        if !vowels.contains(letters[n - 1]) && !vowels.contains(letters[n - 2]) {
            guard codas.contains(String(String.UnicodeScalarView(letters[(n - 2)...]))) else { return false }
        }
        return true
    }

    /// Letters spelled so eSpeak NG names each one: "SNCF" → "s n c f".
    static func spell<C: Collection>(_ letters: C) -> String where C.Element == Unicode.Scalar {
        var out = ""
        out.reserveCapacity(letters.count * 2)
        for c in letters {
            if !out.isEmpty { out.append(" ") }
            out.unicodeScalars.append(Tokenizer.lower(c))
        }
        return out
    }
}

extension Acronyms {
    static func hasVowel<C: Collection>(_ letters: C) -> Bool where C.Element == Unicode.Scalar {
        letters.contains(where: { vowels.contains($0) })
    }

    /// An all-caps word that shows the text around it is an all-caps headline: a short French word
    /// ("LE", "DES") or a longer word that is no known acronym.
    static func marksHeadline(_ word: String, pronounceable: Bool) -> Bool {
        if headlineWords.contains(word) { return true }
        if spelled.contains(word) || words[word.lowercased()] != nil { return false }
        return word.unicodeScalars.count >= 4 && pronounceable
    }
}

extension Verbalizer {
    /// Whether the all-caps word `i` stands in an all-caps headline: the nearest word before or after
    /// (across one space) is an all-caps headline word.
    func isInCapitalizedHeadline(_ i: Int) -> Bool {
        func marksHeadline(_ k: Int) -> Bool {
            guard isAllUpper(k), length(k) <= 12 else { return false }
            return Acronyms.marksHeadline(text(k), pronounceable: Acronyms.isPronounceable(Array(s[t[k].start..<t[k].end])))
        }
        return (isSpace(i - 1) && marksHeadline(i - 2)) || (isSpace(i + 1) && marksHeadline(i + 2))
    }

    /// "ARNm" → "a r n m": capitals that are a spelled acronym, then one lower-case letter other than "s".
    mutating func spelledWithLowerLetter(_ i: Int) -> Int? {
        let start = t[i].start, end = t[i].end
        let last = s[end - 1]
        guard !Tokenizer.isUpper(last), last != "s", Tokenizer.isLetter(last) else { return nil }
        for k in start..<(end - 1) where !Tokenizer.isUpper(s[k]) { return nil }
        var prefix = ""
        prefix.unicodeScalars.append(contentsOf: s[start..<(end - 1)])
        guard Acronyms.spelled.contains(prefix) else { return nil }
        say(Acronyms.spell(s[start..<end]))
        return i + 1
    }

    mutating func matchAcronym(_ i: Int) -> Int? {
        let n = length(i)
        let upper = isAllUpper(i)
        if !upper {
            // "ARNm": a spelled acronym with a lower-case letter glued on is spelled whole (a plural "s" is not).
            if n >= 3, n <= 7, let j = spelledWithLowerLetter(i) { return j }
            // "Insee", "Unesco", "Covid": mixed-case acronyms eSpeak NG would misread.
            guard n >= 3, n <= 9, Tokenizer.isUpper(first(i)), Acronyms.wordKeys.mightContainLowered(s, t[i].start, t[i].end),
                let word = Acronyms.words[lowerText(i)]
            else { return nil }
            say(word)
            return i + 1
        }
        guard n >= 2 else { return nil }
        if n <= 9 {
            let w = text(i)
            if Acronyms.spelled.contains(w) {
                say(Acronyms.spell(w.unicodeScalars))
                return i + 1
            }
            if let word = Acronyms.words[w.lowercased()] {
                say(word)
                return i + 1
            }
            if Acronyms.headlineWords.contains(w) {
                say(w.lowercased())
                return i + 1
            }
        }
        let letters = s[t[i].start..<t[i].end]
        if n <= 3, isInCapitalizedHeadline(i), Acronyms.hasVowel(letters) {
            // "LE ROI EST MORT": in an all-caps headline an unknown short word is a word, not an acronym.
            say(lowerText(i))
            return i + 1
        }
        if Acronyms.isPronounceable(Array(letters)) {
            // A capitalized heading word or a pronounceable acronym: say it as a word.
            say(lowerText(i))
        } else {
            say(Acronyms.spell(letters))
        }
        return i + 1
    }
}
