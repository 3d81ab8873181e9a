// SPDX-License-Identifier: GPL-3.0-or-later

/// Symbols said as words ("&" → "et", "±" → "plus ou moins"), and typographic marks turned into
/// pauses or silence (dashes, bullets).
enum Symbols {
    static let words: [Unicode.Scalar: String] = [
        "&": "et", "+": "plus", "=": "égale", "→": "vers", "⇒": "donc", "×": "fois", "÷": "divisé par",
        "±": "plus ou moins", "≈": "environ", "≠": "différent de", "≤": "inférieur ou égal à",
        "≥": "supérieur ou égal à", "<": "inférieur à", ">": "supérieur à", "%": "pour cent", "‰": "pour mille",
        "°": "degrés", "§": "paragraphe", "€": "euros", "$": "dollars", "£": "livres", "¥": "yens", "@": "arobase",
        "∞": "l'infini", "√": "racine de", "©": "copyright", "№": "numéro", "~": "environ", "−": "moins",
        "♀": "femme", "♂": "homme", "✓": "", "✔": "",
    ]
    /// Marks that read as nothing.
    static let silent: Set<Unicode.Scalar> = [
        "*", "•", "·", "®", "™", "″", "†", "‡", "^", "¶", "¦", "■", "□", "▪", "►", "▶", "◆", "●", "○", "☐", "✗", "✘", "#",
    ]
    /// Superscript digits: footnote calls when not part of a unit.
    static let superscriptDigits: Set<Unicode.Scalar> = ["¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹", "⁰"]

    // Bit tests in front of the sets above (the common marks of a text, "," "." "'", are ASCII).
    static let superscriptFilter = ScalarFilter(superscriptDigits)
    static let silentFilter = ScalarFilter(silent)
    static let wordKeys = ScalarFilter(words.keys)
}

extension Verbalizer {
    mutating func matchSymbol(_ i: Int) -> Int? {
        let c = first(i)
        if let j = matchPrefixedMoney(i) { return j }
        if let j = matchFractionGlyph(i) { return j }
        if Symbols.superscriptFilter.contains(c) {
            // "¹", "²³": a footnote call; the reader skips it.
            return dropFootnotes ? i + 1 : nil
        }
        switch c {
        case "-":
            // "les - de 12 ans": a minus sign standing for « moins » before « de » and a number.
            if isSpace(i - 1), isSpace(i + 1), isText(i + 2, "de"), isSpace(i + 3), isNumber(i + 4) {
                say("moins")
                return i + 1
            }
            // A dash between spaces (or at the start) is a pause; inside a word it is silent.
            if (i == 0 || isSpace(i - 1)) && (isSpace(i + 1) || i + 1 == t.count) {
                pause()
                return i + 1
            }
            if isSpace(i - 1) && !isSpace(i + 1) { return i + 1 }
            return nil
        case "+" where i >= 1 && isWord(i - 1) && length(i - 1) >= 2 && Tokenizer.isUpper(first(i - 1))
            && !isWord(i + 1) && !isNumber(i + 1) && !isPunct(i + 1, "+"):
            // "Canal+", "Disney+", "Apple TV+": the brand's name, written « Canal Plus »; the capital lets the
            // pronunciation sound its s (`BrandPlusRepair`), which eSpeak NG would carry as a [z] liaison.
            say("Plus")
            return i + 1
        case "–", "—", "―":
            pause()
            return i + 1
        case "/":
            // "et/ou", "Paris/Lyon": a light separator.
            space()
            return i + 1
        case "€", "$", "£":
            // After "millions"/"milliards" the currency reads "d'euros".
            if i >= 2, isWord(i - 2) || isWord(i - 1) {
                let w = isWord(i - 2) ? lowerText(i - 2) : lowerText(i - 1)
                if w.hasPrefix("million") || w.hasPrefix("milliard") {
                    say(["€": "d'euros", "$": "de dollars", "£": "de livres"][c]!)
                    return i + 1
                }
            }
        case "'":
            return nil
        default:
            break
        }
        if Symbols.silentFilter.contains(c) {
            space()
            return i + 1
        }
        if Symbols.wordKeys.contains(c), let w = Symbols.words[c] {
            if w.isEmpty { return i + 1 }
            say(w)
            return i + 1
        }
        return nil
    }

    /// "[1]", "[12]", "[réf. nécessaire]"-free footnote calls: dropped.
    mutating func matchFootnote(_ i: Int) -> Int? {
        guard dropFootnotes, isPunct(i, "["), isNumber(i + 1), length(i + 1) <= 3, isPunct(i + 2, "]") else { return nil }
        return i + 3
    }

