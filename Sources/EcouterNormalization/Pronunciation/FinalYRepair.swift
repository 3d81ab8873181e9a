// SPDX-License-Identifier: GPL-3.0-or-later

/// Reads the final *y* of a name after a consonant as the French [i], in eSpeak NG's French voice.
///
/// eSpeak NG 1.51 switches to its English voice for most capitalized words ending in a consonant and *y*
/// it does not know: the French places « Borny », « Cuffy », « Landivy », « Précy », « Sucy », « Bouilly »
/// (b'o@ni, k'Vfi, pr'eIsi…), and names such as « Rémy » or « Dany ». French reads that *y* as *i*, and
/// written « i » eSpeak NG stays French and says the rest of the word as it would (« Borni » bOrn'i,
/// « Bouilli » buj'i); names it already reads the French way (« Vichy », « Ivry », « Thierry ») keep their
/// phonemes. Not touched: « -gny » (« Montigny », read French already, would change [nj] into [n^]),
/// a *y* after a vowel (« Fontenay », « Jouy », « Sydney »), words without a capital or with a second one
/// (acronyms, « McCarthy »). Names the lexicon knows are respelled before this runs.
struct FinalYRepair: PronunciationRepair {
    static let vowels = Set("aeiouyéèêëàâîïôûùœæ".unicodeScalars)

    func repair(_ text: inout SpokenWords) {
        for i in text.words.indices where text.words[i].utf8.last == 0x79 {  // "y"
            if let respelled = Self.respell(text.words[i]) { text.words[i] = respelled }
        }
    }

    /// `word` with its final y written i, or nil when the rule does not apply.
    static func respell(_ word: String) -> String? {
        let s = Array(word.unicodeScalars)
        let n = s.count
        guard n >= 4, s[n - 1] == "y", Tokenizer.isUpper(s[0]) else { return nil }
        for c in s[1...] where !Tokenizer.isLetter(c) || Tokenizer.isUpper(c) { return nil }
        let before = s[n - 2]
        guard !vowels.contains(before), !(before == "n" && s[n - 3] == "g") else { return nil }
        var out = String.UnicodeScalarView(s[0..<(n - 1)])
        out.append("i")
        return String(out)
    }

    /// Whether `text` may hold such a word: a "y" before a non-letter or at the end.
    static func mayApply(_ text: String) -> Bool {
        var previousIsY = false
        for b in text.utf8 {
            if previousIsY, !(b | 0x20 >= 0x61 && b | 0x20 <= 0x7A), b < 0x80 { return true }
            previousIsY = b == 0x79
        }
        return previousIsY
    }
}
