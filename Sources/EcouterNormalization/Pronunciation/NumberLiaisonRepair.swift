// SPDX-License-Identifier: GPL-3.0-or-later

/// Restores the liaison eSpeak NG 1.51 drops after *cent* and *vingt* before a vowel:
/// « cent euros » (s'A~ Yr'o, said « cent‿euros »), « cent ans », « vingt heures » (v'E~ 'Wr).
///
/// eSpeak NG never links *cent*, and links *vingt* before a vowel but not before a mute *h*. The word is
/// respelled « cente » / « vinte », which eSpeak NG reads with the *t* carried to the next word. No
/// liaison before words French never links a number to: the numbers *un*, *onze*, *huit* (« cent un »,
/// « cent onze »), an aspirated *h* (« cent hérissons »), and function words (« vingt à trente »,
/// « pour cent ont voté »).
struct NumberLiaisonRepair: PronunciationRepair {
    /// Words that take no liaison after a number.
    static let noLiaison: Set<String> = [
        "un", "une", "unième", "onze", "onzième", "onzièmes", "huit", "huitième", "huitièmes",
        "et", "ou", "où", "à", "au", "aux", "en", "y", "avec", "après", "avant", "environ", "entre",
        "il", "ils", "elle", "elles", "on", "est", "a", "ont", "avait", "avaient", "était", "étaient",
        "ici", "alors", "aussi", "ainsi", "encore", "hier", "aujourd", "or", "oui",
    ]

    func repair(_ text: inout SpokenWords) {
        var i = 0
        while i + 1 < text.words.count {
            defer { i += 1 }
            let word = text.lower(i)
            guard word == "cent" || word == "vingt", text.spaceOnly(after: i) else { continue }
            // « trois pour cent », « quatre-vingt heures » (not a number before a noun): leave alone.
            if i > 0, text.lower(i - 1) == "pour" || (word == "vingt" && text.separators[i - 1] == "-") { continue }
            let next = text.lower(i + 1)
            guard let first = next.unicodeScalars.first, !Self.noLiaison.contains(next) else { continue }
            if first == "h" {
                guard !AspiratedH.starts(next) else { continue }
            } else {
                // eSpeak NG already links vingt before a vowel; cent never.
                guard word == "cent", Self.isVowel(first) else { continue }
            }
            text.replace(i, with: word == "cent" ? "cente" : "vinte")
        }
    }

    static func isVowel(_ c: Unicode.Scalar) -> Bool {
        "aeiouàâäéèêëîïôöùûüœæ".unicodeScalars.contains(c)
    }
}
