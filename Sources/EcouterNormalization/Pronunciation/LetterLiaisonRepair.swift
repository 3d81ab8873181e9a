// SPDX-License-Identifier: GPL-3.0-or-later

/// « un SMS », « les LR », « des ONG », « les USA » are said with the liaison a determiner makes before a vowel:
/// [œ̃nɛsɛmɛs]. eSpeak NG 1.51 reads a spelled letter as a letter name with no liaison (« un s m s » →
/// W~ _!'Es…); the letter's name written as a word (« un èsse m s ») takes it (W~n 'Es…). Only letters
/// whose names start with a vowel sound are concerned, and only when a second spelled letter follows
/// (an acronym, not « un f » of a formula); h is left alone (« des HLM » is said both ways).
struct LetterLiaisonRepair: PronunciationRepair {
    /// Words that link to a following vowel.
    static let liaisonWords: Set<String> = [
        "un", "les", "des", "ces", "mes", "tes", "ses", "nos", "vos", "leurs", "aux", "deux", "trois", "six", "dix",
        "quelques", "plusieurs", "certains", "certaines", "mon", "ton", "son", "aucun", "en",
    ]

    /// The names of the letters concerned, written as words eSpeak NG links to.
    static let letterNames: [String: String] = [
        "f": "èffe", "l": "èle", "m": "èmme", "n": "ènne", "r": "èrre", "s": "èsse", "x": "ixe",
        // Vowels: a links already; e, o, i, u need a spelling eSpeak NG reads as that sound and links to.
        "e": "eux", "o": "eau", "i": "y", "u": "ue",
    ]

    func repair(_ text: inout SpokenWords) {
        var i = 0
        while i + 2 < text.words.count {
            defer { i += 1 }
            guard text.words[i + 1].unicodeScalars.count == 1, text.words[i + 2].unicodeScalars.count == 1,
                text.spaceOnly(after: i), text.spaceOnly(after: i + 1),
                let name = Self.letterNames[text.lower(i + 1)], Self.liaisonWords.contains(text.lower(i))
            else { continue }
            text.replace(i + 1, with: name)
        }
    }
}
