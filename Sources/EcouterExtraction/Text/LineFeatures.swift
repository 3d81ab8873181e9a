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
    /// A "?" anywhere: a prompt ("Cet article vous a été utile ? Suivez-nous…"), not a writer's aside.
    var hasQuestionMark = false
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
    /// Starts "1. ", "2) ": a numbered heading or item.
    var isNumbered = false
    /// Names a full date ("16 novembre 2026", "23/11/2026"): a dateline, not a headline.
    var hasDate = false
    /// Sentence-ending marks inside and at the end: many in few words is a fact box
    /// ("Durée : 2 h 10. De 15 à 38 euros."), not prose.
    var sentences = 0
    /// A comment thread's heading ("Commentaires (12)", "3 réponses", "Réagissez"): the article
    /// does not go on past it.
    var opensComments = false
    /// A consent notice ("cookies", "traceurs") speaking to the reader, however long.
    var isConsentNotice = false
    /// The folded text of a short block, to find lines the page repeats (a table of contents
    /// before its headings, a menu entry before the kicker); nil for longer blocks.
    var repeatKey: String?
    /// Holds a "|": links or labels set side by side.
    var hasBar = false
    /// A short line holding a score ("Toulouse 20 - 16 La Rochelle", "Lille 1 - 1 Lens").
    var looksLikeScore = false
    /// Words that start with a capital letter.
    var capitalized = 0
    var capitalShare: Double { words == 0 ? 0 : Double(capitalized) / Double(words) }
    /// The title of an embedded video, gallery or map, labelled as such ("VIDÉO - Le résumé du
    /// match", "EN IMAGES : …"): a player's caption, not a subheading of the text.
    var isMediaLabel = false

    /// Reads like a sentence of running prose: long enough, a third of it function words, ended
    /// by sentence punctuation. Price boxes, offers and table cells are none of these.
    var isFullSentence: Bool { words >= Self.fullSentenceWords && stopShare >= Self.fullSentenceStopShare && endsSentence }
    static let fullSentenceWords = 15
    static let fullSentenceStopShare = 0.3

    var wordsPerSentence: Double { Double(words) / Double(max(sentences, 1)) }
    var stopShare: Double { words == 0 ? 0 : Double(stopWords) / Double(words) }
    var digitShare: Double { letters + digits == 0 ? 0 : Double(digits) / Double(letters + digits) }

    /// Measures a block. `measuringMeta: false` skips the byline and date tests, for callers
    /// that have already dropped those blocks (the HTML path's tidying did).
    init(_ text: String, stopWords stopList: Set<UInt64> = FrenchStopWords.builtInHashes, measuringMeta: Bool = true) {
        characters = text.unicodeScalars.count
        isNumbered = TextShape.isNumberedItem(text)
        isListItem = isNumbered || TextShape.bulletPrefixLength(text) != nil
        // The folded form (TextShape.folded) is built only for the few tests that search it.
        var foldedCache: String?
        func foldedText() -> String {
            if let foldedCache { return foldedCache }
            let folded = TextShape.folded(text, keepingTrailingPunctuation: true)
            foldedCache = folded
            return folded
        }
        // One pass over the text, folding as it goes (lowercase, no accents, straight quotes):
        // this runs on every block of a page, 10 MB pages included. Letters outside Latin count
        // as letters, byte by byte, as in the folded form.
        var wordLength = 0, wordHash = WordHash.start
        var wordIsDigits = true
        var inQuote = false
        var sawMonth = false, sawYear = false, sawPromoWord = false, sawCreditWord = false
        var afterHyphen = false, afterApostrophe = false, previous: UInt8 = 0x20
        var previousWordHash = WordHash.start, firstWordHash = WordHash.start
        var commentsWordLeads = false
        var sawSymbol = false, sawCommentsWord = false, sawConsentWord = false, sawPromoHint = false, sawEuro = false
        func endWord() {
            guard wordLength > 0 else { return }
            words += 1
            if words == 1 { firstWordHash = wordHash }
            if wordLength == 4, wordIsDigits { sawYear = true }
            // The words looked up are short; longer ones need no lookup (one hash per word).
            if wordLength <= 12, !wordIsDigits {
                if stopList.contains(wordHash) { stopWords += 1 }
                if let tag = Self.tags[wordHash] {
                    switch tag {
                    case .month: sawMonth = true
                    // "Rendez-vous", "Abonnez-vous": a noun, or an imperative the promo words catch.
                    case .reader: if !inQuote, !afterHyphen { addressesReader = true }
                    // "s'offre", "s'abonne", "s'inscrire": a reflexive verb of the story
                    // ("Lens s'offre Marseille"), not an offer made to the reader.
                    case .promo: if !(afterApostrophe && previousWordHash == Self.reflexiveHash) { sawPromoWord = true }
                    case .credit: sawCreditWord = true
                    case .comments: sawCommentsWord = true; if words <= 2 { commentsWordLeads = true }
                    case .consent: sawConsentWord = true
                    case .promoHint: sawPromoHint = true
                    }
                }
            }
            previousWordHash = wordHash
            wordLength = 0
            wordHash = WordHash.start
            wordIsDigits = true
        }
        func feed(_ byte: UInt8, leadOrASCII: Bool = true) {
            let isDigit = byte >= 0x30 && byte <= 0x39
            let isLetter = (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
            if isDigit || isLetter {
                if wordLength == 0 { afterHyphen = previous == 0x2D; afterApostrophe = previous == 0x27 }
                if isDigit { digits += 1 } else { if leadOrASCII { letters += 1 }; wordIsDigits = false }
                wordLength += 1
                wordHash = WordHash.adding(byte, to: wordHash)
                previous = byte
                return
            }
            endWord()
            previous = byte
            switch byte {
            case 0x7C: sawSymbol = true; hasBar = true
            case 0x28: sawSymbol = true  // "(c)"
            case 0x22: inQuote.toggle()
            case 0x3F: sentences += 1; hasQuestionMark = true
            case 0x2E, 0x21: sentences += 1
            default: break
            }
        }
        func feedLetter(_ scalar: Unicode.Scalar) {
            var first = true
            for byte in String(scalar).utf8 { feed(byte, leadOrASCII: first); first = false }
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            // A word that starts with a capital (A–Z, À–Þ): names, and the first word of a sentence.
            if wordLength == 0, (v >= 0x41 && v <= 0x5A) || (v >= 0xC0 && v <= 0xDE && v != 0xD7) { capitalized += 1 }
            if v < 0x80 {
                feed(v >= 0x41 && v <= 0x5A ? UInt8(v + 0x20) : UInt8(v))
                continue
            }
            switch v {
            case 0x2019, 0x2018, 0x02BC, 0x00B4: feed(0x27)
            case 0x00AB, 0x00BB, 0x201C, 0x201D: feed(0x22)
            case 0x2013, 0x2014, 0x2012, 0x2212: feed(0x2D)
            case 0x200B, 0x200C, 0x200D, 0xFEFF, 0x00AD: continue
            case 0x2026: feed(0x2E)  // "…" ends a sentence
            case 0x00A9: sawSymbol = true; feed(0x20)  // "©"
            case 0x20AC: sawEuro = true; feedLetter(scalar)
            case 0x00C0...0x00DE where v != 0x00D7:
                feedLetter(TextShape.withoutAccent(Unicode.Scalar(v + 0x20)!))
            case 0x00DF...0x017F:
                let lower = scalar.properties.changesWhenLowercased ? scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar : scalar
                feedLetter(TextShape.withoutAccent(lower))
            default:
                if TextShape.isSpace(scalar) { feed(0x20) } else { feedLetter(scalar) }
            }
        }
        endWord()
        if characters < 100 { repeatKey = foldedText() }
        hasDate = (sawMonth && sawYear) || (digits >= 4 && TextShape.hasNumericDate(foldedText()))
        endsSentence = Self.endsLikeSentence(text)
        // "Commentaires (12)", "3 réponses", and WordPress's "4 réflexions sur « Le titre »".
        opensComments = sawCommentsWord && (words <= 6 || (commentsWordLeads && words <= 24 && !endsSentence))
        isConsentNotice = sawConsentWord && addressesReader
        endsClause = endsSentence || TextShape.endsSentence(text)
        let last = text.unicodeScalars.last(where: { !TextShape.isSpace($0) })
        endsWithQuestionMark = last == "?"
        endsWithPeriod = last == "."
        guard characters < 250 else { return }  // the shape tests below only judge short blocks
        // Each test runs only when the words it needs are there (they fold the line again).
        if measuringMeta, characters <= 160 {
            isMeta = (words <= 9 && TextShape.isBylineLine(text))
                || (digits > 0 && (TextShape.isDateLine(text) || TextShape.isBylineWithDate(text) || Self.isReadingTime(foldedText(), words: words)))
        }
        // "Rédigé par Julie Marchand, journaliste santé. Validé par le Dr Pierre Aubry. Mis à jour le 26/11/2026."
        if characters <= 200, hasDate, Self.bylineOpenings.contains(where: { foldedText().hasPrefix($0) }) {
            isMeta = true
        }
        // The credit tests search the line; most lines hold none of what they look for.
        let mayHoldCredit = sawCreditWord || sawSymbol || (sentences >= 1 && !endsSentence)
        hasCredit = mayHoldCredit && Self.hasCredit(text, folded: foldedText(), creditWord: sawCreditWord)
        // "Réalisation : Pierre Olivier. Prise de son : Lucie Marchand.": a programme's credits.
        if !hasCredit, sentences >= 2 { hasCredit = Self.isCreditRoll(text) }
        looksLikeScore = words <= 8 && digits >= 2 && Self.hasScore(text)
        isMediaLabel = characters <= 160 && Self.mediaFirstWords.contains(firstWordHash) && Self.isMediaLabel(foldedText())
        // An amount alone does not make an offer: a full sentence of prose ("Le conseil a retenu
        // une entreprise pour un montant de 182 000 €, financé à moitié par le département.") is
        // the article, whatever sums it names. Offer words still mark it.
        isPromo = sawPromoWord || (sawEuro && !isFullSentence) || (sawPromoHint && Self.promoPhrases.contains(where: { foldedText().contains($0) }))
    }

    private static let reflexiveHash = WordHash.of("s")

    /// Words that label an embedded medium when a separator follows them.
    private static let mediaLabels = [
        "video", "videos", "en video", "photo", "photos", "en photos", "en images", "diaporama", "infographie",
        "carte", "graphique", "podcast", "audio", "replay", "direct video",
    ]

    private static let mediaFirstWords = Set(mediaLabels.map { WordHash.of(String($0.prefix(while: { $0 != " " }))) })

    /// "video - le resume du match", "en images : la crue", "infographie | les chiffres" (folded).
    private static func isMediaLabel(_ folded: String) -> Bool {
        for label in mediaLabels where folded.hasPrefix(label) {
            let rest = folded.utf8.dropFirst(label.utf8.count).drop(while: { $0 == 0x20 })
            guard let mark = rest.first, mark == 0x2D || mark == 0x3A || mark == 0x7C else { continue }
            // Something must follow the label: "Vidéo :" alone is a button, caught elsewhere.
            return rest.dropFirst().contains(where: { $0 != 0x20 })
        }
        return false
    }

    private static let promoPhrases = ["bon plan", "notre partenaire", "nos partenaires", "code promo"]

    private static let bylineOpenings = ["redige par", "ecrit par", "article redige par", "par ", "propos recueillis par", "texte :"]

    private enum Tag { case month, reader, promo, credit, comments, consent, promoHint }

    /// Words that mark a feature, folded. Months as TextShape knows them.
    private static let tags: [UInt64: Tag] = {
        var tags: [UInt64: Tag] = [:]
        func tag(_ words: some Sequence<String>, _ tag: Tag) { for word in words { tags[WordHash.of(word)] = tag } }
        tag(TextShape.months, .month)
        tag(["vous", "votre", "vos"], .reader)
        tag(promoWords, .promo)
        tag(["photo", "photos", "credit", "credits", "capture", "illustration"], .credit)
        tag(["commentaire", "commentaires", "reactions", "reagissez", "reponses", "commenter", "reflexions"], .comments)
        tag(["cookies", "traceurs", "consentement"], .consent)
        tag(["plan", "partenaire", "partenaires", "promo"], .promoHint)  // words of promoPhrases
        return tags
    }()

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
    /// Digits, " - " or "-", digits.
    private static func hasScore(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars.prefix(200))
        var i = 0
        while i < scalars.count {
            guard scalars[i].properties.numericType != nil else { i += 1; continue }
            var j = i
            while j < scalars.count, scalars[j].properties.numericType != nil { j += 1 }
            var k = j
            while k < scalars.count, scalars[k] == " " { k += 1 }
            if k < scalars.count, scalars[k] == "-" || scalars[k] == "–" {
                k += 1
                while k < scalars.count, scalars[k] == " " { k += 1 }
                if k < scalars.count, scalars[k].properties.numericType != nil { return true }
            }
            i = j
        }
        return false
    }

    private static func isReadingTime(_ folded: String, words: Int) -> Bool {
        words <= 6 && folded.contains("lecture") && folded.contains("min")
    }

    private static let creditMarkers = ["photo ", "photos ", "photo:", "photo :", "credit", "capture d'ecran", "illustration :"]

    private static func hasCredit(_ text: String, folded: String, creditWord: Bool) -> Bool {
        guard text.utf8.count <= 1200 else { return false }
        if text.contains("©") || text.contains("(c) ") { return true }
        // " | OUEST ARMOR / YANNICK LE BIHAN": a credit in capitals after a bar.
        if let bar = text.range(of: " | ", options: .backwards) {
            let tail = text[bar.upperBound...]
            if tail.contains(where: \.isLetter), !tail.contains(where: \.isLowercase) { return true }
        }
        // "… en chêne. Photo L'Éclaireur /Marc WEBER": a credit word after the caption's sentence,
        // or opening a short line.
        if hasCreditTail(text) { return true }
        guard creditWord else { return false }
        for marker in creditMarkers {
            guard let range = folded.firstRange(of: marker) else { continue }
            if range.lowerBound == folded.startIndex { return text.count <= 200 }
            let before = folded[..<range.lowerBound].reversed().first(where: { $0 != " " })
            if let before, ".|-–(/".contains(before) { return true }
        }
        return false
    }

    /// Two sentences or more set "Role : Name", nothing but capitalised names after the colon
    /// ("Réalisation : Pierre Olivier. Prise de son : Lucie Marchand."): a credits roll. After a
    /// colon, prose goes on in lower case ("Le constat est simple : il manque des bras.").
    static func isCreditRoll(_ text: String) -> Bool {
        var roles = 0
        for sentence in text.split(separator: ".") {
            guard let colon = sentence.firstRange(of: " : ") else { continue }
            let label = sentence[..<colon.lowerBound].split(separator: " "), names = sentence[colon.upperBound...].split(separator: " ")
            guard (1...3).contains(label.count), (1...4).contains(names.count) else { continue }
            let allNames = names.allSatisfy { word in creditParticles.contains(word.lowercased()) || word.first?.isUppercase == true }
            if allNames, names.contains(where: { $0.first?.isUppercase == true }) { roles += 1 }
        }
        return roles >= 2
    }

    private static let creditParticles: Set<String> = ["pour", "de", "du", "des", "la", "le", "/", "et", "d'", "l'", "-"]

    /// "… au sommet de l'ancien phare. Claire Le Saux pour Lettres Vives": names (and "pour",
    /// "/") after the caption's last sentence, as photo credits are set.
    private static func hasCreditTail(_ text: String) -> Bool {
        guard let stop = text.range(of: ". ", options: .backwards) else { return false }
        let tail = text[stop.upperBound...].split(separator: " ")
        guard tail.count >= 2, tail.count <= 8, let last = tail.last?.last, last.isLetter else { return false }
        var names = 0
        for word in tail {
            if creditParticles.contains(word.lowercased()) { continue }
            guard let first = word.first, first.isUppercase else { return false }
            names += 1
        }
        return names >= 2
    }

    private static let promoWords: Set<String> = [
        "offre", "offres", "offrez", "profitez", "abonnez", "abonner", "abonne", "abonnement", "inscrivez", "inscrire",
        "newsletter", "telechargez", "recevez", "gratuitement", "connectez", "connecter", "gagnez", "participez",
    ]
}
