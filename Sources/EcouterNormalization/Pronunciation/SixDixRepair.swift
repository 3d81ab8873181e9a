// SPDX-License-Identifier: GPL-3.0-or-later

/// Sounds the final *x* of *six* and *dix* as [s] where French makes no liaison, which eSpeak NG 1.51
/// reads as a [z] carried to the next word: « Mohammed VI a » (s'iz a, said « six a » with [s]),
/// « Charles X au pouvoir », « les six ont voté ».
///
/// The liaison in [z] belongs to a number that determines the next word (« six ans », « dix euros »);
/// before a verb, a preposition or a pronoun the number stands alone and ends in [s]. The word is
/// respelled « sisse » / « disse ». Only words that never follow a determining number are listed;
/// « à » and « et » are left out (« dix à quinze », « six et demi » are heard both ways).
struct SixDixRepair: PronunciationRepair {
    /// Words before which a number is not linked: verbs, prepositions, pronouns and adverbs.
    static let unlinked: Set<String> = [
        "a", "ont", "avait", "avaient", "aura", "auront", "est", "était", "étaient", "sera", "seront",
        "au", "aux", "en", "ou", "où", "avec", "après", "avant", "entre", "environ",
        "il", "ils", "elle", "elles", "on", "ici", "alors", "aussi", "ainsi", "encore", "hier", "aujourd",
    ]

    func repair(_ text: inout SpokenWords) {
        var i = 0
        while i + 1 < text.words.count {
            defer { i += 1 }
            let word = text.lower(i)
            guard word == "six" || word == "dix", text.spaceOnly(after: i), Self.unlinked.contains(text.lower(i + 1))
            else { continue }
            text.replace(i, with: word == "six" ? "sisse" : "disse")
        }
    }
}
