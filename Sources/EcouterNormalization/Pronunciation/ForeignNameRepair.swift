// SPDX-License-Identifier: GPL-3.0-or-later

/// Reads a foreign name the way French news says names of its origin, when its spelling shows the origin.
///
/// eSpeak NG 1.51 reads a name it does not know by French spelling rules: « Vucic » vys'ik, « Lavrov »
/// lavr'Ov, « Giorgio » ZjOrZj'o, « Lopez » lop'e, « Wolfsburg » with its English voice. A French newsreader
/// says « Voutchitch », « Lavrof », « Djordjo », « Lopèz », « Volfsbourg »: the *u* of these languages is
/// [u], the Slavic final *-ic* [itS], the Italian *gi* + vowel [dZ]. The origin is guessed from letter
/// patterns no French word has (checked against Debian's French word list by `WordListTrapTests` and
/// `PronunciationRepairTests`), and only then are the letters respelled:
///
/// - Slavic: a final « -vic », « -cic », « -sic », « -jic », « -kic », « -zic » (« -ic » after one of them),
///   « -wski », « -wska », « -wicz », a « cz » or « sz », a final « -ov » or « -ev »;
/// - Italian: « Gi » + a, o or u at the start, or « ggi » + vowel, in a word ending in a, i or o;
/// - German: a final « -burg » or « -sen », « Schm », « Schn » or « Schw » at the start, or ü, ö, ä after a consonant;
/// - Arabic transliteration: « -ullah »;
/// - Spanish: a final « -ez » after a consonant or u (« Lopez », « Rodriguez »), in the middle of a
///   sentence only: at its start the word may be a French imperative (« Votez »).
///
/// Words with a French accent (é, è, à, ç…) are French or already respelled by the lexicon, and left alone,
/// as are the names in ``frenchLookalikes``.
struct ForeignNameRepair: PronunciationRepair {
    enum Origin: Equatable { case slavic, italian, german, arabic, spanish }

    /// French words and names that match a pattern above but are French (« Ludovic », « Giono »).
    static let frenchLookalikes: Set<String> = ["ludovic", "giono", "chez", "assez", "rez", "nez", "metz"]

    func repair(_ text: inout SpokenWords) {
        for i in text.words.indices where text.words[i].unicodeScalars.count >= 4 {
            let word = text.words[i]
            guard let first = word.unicodeScalars.first, Tokenizer.isUpper(first) else { continue }
            let startsSentence = Self.startsSentence(text, at: i)
            guard let respelled = Self.respell(word, startsSentence: startsSentence) else { continue }
            text.words[i] = respelled
        }
    }

    /// True when the word at `index` opens a sentence, a quotation or a bracket.
    static func startsSentence(_ text: SpokenWords, at index: Int) -> Bool {
        let before = index == 0 ? text.lead : text.separators[index - 1]
        if index == 0 && !before.unicodeScalars.contains(where: { !" \n\t".unicodeScalars.contains($0) }) { return true }
        return before.unicodeScalars.contains { ".!?«\"“(:;—–\n".unicodeScalars.contains($0) }
    }

