// SPDX-License-Identifier: GPL-3.0-or-later

/// Writes *th* as *t* in names: French says [t] for it, but eSpeak NG 1.51 takes many names spelled
/// with it for English and reads them with its English voice (« Éthiopie » (en)ITI2;'oUpaI, « Arthur »,
/// « Judith », « Marthe »). The French words it does this to (« rythme », « authentique ») are in the
/// shipped lexicon, found by `scripts/audit-pronunciation.py` over a French word list.
///
/// « th » becomes « t », and a final « th(s) » becomes « te(s) » so its *t* is still said (« Judith »,
/// « zénith »); an *e* before it keeps its open sound (« Bethléem » → « Bètléem »). Inside a word, « thi »
/// before a vowel becomes « tti » (a single « t » there would be read [s], as in « nation »). Left alone: a word
/// starting « Thi » + vowel (« Thierry », which eSpeak NG reads right), the silent *th* of « asthme » and
/// « isthme », and English words that come in English phrases (« The Guardian »), which eSpeak NG is
/// right to read in English.
struct ThSpellingRepair: PronunciationRepair {
    /// English words with th that French news quotes inside English names and phrases.
    static let englishWords: Set<String> = [
        "the", "this", "that", "these", "those", "they", "them", "their", "there", "then", "than", "thank",
        "thanks", "think", "thing", "things", "through", "three", "thursday", "with", "without", "both",
        "north", "south", "earth", "health", "month", "truth", "youth", "faith", "death", "worth", "other",
        "mother", "father", "brother", "together", "weather", "nothing", "something", "everything",
        "anything", "breath", "birth", "path", "bath", "thriller", "thrillers", "thrill", "smooth",
    ]

    func repair(_ text: inout SpokenWords) {
        // Names only (a capital first letter): French words in lower case come from the lexicon, which
        // was audited word by word, and an unknown lower-case word is more often a foreign one.
        for i in text.words.indices where text.words[i].utf8.count >= 3 {
            guard let first = text.words[i].unicodeScalars.first, Tokenizer.isUpper(first),
                let respelled = Self.respell(text.words[i])
            else { continue }
            text.words[i] = respelled
        }
    }

    /// The word with its *th* written *t*, or nil when it has none to change.
    static func respell(_ word: String) -> String? {
        let s = Array(word.unicodeScalars)
        let lower = s.map(Tokenizer.lower)
        func isTh(_ k: Int) -> Bool { k >= 0 && k + 1 < s.count && lower[k] == "t" && lower[k + 1] == "h" }
        guard s.indices.contains(where: isTh) else { return nil }
        let lowerWord = String(String.UnicodeScalarView(lower))
        if englishWords.contains(lowerWord) || lowerWord.contains("sthm") { return nil }
        // Letters without a vowel (« THC » written small, « ftth ») are spelled out, not read.
        guard lower.contains(where: { isVowel($0) }) else { return nil }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count + 1)
        var i = 0
        var changed = false
        while i < s.count {
            // An unaccented e before th keeps the open sound it has there: « Bethléem » → « Bètléem »,
            // « methode » → « mètode » (not « m@tode »).
            if lower[i] == "e" && isTh(i + 1) {
                out.append(Tokenizer.isUpper(s[i]) ? "È" : "è")
                i += 1
                continue
            }
            guard isTh(i) else {
                out.append(s[i])
                i += 1
                continue
            }
            let after = i + 2
            if after + 1 < s.count, lower[after] == "i", isVowel(lower[after + 1]) {
                // « Thierry », « Thiers »: eSpeak NG reads these right. Inside a word a single « t » + i +
                // vowel would be read [s] (« nation », « initiale »); « tt » keeps it [t]:
                // « Mathieu » → « Mattieu », « lithium » → « littium ».
                if i > 0 {
                    let doubled = Tokenizer.lower(out.last ?? " ") == "t"  // « Matthieu » has its tt already
                    out.append(s[i])
                    if !doubled { out.append(Tokenizer.isUpper(s[i]) && Tokenizer.isUpper(s[i + 1]) ? "T" : "t") }
                    changed = true
                    i += 2
                    continue
                }
                if i == 0 {
                    out.append(s[i])
                    out.append(s[i + 1])
                    i += 2
                    continue
                }
            }
            out.append(s[i])
            changed = true
            // A final th (or ths) is said: « Judith » → « Judite », « Elisabeth » → « Elisabète ».
            let rest = lower[after...]
            if rest.isEmpty || Array(rest) == ["s"] {
                let beforeT = out.count - 2
                if beforeT >= 0, Tokenizer.lower(out[beforeT]) == "e" {
                    out[beforeT] = Tokenizer.isUpper(out[beforeT]) ? "È" : "è"
                }
                out.append("e")
            }
            i += 2
        }
        return changed ? String(String.UnicodeScalarView(out)) : nil
    }

    private static func isVowel(_ c: Unicode.Scalar) -> Bool { "aeiouyàâäéèêëîïôöùûüœ".unicodeScalars.contains(c) }
}
