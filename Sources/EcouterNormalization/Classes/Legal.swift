// SPDX-License-Identifier: GPL-3.0-or-later

/// Article numbers of French codes and the constitution: "l'article L. 121-1" → "l'article L cent vingt et un
/// tiret un", "article 222-33" → "… tiret trente-trois", "le 49-3" → "quarante-neuf trois".
/// A hyphen inside an article number is a separator ("tiret"), never a range ("à").
enum LegalReferences {
    /// Words after which a number is an article number.
    static let articleWords: Set<String> = ["article", "articles", "art"]
    /// Code letters: législative, réglementaire, décret, arrêté.
    static let codeLetters: Set<Unicode.Scalar> = ["L", "R", "D", "A"]
}

extension Verbalizer {
    /// Whether the word before token `i` (skipping one space and an abbreviation period) is "article".
    func followsArticleWord(_ i: Int) -> Bool {
        var k = i - 1
        if isSpace(k) { k -= 1 }
        if isPunct(k, ".") { k -= 1 }
        if isWord(k) && length(k) <= 8 && LegalReferences.articleWords.contains(lowerText(k)) { return true }
        // "loi n° 2024-42", "décret n° 2023-1234": an official text's number, also read with "tiret".
        return isPunct(k, "°") && (isText(k - 1, "n") || isText(k - 1, "N"))
    }

    /// "L. 121-1", "R.123-4", "L121-1" after "article": the code letter, then the number with "tiret".
    mutating func matchCodeArticle(_ i: Int) -> Int? {
        guard length(i) == 1, LegalReferences.codeLetters.contains(first(i)), followsArticleWord(i) else { return nil }
        var k = i + 1
        if isPunct(k, ".") { k += 1 }
        if isSpace(k) { k += 1 }
        guard isNumber(k), length(k) <= 5 else { return nil }
        say(Acronyms.spell(CollectionOfOne(first(i))))
        return sayArticleNumber(k)
    }

    /// "222-33", "L. 121-1-2", "49-3": number groups joined by hyphens, read with "tiret".
    /// Returns nil (and writes nothing) when token `i` has no hyphenated part.
    mutating func matchHyphenatedArticleNumber(_ i: Int) -> Int? {
        guard isNumber(i), length(i) <= 5, isPunct(i + 1, "-"), isNumber(i + 2), followsArticleWord(i) else { return nil }
        return sayArticleNumber(i)
    }

    private mutating func sayArticleNumber(_ i: Int) -> Int {
        var words = numbers.cardinal(value(i) ?? 0)
        var k = i + 1
        var groups = 0
        while groups < 4, isPunct(k, "-"), isNumber(k + 1), length(k + 1) <= 4, let v = value(k + 1) {
            // "49-3" is said "quarante-neuf trois" everywhere; other articles "tiret".
            words += (value(i) == 49 && v == 3 && groups == 0 ? " " : " tiret ") + numbers.cardinal(v)
            k += 2
            groups += 1
        }
        say(words)
        return k
    }

    /// "le 49-3" (the constitution's article 49, paragraph 3), "le 9-3" (Seine-Saint-Denis) and the wars
    /// "14-18", "39-45" without "article" before: said as two numbers, not as a range.
    mutating func matchNamedHyphenPair(_ n: ParsedNumber) -> Int? {
        guard n.isWhole, !n.negative, let a = n.value, isPunct(n.end, "-"), isNumber(n.end + 1), endsWord(n.end + 1),
            let b = value(n.end + 1), (a == 49 && b == 3) || (a == 9 && b == 3) || (a == 14 && b == 18) || (a == 39 && b == 45)
        else { return nil }
        // "la guerre de 14-18", "39-45": the wars are said "quatorze-dix-huit", not "quatorze à dix-huit".
        if a == 14 || a == 39 {
            let startToken = n.end - 1
            guard isSpace(startToken - 1), isText(startToken - 2, "de"), isSpace(startToken - 3),
                ["guerre", "poilus", "conflit", "combattants"].contains(lowerText(startToken - 4))
            else { return nil }
        }
        // "9-3" only after an article ("le 9-3", "du 9-3"), where a score or range would be odd.
        if a == 9 {
            let startToken = n.end - 1
            guard isSpace(startToken - 1), isWord(startToken - 2),
                ["le", "du", "au", "dans"].contains(lowerText(startToken - 2))
            else { return nil }
        }
        say(numbers.cardinal(a) + " " + numbers.cardinal(b))
        return n.end + 2
    }
}
