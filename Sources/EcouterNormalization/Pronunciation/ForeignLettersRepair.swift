// SPDX-License-Identifier: GPL-3.0-or-later

/// Reads the letters of Central European and Turkish names the way French news says them.
///
/// eSpeak NG 1.51's French voice has no rule for them and drops or mangles the sound: « Babiš » → bab'i,
/// « Šefčovič » → sEfkov'ik, « Jokić » → Zok'ik. These letters are never French, so every word holding
/// one is a foreign name, and the French way of saying it is known: ć and č [tS], š and ş [S], ž [Z],
/// ř [rZ], and the Turkish ğ is silent (« Erdoğan » → « Erdoan »).
struct ForeignLettersRepair: PronunciationRepair {
    static let respellings: [Unicode.Scalar: String] = [
        "ć": "tch", "Ć": "Tch", "č": "tch", "Č": "Tch", "š": "ch", "Š": "Ch", "ş": "ch", "Ş": "Ch",
        "ž": "j", "Ž": "J", "ř": "rj", "Ř": "Rj", "ğ": "", "Ğ": "",
    ]

    func repair(_ text: inout SpokenWords) {
        for i in text.words.indices {
            let word = text.words[i]
            // Latin Extended-A starts with the UTF-8 lead bytes C4 and C5: a word without them is left alone.
            guard word.utf8.contains(where: { $0 == 0xC4 || $0 == 0xC5 }),
                word.unicodeScalars.contains(where: { Self.respellings[$0] != nil })
            else { continue }
            var out = ""
            for c in word.unicodeScalars {
                if let respelled = Self.respellings[c] { out += respelled } else { out.unicodeScalars.append(c) }
            }
            text.words[i] = out
        }
    }
}