    /// The origin the spelling of `lower` (a lower-case name) shows, or nil when it looks French.
    static func origin(of lower: [Unicode.Scalar], startsSentence: Bool) -> Origin? {
        let n = lower.count
        let word = String(String.UnicodeScalarView(lower))
        guard n >= 4, !frenchLookalikes.contains(word) else { return nil }
        guard !lower.contains(where: { "éèêëàâçîïôûùœæ".unicodeScalars.contains($0) }) else { return nil }
        guard lower.allSatisfy({ $0.isASCII ? ($0 >= "a" && $0 <= "z") : "áíóúñüöä".unicodeScalars.contains($0) })
        else { return nil }
        func has(_ s: String) -> Bool { word.contains(s) }
        func ends(_ s: String) -> Bool { word.hasSuffix(s) }
        // Slavic.
        if ends("wski") || ends("wska") || ends("wicz") || has("cz") || has("sz") { return .slavic }
        if n >= 5 + (lower[n - 3] == "s" ? 1 : 0), ends("ic"), "vcsjkz".unicodeScalars.contains(lower[n - 3]), isVowel(lower[n - 4]) || lower[n - 3] == "c" {
            return .slavic
        }
        if n >= 5, ends("ov") || ends("ev"), isVowel(lower[n - 3]) == false { return .slavic }
        // Italian: « Gio… », « Gia… », « Giu… » at the start (« Giorgio », « Gianluigi », « Giuseppe ») or « ggi »
        // + vowel (« Reggiani »), in a word ending in a, i or o; French has « agio », « contagion », « angiome »
        // inside words only.
        if "aio".unicodeScalars.contains(lower[n - 1]), !lower.contains("k"), !lower.contains("w"), !lower.contains("y") {
            if lower[0] == "g", lower[1] == "i", "aou".unicodeScalars.contains(lower[2]) { return .italian }
            for k in 0..<(n - 3) where lower[k] == "g" && lower[k + 1] == "g" && lower[k + 2] == "i"
                && "aou".unicodeScalars.contains(lower[k + 3])
            {
                return .italian
            }
        }
        // German.
        if ends("burg") || (n >= 6 && ends("sen")) { return .german }
        // ü, ö, ä after a consonant (« Müller », « Jürgen »): after a vowel they are French diaereses (« Saül »).
        for k in 1..<n where "üöä".unicodeScalars.contains(lower[k]) && !isVowel(lower[k - 1]) { return .german }
        // « Schm », « Schn », « Schw » at the start (« Schmidt », « Schneider », « Schwarz »).
        if lower[0] == "s", lower[1] == "c", lower[2] == "h", "mnw".unicodeScalars.contains(lower[3]) { return .german }
        if has("ullah") { return .arabic }
        // Spanish -ez, never at a sentence start (« Votez », « Allez »).
        if !startsSentence, n >= 5, ends("ez"), !isVowel(lower[n - 3]) || ends("guez") || ends("quez") { return .spanish }
        if n >= 5, ends("ez"), lower.contains(where: { "áíóú".unicodeScalars.contains($0) }) { return .spanish }
        return nil
    }

    /// `word` respelled for its origin, or nil when its spelling shows none.
    static func respell(_ word: String, startsSentence: Bool) -> String? {
        let original = Array(word.unicodeScalars)
        // Capitals inside the word (« McDonald », « DiCaprio ») are left to the lexicon.
        guard original.dropFirst().allSatisfy({ !Tokenizer.isUpper($0) }) else { return nil }
        let lower = original.map(Tokenizer.lower)
        guard let origin = origin(of: lower, startsSentence: startsSentence) else { return nil }
        var out: String
        switch origin {
        case .slavic: out = slavic(lower)
        case .italian: out = italian(lower)
        case .german: out = german(lower)
        case .arabic: out = vowelU(lower)
        case .spanish: out = String(String.UnicodeScalarView(openE(lower).dropLast(2))) + "èz"
        }
        guard out != String(String.UnicodeScalarView(lower)) else { return nil }
        if let capital = out.unicodeScalars.first {
            out = String(capital).uppercased() + String(out.unicodeScalars.dropFirst())
        }
        return out
    }

    static func isVowel(_ c: Unicode.Scalar) -> Bool { "aeiouyáíóúüöä".unicodeScalars.contains(c) }

