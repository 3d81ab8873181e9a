// SPDX-License-Identifier: GPL-3.0-or-later

/// Words whose *h* is aspirated: no liaison and no elision before them (« cent hérissons », « le héros »).
///
/// Whole words, singular and feminine forms; ``starts(_:)`` also accepts the plural. Not a prefix
/// list: « hall » is aspirated, « hallucination » is not.
enum AspiratedH {
    static let words: Set<String> = [
        "hache", "hachette", "haie", "haillon", "haine", "haineux", "haineuse", "haïr", "hall", "halle",
        "halte", "hamac", "hameau", "hamburger", "hamster", "hanche", "handball", "handicap", "handicapé",
        "handicapée", "hangar", "hanneton", "hanté", "hantée", "hantise", "happé", "harangue", "haras",
        "harcèlement", "harceleur", "harceleuse", "hardi", "hardie", "hareng", "hargne", "haricot",
        "harki", "harnais", "harpe", "hasard", "hasardeux", "hasardeuse", "hashtag", "hâte", "hauban",
        "hausse", "haussier", "haut", "haute", "hautbois", "hauteur", "havre", "hayon", "hérisson",
        "hernie", "héron", "héros", "hêtre", "heurt", "hibou", "hiérarchie", "hip-hop", "hippie", "hit",
        "hobby", "hochet", "hockey", "holding", "hollandais", "hollandaise", "hollande", "homard", "hongrie", "hongrois",
        "hongroise", "honte", "honteux", "honteuse", "hooligan", "hoquet", "horde", "hors", "hot",
        "hotte", "houblon", "houle", "houppe", "housse", "houx", "hublot", "huée", "huguenot", "huit",
        "huitième", "huppé", "hurlement", "hussard", "hutte", "hyène",
    ]

    /// True when `lowerCased` (a word in lower case) begins with an aspirated *h*.
    static func starts(_ lowerCased: String) -> Bool {
        if words.contains(lowerCased) { return true }
        for plural in ["s", "x", "es"] where lowerCased.hasSuffix(plural) {
            if words.contains(String(lowerCased.dropLast(plural.count))) { return true }
        }
        return false
    }
}
