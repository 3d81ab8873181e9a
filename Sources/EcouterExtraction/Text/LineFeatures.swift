// SPDX-License-Identifier: GPL-3.0-or-later
// What one block of scraped text looks like, measured once: length, share of stop words,
// digits, how it ends, whether it speaks to the reader, whether it is a byline, date or photo
// credit. The block classifier decides from these; nothing here knows a site's phrases.

/// Measurements of one block (a line, or lines that run on) of scraped page text.
struct LineFeatures {
    var characters = 0
    var words = 0
    var stopWords = 0
    var letters = 0
    var digits = 0
    /// Ends like a sentence: `.`, `!`, `?`, `…`, or a closing quote (not `:` or `;`).
    var endsSentence = false
    /// Ends a sentence or a clause that introduces or continues a list (`:` or `;`).
    var endsClause = false
    var endsWithQuestionMark = false
    var endsWithPeriod = false
    /// "vous", "votre", "vos" outside quotation marks: the site talking to its reader
    /// (subscriptions, newsletters, cookies, "was this useful"), rare in news prose.
    var addressesReader = false
    /// A byline, a date, a reading time.
    var isMeta = false
    /// A photo credit or caption ("© AFP", "| OUEST ARMOR / Y. LE BIHAN", "Photo Le DS/L. Perrin").
    var hasCredit = false
    /// An offer or a sign-up ("Offre spéciale", "1 €", "abonnement"): never a headline.
    var isPromo = false
    var isListItem = false
    /// Names a full date ("16 novembre 2026", "23/11/2026"): a dateline, not a headline.
    var hasDate = false
    /// Sentence-ending marks inside and at the end: many in few words is a fact box
    /// ("Durée : 2 h 10. De 15 à 38 euros."), not prose.
    var sentences = 0

    var wordsPerSentence: Double { Double(words) / Double(max(sentences, 1)) }
    var stopShare: Double { words == 0 ? 0 : Double(stopWords) / Double(words) }
    var digitShare: Double { letters + digits == 0 ? 0 : Double(digits) / Double(letters + digits) }

    init(_ text: String, stopWords stopList: Set<String>) {
        characters = text.count
        isListItem = TextShape.isListItem(text)
        let folded = TextShape.folded(text, keepingTrailingPunctuation: true)
        var word = ""
        var inQuote = false
        var sawMonth = false, sawYear = false
        func endWord() {
            guard !word.isEmpty else { return }
            words += 1
            if TextShape.months.contains(word) { sawMonth = true }
            if word.count == 4, word.allSatisfy(\.isNumber) { sawYear = true }
            if stopList.contains(word) { stopWords += 1 }
            if !inQuote, word == "vous" || word == "votre" || word == "vos" { addressesReader = true }
            word = ""
        }
        for ch in folded {
            if ch.isLetter { letters += 1; word.append(ch); continue }
            if ch.isNumber { digits += 1; word.append(ch); continue }
            endWord()
            if ch == "\"" { inQuote.toggle() }
            if ch == "." || ch == "!" || ch == "?" || ch == "…" { sentences += 1 }
        }
        endWord()
        hasDate = (sawMonth && sawYear) || TextShape.hasNumericDate(folded)
        endsSentence = Self.endsLikeSentence(text)
        endsClause = endsSentence || TextShape.endsSentence(text)
        let last = text.unicodeScalars.last(where: { !TextShape.isSpace($0) })
        endsWithQuestionMark = last == "?"
        endsWithPeriod = last == "."
        isMeta = text.count <= 160 && (TextShape.isDateLine(text) || TextShape.isBylineLine(text)
            || TextShape.isBylineWithDate(text) || Self.isReadingTime(folded, words: words))
        hasCredit = Self.hasCredit(text, folded: folded)
        isPromo = Self.isPromo(text, folded: folded)
    }

    private static func endsLikeSentence(_ text: String) -> Bool {
        for s in text.unicodeScalars.reversed() {
            switch s {
            case " ", "\u{00A0}", "\u{202F}", "»", "\"", "”", ")": continue
            case ".", "!", "?", "…": return true
            default: return false
            }
        }
        return false
    }

    /// "Lecture 4 min.", "Temps de lecture : 2 min".
    private static func isReadingTime(_ folded: String, words: Int) -> Bool {
        words <= 6 && folded.contains("lecture") && folded.contains("min")
    }

    private static let creditMarkers = ["photo ", "photos ", "photo:", "photo :", "credit", "capture d'ecran", "illustration :"]

    private static func hasCredit(_ text: String, folded: String) -> Bool {
        guard text.utf8.count <= 1200 else { return false }
        if text.contains("©") || text.contains("(c) ") { return true }
        // " | OUEST ARMOR / YANNICK LE BIHAN": a credit in capitals after a bar.
        if let bar = text.range(of: " | ", options: .backwards) {
            let tail = text[bar.upperBound...]
            if tail.contains(where: \.isLetter), !tail.contains(where: \.isLowercase) { return true }
        }
        // "… en chêne. Photo L'Éclaireur /Marc WEBER": a credit word after the caption's sentence,
        // or opening a short line.
        for marker in creditMarkers {
            guard let range = folded.firstRange(of: marker) else { continue }
            if range.lowerBound == folded.startIndex { return text.count <= 200 }
            let before = folded[..<range.lowerBound].reversed().first(where: { $0 != " " })
            if let before, ".|-–(/".contains(before) { return true }
        }
        return false
    }

    private static let promoWords: Set<String> = [
        "offre", "offres", "offrez", "profitez", "abonnez", "abonner", "abonne", "abonnement", "inscrivez", "inscrire",
        "newsletter", "telechargez", "gratuitement", "connectez", "connecter",
    ]

    private static func isPromo(_ text: String, folded: String) -> Bool {
        text.contains("€") || TextShape.words(folded).contains { promoWords.contains(String($0)) }
    }
}