    /// "#MeToo" → "hashtag MeToo", "#1" → "numéro un", "@elysee" → "arobase elysee".
    mutating func matchTag(_ i: Int) -> Int? {
        let c = first(i)
        guard c == "#" || c == "@", atWordStart(i) || i == 0 else { return nil }
        if c == "#" {
            if isWord(i + 1) {
                // "le hashtag #JeSuisCharlie", "le mouvement #MeToo": the tag is named already, or is the
                // name of a movement; a newsreader says the word alone.
                let named = i >= 2 && isSpace(i - 1) && isWord(i - 2) && Self.wordsNamingATag.contains(wordEnding(at: i - 2))
                if isMovementTag(i + 1) { return i + 1 }  // a name, said whole (the lexicon may know it)
                if !named { say("hashtag") }
                return sayCamelCaseParts(i + 1) ?? i + 1
            }
            if isNumber(i + 1) {
                say("numéro")
                return i + 1
            }
            return nil
        }
        guard isWord(i + 1) || isNumber(i + 1) else { return nil }
        say("arobase")
        return sayCamelCaseParts(i + 1) ?? i + 1
    }

    /// "FrenchTech" after # or @ → "French Tech", each part through the lexicon ("Frènnche Tech"): eSpeak NG
    /// splits such a word itself but then reads the parts without the lexicon (« French » in its English
    /// voice). Only a body made of two or more capitalized parts (« JeSuisCharlie »), and not one the lexicon
    /// knows whole (« LinkedIn », « MeToo »); returns the token after it, or nil to leave it to the other rules.
    mutating func sayCamelCaseParts(_ k: Int) -> Int? {
        guard isWord(k), Tokenizer.isUpper(first(k)) else { return nil }
        let word = Array(s[t[k].start..<t[k].end])
        var starts: [Int] = []
        for (j, c) in word.enumerated() {
            if Tokenizer.isUpper(c) {
                // Every capital opens a part of at least two letters, the rest lower case.
                guard j + 1 < word.count, Tokenizer.isLetter(word[j + 1]), !Tokenizer.isUpper(word[j + 1]) else { return nil }
                starts.append(j)
            } else if !Tokenizer.isLetter(c) {
                return nil
            }
        }
        guard starts.count >= 2, lexicon.spoken(forWord: word) == nil else { return nil }
        for (n, from) in starts.enumerated() {
            let part = Array(word[from..<(n + 1 < starts.count ? starts[n + 1] : word.count)])
            if let spoken = lexicon.spoken(forWord: part) {
                sayVerbatim(spoken)
            } else {
                say(String(String.UnicodeScalarView(part)))
            }
        }
        return k + 1
    }

    /// The lower-case word ending at token `k`, with the hyphenated compound it closes ("mot-clé" is the tokens
    /// "mot", "-", "clé"): the tag-naming words are compounds as often as not.
    func wordEnding(at k: Int) -> String {
        guard k >= 2, isPunct(k - 1, "-"), isWord(k - 2) else { return lowerText(k) }
        return lowerText(k - 2) + "-" + lowerText(k)
    }

    /// Words before "#tag" that already say it is a tag or a movement.
    static let wordsNamingATag: Set<String> = [
        "hashtag", "hashtags", "mot-dièse", "mots-dièse", "mot-clé", "mots-clés", "mot-clic", "mouvement", "mouvements",
        "campagne", "slogan", "vague", "ère", "génération", "affaire", "collectif",
    ]

    /// Whether word `k` is a movement known by its tag ("#MeToo", "#MeTooThéâtre"): said as a name.
    func isMovementTag(_ k: Int) -> Bool {
        scalarsMatch("MeToo", at: t[k].start) || isText(k, "BalanceTonPorc") || isText(k, "BlackLivesMatter")
    }

    /// "x2" → "fois deux", "n-3" → "n moins trois", "3 x 4" → "trois fois quatre".
    mutating func matchMath(_ i: Int) -> Int? {
        guard length(i) == 1 else { return nil }
        let c = first(i)
        if c == "x" || c == "X" {
            if atWordStart(i), isNumber(i + 1), endsWord(i + 1) {
                say("fois")
                return i + 1
            }
            if isSpace(i - 1), isNumber(i - 2), isSpace(i + 1), isNumber(i + 2) {
                say("fois")
                return i + 1
            }
            // "4x100 m" (a relay), "1920x1080": glued between two numbers; "un 4x4" is the vehicle, "quatre-quatre".
            if isNumber(i - 1), isNumber(i + 1) {
                if isText(i - 1, "4"), isText(i + 1, "4"), endsWord(i + 1) {
                    return i + 1  // "quatre quatre": the x is not said
                }
                say("fois")
                return i + 1
            }
        }
        // "J-3", "H-24": a countdown, "J moins trois".
        if (c == "J" || c == "H"), atWordStart(i), isPunct(i + 1, "-"), isNumber(i + 2), length(i + 2) <= 3, endsWord(i + 2) {
            say(c == "J" ? "J moins" : "H moins")
            return i + 2
        }
        if atWordStart(i), Tokenizer.isLetter(c), !Tokenizer.isUpper(c), isAnyPunct(i + 1, "-+−"), isNumber(i + 2), endsWord(i + 2) {
            copy(i)
            say(first(i + 1) == "+" ? "plus" : "moins")
            return i + 2
        }
        return nil
    }
}
