// SPDX-License-Identifier: GPL-3.0-or-later

/// Sounds the s of « Plus » in a brand's name (« Canal Plus », « Disney Plus », from « Canal+ »): eSpeak NG
/// reads « plus » as the adverb, silent s or a [z] carried to a vowel (« Canal plus ont » kan'al plyz 'O~),
/// where the name is said [plys] always. Only « Plus » with its capital, after a capitalized word in the
/// same breath (or after a spelled letter), is the name (the verbalizer writes « Canal+ » so); the adverb at a sentence's start has no
/// capitalized word before it. Respelled « Plusse ».
struct BrandPlusRepair: PronunciationRepair {
    func repair(_ text: inout SpokenWords) {
        for i in text.words.indices.dropFirst() where text.words[i] == "Plus" {
            // A capitalized word, or a spelled letter (« Apple t v Plus »), before it.
            let before = text.words[i - 1].unicodeScalars
            guard text.spaceOnly(after: i - 1), let first = before.first, Tokenizer.isUpper(first) || before.count == 1
            else { continue }
            text.words[i] = "Plusse"
        }
    }
}
