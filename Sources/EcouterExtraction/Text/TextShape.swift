// SPDX-License-Identifier: GPL-3.0-or-later
// Small, linear-time judgements about one line of text: how it is spelled for matching,
// whether it is a date, a byline, a list item. Shared by page-text cleanup and HTML extraction.

enum TextShape {
    /// The form rules are compared in: lowercase, no accents, straight apostrophes,
    /// single spaces, no surrounding spaces, no trailing punctuation.
    static func folded(_ text: String, keepingTrailingPunctuation: Bool = false) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        func append(_ s: Unicode.Scalar) {
            // French spacing before ":" ";" "!" "?" is dropped, so "Tags :" and "Tags:" fold alike.
            if pendingSpace, s != ":", s != ";", s != "!", s != "?" { out.append(0x20) }
            pendingSpace = false
            if s.value < 0x80 { out.append(UInt8(s.value)) } else { out.append(contentsOf: String(s).utf8) }
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                // ASCII fast path: most of every line.
                if v == 0x20 || (v >= 0x09 && v <= 0x0D) { pendingSpace = !out.isEmpty; continue }
                append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(v + 0x20)! : scalar)
                continue
            }
            switch v {
            case 0x2019, 0x2018, 0x02BC, 0x00B4: append("'"); continue
            case 0x00AB, 0x00BB, 0x201C, 0x201D: append("\""); continue
            case 0x2013, 0x2014, 0x2012, 0x2212: append("-"); continue
            case 0x200B, 0x200C, 0x200D, 0xFEFF, 0x00AD: continue
            default: break
            }
            if isSpace(scalar) { pendingSpace = !out.isEmpty; continue }
            if scalar.properties.changesWhenLowercased {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars { append(withoutAccent(lower)) }
            } else {
                append(withoutAccent(scalar))
            }
        }
        let folded = String(decoding: out, as: UTF8.self)
        guard !keepingTrailingPunctuation else { return folded }
        // Trailing punctuation and spaces do not change what a line is. Found first, cut once:
        // removing them one by one cost seconds on a megabyte line of ". . . .".
        let scalars = folded.unicodeScalars
        var end = scalars.endIndex
        while end > scalars.startIndex {
            let before = scalars.index(before: end)
            guard trailingNoise.contains(scalars[before]) else { break }
            end = before
        }
        return end == scalars.endIndex ? folded : String(scalars[..<end])
    }

    /// White space, with a fast path for ASCII (Unicode property lookups are slow on hot paths).
    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        switch v {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// The base letter of an accented Latin letter (lowercase input); other scalars unchanged.
    /// Hand-written because this target cannot import Foundation (its ICU clashes with libxml2's).
    static func withoutAccent(_ s: Unicode.Scalar) -> Unicode.Scalar {
        guard s.value >= 0xE0, s.value <= 0x17F else { return s }
        switch s {
        case "à", "á", "â", "ã", "ä", "å", "ā", "ă", "ą": return "a"
        case "ç", "ć", "č", "ĉ", "ċ": return "c"
        case "è", "é", "ê", "ë", "ē", "ĕ", "ė", "ę", "ě": return "e"
        case "ì", "í", "î", "ï", "ĩ", "ī", "ĭ", "į": return "i"
        case "ñ", "ń", "ň", "ņ": return "n"
        case "ò", "ó", "ô", "õ", "ö", "ø", "ō", "ŏ", "ő": return "o"
        case "ù", "ú", "û", "ü", "ũ", "ū", "ŭ", "ů", "ű", "ų": return "u"
        case "ý", "ÿ", "ŷ": return "y"
        case "ś", "š", "ş", "ŝ": return "s"
        case "ź", "ž", "ż": return "z"
        case "ğ", "ĝ", "ġ", "ģ": return "g"
        case "ř", "ŕ", "ŗ": return "r"
        case "ť", "ţ": return "t"
        case "ď", "đ": return "d"
        case "ľ", "ĺ", "ł", "ļ": return "l"
        default: return s
        }
    }

    private static let trailingNoise: Set<Unicode.Scalar> = [".", "…", ":", "!", "?", ",", ";", " ", "-", "|", "›", ">", "»"]

    /// Whitespace runs (including no-break spaces and line breaks) become one space; ends trimmed.
    static func collapsedWhitespace(_ text: some StringProtocol) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x200B, 0x200C, 0x200D, 0xFEFF, 0x00AD: continue
            default: break
            }
            if scalar.value < 0x20 || isSpace(scalar) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(scalar)
        }
        return String(out)
    }

    /// Words made of letters and digits, in a folded line.
    static func words(_ folded: String) -> [Substring] {
        folded.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
    }

    /// True when the line ends a sentence (., !, ?, …, or a closing quote after one).
    static func endsSentence(_ line: String) -> Bool {
        var scalars = line.unicodeScalars.reversed().makeIterator()
        while let s = scalars.next() {
            switch s {
            case " ", "\u{00A0}", "\u{202F}", "»", "\"", "”", "’", ")": continue
            case ".", "!", "?", "…", ":", ";": return true
            default: return false
            }
        }
        return false
    }

    /// True when the line ends with an ellipsis, as cut-off teasers do.
    static func endsWithEllipsis(_ line: String) -> Bool {
        line.hasSuffix("...") || line.hasSuffix("…") || line.hasSuffix("[…]") || line.hasSuffix("(…)")
    }

    /// The bullet a list line starts with, if any ("- ", "– ", "• ", "* ", "· ", "▪ ").
    static func bulletPrefixLength(_ line: String) -> Int? {
        guard let first = line.unicodeScalars.first else { return nil }
        let bullets: Set<Unicode.Scalar> = ["-", "–", "—", "•", "*", "·", "▪", "►", "◦", "‣"]
        guard bullets.contains(first) else { return nil }
        let rest = line.unicodeScalars.dropFirst()
        guard let second = rest.first, second.properties.isWhitespace else { return nil }
        return 2
    }

    /// True when the line looks like an enumerated list item: "1. ", "2) ", "a) ".
    static func isNumberedItem(_ line: String) -> Bool {
        var digits = 0
        var iterator = line.unicodeScalars.makeIterator()
        while let s = iterator.next() {
            if s.properties.numericType != nil, digits < 3 { digits += 1; continue }
            if digits > 0, s == "." || s == ")" {
                return iterator.next().map { $0.properties.isWhitespace } ?? false
            }
            return false
        }
        return false
    }

    static func isListItem(_ line: String) -> Bool {
        bulletPrefixLength(line) != nil || isNumberedItem(line)
    }

    /// A bare time of day on its own line, a live blog's post time: "21h30", "21 h 30", "21:52".
    static func isClockTime(_ line: String) -> Bool {
        // Lazily: a long line is ruled out after its first six non-space scalars, not copied whole.
        let scalars = Array(line.unicodeScalars.lazy.filter { $0 != " " && $0 != "\u{00A0}" }.prefix(6))
        guard scalars.count >= 4, scalars.count <= 5 else { return false }
        let digit = { (s: Unicode.Scalar) in s.value >= 0x30 && s.value <= 0x39 }
        guard let mark = scalars.firstIndex(where: { $0 == "h" || $0 == "H" || $0 == ":" }), mark >= 1, mark <= 2,
            scalars.count - mark - 1 == 2 else { return false }
        return scalars[..<mark].allSatisfy(digit) && scalars[(mark + 1)...].allSatisfy(digit)
    }

    /// A live blog's post stamp on its own line: a time of day ("21:52") or a match minute
    /// ("23'", "90+5'", "45 + 2’"), the sports live's clock.
    static func isPostStamp(_ line: String) -> Bool {
        isClockTime(line) || isMatchMinute(line)
    }

    /// "81'", "90+5'", "45 + 2’": one to three digits, an optional added time, a minute mark.
    static func isMatchMinute(_ line: String) -> Bool {
        let scalars = Array(line.unicodeScalars.filter { $0 != " " && $0 != "\u{00A0}" }.prefix(9))
        guard scalars.count >= 2, scalars.count <= 8, let mark = scalars.last, "'’′".unicodeScalars.contains(mark) else { return false }
        let digit = { (s: Unicode.Scalar) in s.value >= 0x30 && s.value <= 0x39 }
        let parts = scalars.dropLast().split(separator: "+", omittingEmptySubsequences: false)
        guard parts.count <= 2, let minute = parts.first, (1...3).contains(minute.count), minute.allSatisfy(digit) else { return false }
        return parts.count == 1 || ((1...2).contains(parts[1].count) && parts[1].allSatisfy(digit))
    }

    /// "Strasbourg : la grande sapin installé place Kléber": a topic, a colon, a headline, as
    /// "read also" teasers and player links ("Réécouter : le journal de 7 heures") are set.
    static func hasKickerColon(_ line: String) -> Bool {
        // A colon within the first 60 characters, followed by a space (not "14:30").
        var previous: Character = " "
        for (offset, character) in line.prefix(61).enumerated() {
            if previous == ":", character == " " { return offset >= 3 }
            previous = character
        }
        return false
    }

    /// A teaser line: a headline (short, not a sentence), a date, a cut-off summary.
    static func isTeaserLine(_ line: String) -> Bool {
        if isDateLine(line) || endsWithEllipsis(line) { return true }
        return line.count <= 160 && !line.hasSuffix(".")
    }

    // MARK: Dates

    static let months: Set<String> = [
        "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre",
        "novembre", "decembre", "janv", "fev", "fevr", "avr", "juil", "sept", "oct", "nov", "dec",
    ]
    private static let dateVocabulary: Set<String> = [
        "le", "la", "l", "a", "au", "en", "et", "h", "min", "mn", "heures", "heure", "publie", "publiee",
        "mis", "mise", "jour", "modifie", "modifiee", "actualise", "actualisee", "il", "y", "depuis",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "aujourd", "hui",
        "par", "redaction", "cet", "article", "date", "du", "lecture", "temps", "de", "environ", "maj",
        "minutes", "jours", "j", "s", "sec", "secondes",
    ]

    /// True for a short line that is only a date, with perhaps a time and a few words
    /// ("30 juin 2025 - 23:46,", "Publié le 3 février 2025 à 08h00", "03/02/2025").
    static func isDateLine(_ line: String) -> Bool {
        guard line.utf8.count <= 360, line.count <= 90 else { return false }
        let folded = folded(line)
        let tokens = words(folded)
        guard !tokens.isEmpty else { return false }
        var hasMonth = false, numbers = 0, others = 0, hasYearOrTime = false
        for token in tokens {
            let t = String(token)
            if months.contains(t) { hasMonth = true }
            else if t.allSatisfy(\.isNumber) { numbers += 1; if t.count == 4 { hasYearOrTime = true } }
            else if isTimeToken(t) { numbers += 1; hasYearOrTime = true }
            else if !dateVocabulary.contains(t) { others += 1 }
        }
        // "Il y a 25 min", "Mis à jour il y a 3 min": a live blog's relative time.
        if numbers >= 1, others == 0, folded.contains("il y a") { return true }
        // "Aujourd'hui à 05:00", "Hier à 18h30", "Mardi à 7h": a day and a time, nothing else.
        if numbers >= 1, others == 0, hasYearOrTime || hasClockTime(folded), tokens.contains(where: { dayWords.contains($0) }) {
            return true
        }
        // "Il a neigé 3 jours en mars" names a month but is a sentence: other words need a year or time.
        if hasNumericDate(folded) { return others <= 2 }
        guard hasMonth, numbers >= 1 else { return false }
        return others == 0 || (hasYearOrTime && others <= 2)
    }

    private static let dayWords: Set<Substring> = [
        "aujourd", "hier", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ]

    /// "05:00", "18:42": hours and minutes set with a colon.
    private static func hasClockTime(_ folded: String) -> Bool {
        let bytes = Array(folded.utf8)
        func isDigit(_ i: Int) -> Bool { i >= 0 && i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 }
        for i in bytes.indices where bytes[i] == 0x3A {
            if isDigit(i - 1), isDigit(i + 1), isDigit(i + 2), !isDigit(i + 3), !isDigit(i - 3) { return true }
        }
        return false
    }

    /// "Nadia Benali", "Jean-Marc Le Goff": two to four capitalised words and nothing else.
    static func isBareName(_ line: String) -> Bool {
        guard line.count <= 50 else { return false }
        let parts = line.split(separator: " ")
        guard parts.count >= 2, parts.count <= 4 else { return false }
        let particles: Set<Substring> = ["de", "du", "le", "la", "d'", "van", "von"]
        return parts.allSatisfy { part in
            particles.contains(part) || (part.first?.isUppercase == true && part.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" })
        }
    }

    /// "Journaliste au service économie d'InfoÉco, spécialiste de…": a short presentation of the
    /// author, opening with a trade.
    static func isAuthorBio(_ line: String) -> Bool {
        guard line.count <= 250, let first = words(folded(line)).first else { return false }
        return authorTrades.contains(first)
    }

    private static let authorTrades: Set<Substring> = [
        "journaliste", "redacteur", "redactrice", "reporter", "correspondant", "correspondante", "chroniqueur",
        "chroniqueuse", "editorialiste", "pigiste", "envoye", "envoyee", "photographe", "cheffe", "specialiste",
    ]

    /// "08h00", "8h", "1er", "23h46".
    private static func isTimeToken(_ t: String) -> Bool {
        if t == "1er" { return true }
        guard let h = t.firstIndex(of: "h") else { return false }
        let before = t[..<h], after = t[t.index(after: h)...]
        return !before.isEmpty && before.allSatisfy(\.isNumber) && after.allSatisfy(\.isNumber)
    }

    /// dd/mm/yyyy, dd.mm.yyyy, dd-mm-yyyy or yyyy-mm-dd somewhere in the line.
    static func hasNumericDate(_ folded: String) -> Bool {
        var groups: [Int] = []   // lengths of digit runs joined by one separator
        var run = 0
        var lastSeparator: Unicode.Scalar? = nil
        func flush() { if run > 0 { groups.append(run) }; run = 0 }
        // By scalar, with ASCII digits tested first: Character.isNumber on every character of every
        // line was a tenth of cleaning a long page.
        for ch in folded.unicodeScalars {
            if ch.value >= 0x30 && ch.value <= 0x39 || (ch.value >= 0x80 && ch.properties.numericType != nil) { run += 1; continue }
            if (ch == "/" || ch == "." || ch == "-"), run > 0, lastSeparator == nil || lastSeparator == ch {
                groups.append(run); run = 0; lastSeparator = ch
                continue
            }
            flush()
            if groups.count >= 3 { break }
            groups = []; lastSeparator = nil
        }
        flush()
        guard groups.count >= 3 else { return false }
        let g = Array(groups.prefix(3))
        return (g[0] <= 2 && g[1] <= 2 && (g[2] == 4 || g[2] == 2)) || (g[0] == 4 && g[1] <= 2 && g[2] <= 2)
    }

    /// A byline with its date on one line: "Par Jeanne Martin et Paul Durand Publié le 12/03/2024 à 10h32",
    /// "Le Monde avec AFP Publié hier à 18h05". Only judged around the title and at the end.
    static func isBylineWithDate(_ line: String) -> Bool {
        guard line.utf8.count <= 600, line.count <= 150, !line.hasSuffix(".") || line.hasSuffix("min.") else { return false }
        let folded = folded(line)
        let words = words(folded)
        guard let first = words.first else { return false }
        let marked = first == "par" || words.contains("publie") || words.contains("publiee") || words.contains("modifie") || folded.contains("mis a jour")
            || folded.contains("mis en ligne") || words.contains("poste")
        guard marked else { return false }
        let hasMonth = words.contains { months.contains(String($0)) }
        let hasTime = words.contains { isTimeToken(String($0)) }
        let hasYear = words.contains { $0.count == 4 && $0.allSatisfy(\.isNumber) }
        return hasNumericDate(folded) || (hasMonth && (hasYear || hasTime)) || hasTime
    }

    /// "— Collectif Parents 76 (@parents76) 20 mai 2025": the signature line of an embedded post.
    static func isSocialPostSignature(_ line: String) -> Bool {
        guard line.utf8.count <= 600, line.count <= 160, let first = line.first, "—–-".contains(first) else { return false }
        return line.contains("(@")
    }

    // MARK: Bylines

    private static let nameParticles: Set<String> = [
        "de", "du", "des", "la", "le", "d'", "et", "van", "von", "ben", "el", "al", "avec", "y", "da", "di", "dos",
    ]

    /// True for a short line that is only a person's or agency's name, perhaps after "Par"
    /// ("Cédric Cartau", "Par Jeanne Martin et Paul Durand", "Par la rédaction", "AFP").
    static func isBylineLine(_ line: String) -> Bool {
        guard line.utf8.count <= 280, line.count <= 70, !line.hasSuffix("!"), !line.hasSuffix("?") else { return false }
        // "Ouest-France Marie Le Gall." — a signature may end with a period.
        var body = line.hasSuffix(".") && !isInitialEnding(line) ? String(line.dropLast()) : line
        // "(Avec AFP)", "(Par Jeanne Martin)".
        if body.hasPrefix("("), body.hasSuffix(")") { body = String(body.dropFirst().dropLast()) }
        var sawPar = false
        // "Écrit par Camille Rouvière", "Propos recueillis par …": the words before the name.
        let foldedBody = folded(body)
        if let opener = bylineOpeners.first(where: { foldedBody.hasPrefix($0) }) {
            let openerWords = opener.split(separator: " ").count
            body = body.split(separator: " ", omittingEmptySubsequences: true).dropFirst(openerWords).joined(separator: " "); sawPar = true
        }
        // "Par Yann Le Goff (Saint-Brieuc, envoyé spécial)": where the writer was, after the name.
        if sawPar || foldedBody.hasPrefix("par "), body.hasSuffix(")"), let open = body.lastIndex(of: "("), open > body.startIndex {
            body = String(body[..<open])
            while body.last == " " { body.removeLast() }
        }
        var tokens = body.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\u{00A0}" })
        guard !tokens.isEmpty, tokens.count <= 8 else { return false }
        if let first = tokens.first, first.lowercased() == "par" || first.lowercased() == "by" {
            tokens.removeFirst(); sawPar = true
        }
        if sawPar, tokens.count >= 1, tokens.count <= 7 {
            let rest = tokens.joined(separator: " ").lowercased()
            if rest.hasPrefix("la redaction") || rest.hasPrefix("la rédaction") { return true }
        }
        guard !tokens.isEmpty else { return false }
        var capitalized = 0
        for token in tokens {
            let lower = token.lowercased()
            if nameParticles.contains(lower) || lower.hasPrefix("d'") || lower.hasPrefix("d’") || lower.hasPrefix("l'") || lower.hasPrefix("l’") { continue }
            guard let first = token.first, first.isUppercase else { return false }
            guard token.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "." || $0 == "'" || $0 == "’" }) else { return false }
            capitalized += 1
        }
        // One capitalized word alone is a byline only after "Par" (or as a known agency).
        if capitalized >= 2 && capitalized <= 6 { return true }
        if capitalized == 1 && (sawPar || tokens.contains { agencies.contains($0.uppercased()) }) { return true }
        return false
    }

    private static let agencies: Set<String> = ["AFP", "REUTERS", "AP", "APM", "APMNEWS"]

    /// Words before a writer's name, folded (accents and case ignored), each with its space.
    private static let bylineOpeners = ["ecrit par ", "redige par ", "article redige par ", "propos recueillis par ", "texte de "]

    /// "Jean D." ends with an initial, not a sentence.
    private static func isInitialEnding(_ line: String) -> Bool {
        let chars = Array(line.suffix(3))
        return chars.count == 3 && chars[0] == " " && chars[1].isUppercase && chars[2] == "."
    }

    // MARK: Footnote markers

    /// Removes footnote markers glued to the previous word ("podium[1] si" -> "podium si") and
    /// the link numbers of a text-mode browser's dump: "[12]Nathalie Rey" -> "Nathalie Rey",
    /// and a superscript link "heures^[8]1." -> "heures." (lynx sets `<sup>` after a caret).
    static func removingFootnoteMarkers(_ line: String) -> String {
        guard line.contains("[") else { return line }
        var out = ""
        out.reserveCapacity(line.utf8.count)
        var chars = line[...]
        while let open = chars.firstIndex(of: "[") {
            var before = chars[..<open]
            let afterOpen = chars[chars.index(after: open)...]
            var digits = 0
            var idx = afterOpen.startIndex
            while idx < afterOpen.endIndex, afterOpen[idx].isNumber, digits < 4 {
                digits += 1; idx = afterOpen.index(after: idx)
            }
            guard digits > 0, idx < afterOpen.endIndex, afterOpen[idx] == "]" else {
                out += chars[...open]
                chars = afterOpen
                continue
            }
            var rest = afterOpen[afterOpen.index(after: idx)...]
            let glued = before.last.map { !$0.isWhitespace } ?? false
            let linksNext = rest.first.map { !$0.isWhitespace } ?? false
            if before.last == "^" {
                // A superscript note number: the caret, the link number and the number itself.
                before = before.dropLast()
                rest = rest.drop(while: \.isNumber)
            } else if !glued, !linksNext {
                out += chars[...open]
                chars = afterOpen
                continue
            }
            out += before
            chars = rest
        }
        out += chars
        return out
    }

    /// "[1] Classement ..." — a footnote line.
    static func isFootnoteLine(_ line: String) -> Bool {
        guard line.hasPrefix("[") else { return false }
        let inner = line.dropFirst().prefix(while: \.isNumber)
        return !inner.isEmpty && inner.count <= 3 && line.dropFirst(1 + inner.count).first == "]"
    }
}
