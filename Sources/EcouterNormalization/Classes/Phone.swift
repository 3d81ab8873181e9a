// SPDX-License-Identifier: GPL-3.0-or-later

extension Verbalizer {
    /// French phone numbers read in pairs: "01 23 45 67 89", "06.12.34.56.78", "0612345678",
    /// "+33 6 12 34 56 78" → "zéro six douze trente-quatre…". No commas between the pairs: a pause there
/// makes eSpeak NG drop what joins the words ("vingt onze" would lose its t).
    mutating func matchPhone(_ i: Int) -> Int? {
        var k = i
        var words: [String] = []
        if isPunct(i, "+") {
            // "+33 6 12 34 56 78", "+32 2 123 45 67"
            guard isNumber(i + 1), length(i + 1) <= 3, let code = value(i + 1) else { return nil }
            var j = i + 2
            var groups: [[UInt8]] = []
            while groups.count < 6, isAnyPunct(j, " .-") || isSpace(j), isNumber(j + 1), length(j + 1) <= 3 {
                groups.append(digits(j + 1))
                j += 2
            }
            let total = groups.reduce(0) { $0 + $1.count }
            guard groups.count >= 3, total >= 8, total <= 10, endsWord(j - 1) else { return nil }
            words.append("plus " + numbers.cardinal(code))
            for g in groups { words.append(groupWords(g)) }
            say(words.joined(separator: " "))
            return j
        }
        guard isNumber(i), first(i) == "0" else { return nil }
        // Special numbers "0 800 123 456": a zero then three groups of three.
        if length(i) == 1, isSpace(i + 1), isNumber(i + 2), length(i + 2) == 3, first(i + 2) == "8", isSpace(i + 3),
            isNumber(i + 4), length(i + 4) == 3, isSpace(i + 5), isNumber(i + 6), length(i + 6) == 3, endsWord(i + 6)
        {
            say(["zéro", groupWords(digits(i + 2)), groupWords(digits(i + 4)), groupWords(digits(i + 6))].joined(separator: " "))
            return i + 7
        }
        if length(i) == 10 && endsWord(i) {
            let d = digits(i)
            for p in stride(from: 0, to: 10, by: 2) { words.append(groupWords(Array(d[p..<(p + 2)]))) }
            say(words.joined(separator: " "))
            return i + 1
        }
        guard length(i) == 2 else { return nil }
        let separator = kind(i + 1) == .space ? Unicode.Scalar(" ") : (kind(i + 1) == .punct ? first(i + 1) : "?")
        guard separator == " " || separator == "." || separator == "-" else { return nil }
        var groups: [[UInt8]] = [digits(i)]
        k = i + 1
        while groups.count < 5, (kind(k) == .space && separator == " ") || isPunct(k, separator), isNumber(k + 1), length(k + 1) == 2 {
            groups.append(digits(k + 1))
            k += 2
        }
        guard groups.count == 5, endsWord(k - 1) else { return nil }
        for g in groups { words.append(groupWords(g)) }
        say(words.joined(separator: " "))
        return k
    }

    /// Short numbers of services (3114, 3919, 3237…): four digits from 3 on, said in two pairs
    /// ("trente-neuf dix-neuf") as they are advertised, when they stand as a name after "le"/"au"/"du"
    /// and no noun counted by them follows.
    mutating func matchServiceNumber(_ i: Int) -> Int? {
        guard length(i) == 4, first(i) == "3", i >= 2, isSpace(i - 1), let v = value(i), v % 100 != 0 else { return nil }
        let before = lowerText(i - 2)
        guard before == "le" || before == "au" || before == "du" else { return nil }
        let next = kind(i + 1)
        let standsAlone: Bool
        if next == nil {
            standsAlone = true
        } else if next == .punct {
            standsAlone = isAnyPunct(i + 1, ",;:)»!?") || (isPunct(i + 1, ".") && !isNumber(i + 2))
        } else if next == .space, isWord(i + 2) {
            standsAlone = Self.wordsAfterServiceNumber.contains(lowerText(i + 2))
        } else {
            standsAlone = false
        }
        guard standsAlone else { return nil }
        let d = digits(i)
        say(groupWords(Array(d[0..<2])) + " " + groupWords(Array(d[2..<4])))
        return i + 1
    }

    /// Words that follow a service number used as a name ("le 3919 est gratuit", "le 3114 ou le 15").
    static let wordsAfterServiceNumber: Set<String> = [
        "ou", "et", "est", "qui", "pour", "gratuit", "gratuitement", "joignable", "accessible", "disponible",
        "ouvert", "permet", "propose", "reste", "sera", "était", "a", "répond", "reçoit", "depuis", "24h/24", "en",
        "du", "de", "dès", "au", "le", "sept", "tous", "7j/7", "via",
        // Adverbs and verbs of a sentence about the service (« le 3114 aussi », « le 3919 n'est pas… »).
        "aussi", "également", "fonctionne", "existe", "peut", "doit", "enregistre", "traite", "s", "n", "ne",
    ]

    private func groupWords(_ g: [UInt8]) -> String {
        if g.count == 2 && g[0] == 0 { return "zéro " + numbers.cardinal(UInt64(g[1])) }
        if g.count == 3 && g[0] == 0 { return numbers.digitByDigit(g) }
        return numbers.cardinal(Self.value(of: g)!)
    }
}