    /// The letters joined, with *u* said [u] (« ou ») except in « qu », « gu » + vowel and « eu ».
    private static func vowelU(_ s: [Unicode.Scalar]) -> String {
        var out = ""
        for (k, c) in s.enumerated() {
            if c == "u" || c == "ú" {
                let before = k > 0 ? s[k - 1] : " "
                let after = k + 1 < s.count ? s[k + 1] : " "
                if before == "o" || before == "q" || before == "e" || (before == "g" && isVowel(after)) {
                    out.unicodeScalars.append("u")
                } else {
                    out += "ou"
                }
            } else {
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// An *e* before one consonant and a vowel is [e] in these languages, not the French mute *e*.
    private static func openE(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var s = s
        for k in s.indices where s[k] == "e" && k + 2 < s.count && !isVowel(s[k + 1]) && isVowel(s[k + 2]) {
            s[k] = "é"
        }
        return s
    }

    /// A vowel, n and a consonant: these languages have no nasal vowels. eSpeak NG keeps the vowel oral
    /// before a doubled n (« Doncic » → « Donncic », « Vincenzo » → « Vinncènnzo », the e written è), but
    /// reads « ann » nasal: there « ane » before one consonant and a vowel (« Gianluigi » → « Gianeluigi »,
    /// mute e), otherwise the a is left nasal.
    private static func oralBeforeN(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        for (k, c) in s.enumerated() {
            guard c == "n", k > 0, isVowel(s[k - 1]), k + 1 < s.count, !isVowel(s[k + 1]), s[k + 1] != "n", s[k + 1] != "h"
            else {
                out.append(c)
                continue
            }
            let vowel = s[k - 1]
            let beforeVowel = k + 2 < s.count && isVowel(s[k + 2])
            if vowel == "a" {
                out.append(c)
                if beforeVowel { out.append("e") }
            } else {
                if vowel == "e", let last = out.indices.last { out[last] = "è" }
                out.append(c)
                out.append("n")
            }
        }
        return out
    }

    private static func slavic(_ s: [Unicode.Scalar]) -> String {
        var w = String(String.UnicodeScalarView(openE(s)))
        for (from, to) in [("szcz", "chtch"), ("wicz", "vitch"), ("cz", "tch"), ("sz", "ch"), ("wsk", "fsk")] {
            w = w.replacingOccurrences(of: from, with: to)
        }
        // w is [v] (« Lewandowski »), y is said [i] (« Kaczynski »).
        w = w.replacingOccurrences(of: "w", with: "v").replacingOccurrences(of: "y", with: "i")
        if w.hasSuffix("ic") { w = String(w.dropLast(2)) + "itch" }
        // The c of « Vucic », « Doncic » before that i is the same sound.
        if w.hasSuffix("citch") { w = String(w.dropLast(5)) + "tchitch" }
        if w.hasSuffix("ov") { w = String(w.dropLast(2)) + "of" }
        if w.hasSuffix("ev") || w.hasSuffix("év") { w = String(w.dropLast(2)) + "èf" }
        return vowelU(oralBeforeN(Array(w.unicodeScalars)))
    }

    private static func italian(_ s: [Unicode.Scalar]) -> String {
        var out: [Unicode.Scalar] = []
        var k = 0
        while k < s.count {
            let c = s[k]
            let next = k + 1 < s.count ? s[k + 1] : " "
            let afterNext = k + 2 < s.count ? s[k + 2] : " "
            if (c == "g" || c == "c"), next == c, afterNext == "i" || afterNext == "e" {
                k += 1  // « ggi », « cci »: one sound
                continue
            }
            if c == "g" || c == "c", next == "i" || next == "e" {
                out.append(contentsOf: (c == "g" ? "dj" : "tch").unicodeScalars)
                // The i of « gio », « cia » only marks the sound.
                if next == "i", "aou".unicodeScalars.contains(afterNext) { k += 2 } else { k += 1 }
                continue
            }
            if c == "c", next == "h" {
                out.append("k")
                k += 2
                continue
            }
            out.append(c)
            k += 1
        }
        return vowelU(oralBeforeN(openE(out)))
    }

    private static func german(_ s: [Unicode.Scalar]) -> String {
        // u first (« Wolfsburg » → « Wolfsbourg »), then the letters French spells otherwise.
        var w = vowelU(openE(s))
        for (from, to) in [("ü", "u"), ("ä", "è"), ("sch", "sh"), ("ei", "aï"), ("ie", "i"), ("w", "v")] {
            w = w.replacingOccurrences(of: from, with: to)
        }
        if w.hasPrefix("st") || w.hasPrefix("sp") { w = "sh" + w.dropFirst() }
        if w.hasSuffix("er") { w = String(w.dropLast(2)) + "eur" }
        if w.hasSuffix("en") { w = String(w.dropLast(2)) + "ène" }
        return w
    }
}

extension ForeignNameRepair {
    /// A capital letter after the first scalar: only then may the text hold a name to respell.
    static func mayApply(_ text: String) -> Bool {
        text.utf8.dropFirst().contains { $0 >= 0x41 && $0 <= 0x5A }
    }
}
