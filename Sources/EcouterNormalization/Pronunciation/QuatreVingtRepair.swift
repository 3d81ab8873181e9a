// SPDX-License-Identifier: GPL-3.0-or-later

/// Silences the *t* of *vingt* in quatre-vingt-deux … quatre-vingt-neuf, quatre-vingt-onze and their
/// ordinals, which eSpeak NG 1.51 sounds (« quatre-vingt-deux » → k'atrv'E~td'Y).
///
/// The *t* is never said after *quatre-*: only *quatre-vingt-un(e)* and *quatre-vingt-dix…* come out
/// right already, the rest are respelled « quatre-vin-deux », which eSpeak NG reads k'atrv'E~d'Y.
struct QuatreVingtRepair: PronunciationRepair {
    /// Words after « quatre-vingt- » that eSpeak NG already reads without the *t*.
    static let alreadyRight: Set<String> = ["un", "une", "unième", "dix", "dixième", "et"]

    func repair(_ text: inout SpokenWords) {
        var i = 1
        while i + 1 < text.words.count {
            defer { i += 1 }
            guard text.separators[i - 1] == "-", text.separators[i] == "-", text.lower(i) == "vingt",
                text.lower(i - 1) == "quatre"
            else { continue }
            let next = text.lower(i + 1)
            if Self.alreadyRight.contains(next) || next.hasPrefix("dix") { continue }
            text.replace(i, with: "vin")
        }
    }
}
