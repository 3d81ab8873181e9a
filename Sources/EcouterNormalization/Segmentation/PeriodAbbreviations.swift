// SPDX-License-Identifier: GPL-3.0-or-later

/// How an abbreviation's final period behaves.
enum PeriodAbbreviationKind: Sendable {
    /// Always followed by what it qualifies (M. Dupont, p. 12, cf. infra): its period never ends a sentence.
    case prefix
    /// May close a sentence (etc., Inc., janv.): the period ends the sentence when a capital follows.
    case closing
    /// A reference abbreviation that is also a word ("vol." volume / le vol, "art." article / l'art):
    /// ends the sentence before a capitalized word, not before a number or an initial ("art. L. 121").
    case wordlikePrefix
}

/// French (and a few English) abbreviations written with a final period, keyed without that period.
///
/// Lowercase entries also match with a capital first letter ("Cf.", "Etc."), as at a sentence start.
/// Capitalized entries match only as written, so "me." (the pronoun) is not "Me." (Maître).
enum PeriodAbbreviations {
    static func kind(of token: String) -> PeriodAbbreviationKind? {
        if let kind = table[token] { return kind }
        return nil
    }

    private static let prefixes: [String] = [
        // Titles before a name.
        "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Mr", "Mrs", "Ms", "Messrs", "Dr", "Drs", "Pr", "Prs",
        "Me", "Mes", "Mgr", "Mgrs", "St", "Ste", "Sts", "Stes", "Vve", "Prof", "Gén", "Gal", "Col", "Cdt",
        "Cmdt", "Lt", "Lieut", "Sgt", "Capt", "Cne", "Adj", "Rév", "Gov", "Sen", "Rep", "Mt",
        // Abbreviated first names and religious titles (Ch. de Gaulle, Th. Dupont, Fr. Roger).
        "Ch", "Th", "Ph", "Chr", "Cl", "Fr", "Sr", "Sœur", "Fre", "Melle", "Cte", "Ctesse",
        // Companies before their name (Sté Générale, Éts Dupont).
        "Sté", "Stés", "Éts", "Ets",
        // References before a number or a name.
        "cf", "p", "pp", "chap", "ch", "n", "no", "nos", "fig", "figs", "t", "tt", "réf", "ref", "v", "vv",
        "c", "ca", "f", "l", "op", "loc", "vs", "éq",
        // Addresses and contacts.
        "av", "apr", "bd", "boul", "bld", "pl", "fg", "faub", "rte", "imp", "tél", "mob", "bât", "bat", "esc",
        // Dotted and hyphenated forms (keyed as written, final period removed).
        "c.-à-d", "c-à-d", "c.-à.-d", "p.-ê", "P.-S", "N.B", "N.d.T", "N.d.A", "N.d.É", "N.D.L.R", "N.d.l.r",
        "p.ex", "s.v.p", "S.V.P", "R.P", "S.E", "S.M", "S.A.R", "LL.MM", "LL.AA",
    ]

    private static let wordlikePrefixes: [String] = [
        "art", "arts", "vol", "vols", "sect", "tab", "fax", "tel", "ex",
    ]

    private static let closings: [String] = [
        "etc", "al", "Inc", "Ltd", "Co", "Corp", "Cie", "Bros", "Ltée", "Jr", "jr",
        "ibid", "id", "cit", "sqq", "sq", "suiv", "ss", "s", "éd", "éds", "trad", "dir", "coll", "rééd",
        "préf", "env", "min", "max", "hab", "approx", "resp", "ann", "adj", "fém", "masc", "sing", "plur",
        "lat", "angl", "gr", "anc", "mod", "ms", "mss", "fr", "esp", "ital", "all", "auj", "ns", "nb",
        "dép", "dépt", "arr", "univ", "assoc", "gouv", "hôp", "nat", "intl", "intern", "conf",
        // Months.
        "janv", "jan", "févr", "fév", "fevr", "avr", "juil", "juill", "sept", "oct", "nov", "déc", "dec",
        // Dotted forms that usually end a clause.
        "J.-C", "e.g", "i.e",
    ]

    private static let table: [String: PeriodAbbreviationKind] = {
        var table: [String: PeriodAbbreviationKind] = [:]
        func add(_ word: String, _ kind: PeriodAbbreviationKind) {
            table[word] = kind
            // Lowercase entries also match capitalized, as at the start of a sentence. Not single
            // letters: a capital letter alone is an initial ("P. Dupont"), handled by the classifier.
            if word.unicodeScalars.count > 1, let first = word.unicodeScalars.first, BoundaryScalars.isLowercase(first) {
                let capitalized = String(first).uppercased() + word.unicodeScalars.dropFirst().map(String.init).joined()
                if table[capitalized] == nil { table[capitalized] = kind }
            }
        }
        for word in prefixes { add(word, .prefix) }
        for word in closings { add(word, .closing) }
        for word in wordlikePrefixes { add(word, .wordlikePrefix) }
        return table
    }()
}

/// Capitalized words that usually begin a French sentence and are not part of a name.
///
/// Used after an initial ("la vitamine D. Elle ...") where a capital alone cannot tell a new
/// sentence from a surname. Articles and particles found in names (Le, La, De, Du, Des) are left out
/// on purpose: "J. Le Pen", "J. de La Fontaine".
enum SentenceStarters {
    static func contains(_ word: String) -> Bool { words.contains(word) }

    /// Articles and particles that open a sentence as well as a surname: the word after them decides.
    static func isNameParticle(_ word: String) -> Bool { particles.contains(word) }

    private static let particles: Set<String> = ["Le", "La", "L'", "De", "Du", "Des", "D'"]

    private static let words: Set<String> = [
        "Il", "Ils", "Elle", "Elles", "On", "Je", "J'", "Nous", "Vous", "Tu", "Ce", "Cet", "Cette", "Ces", "C'",
        "Ça", "Cela", "Ceci", "Celui", "Celle", "Ceux", "Mais", "Et", "Ou", "Donc", "Or", "Car", "Puis", "Alors",
        "Ensuite", "Enfin", "Ainsi", "Aussi", "Pourtant", "Toutefois", "Cependant", "Néanmoins", "Selon",
        "Depuis", "Pendant", "Après", "Avant", "Dans", "En", "Au", "Aux", "À", "Pour", "Par", "Sur", "Sous",
        "Avec", "Sans", "Chez", "Entre", "Lors", "Quand", "Lorsque", "Si", "S'", "Son", "Sa", "Ses", "Leur",
        "Leurs", "Notre", "Nos", "Votre", "Vos", "Mon", "Ma", "Mes", "Tout", "Tous", "Toute", "Toutes", "Les",
        "Un", "Une", "Plus", "Moins", "Non", "Oui", "Qui", "Que", "Qu'", "Quoi", "Quel", "Quelle",
        "Quels", "Quelles", "Comment", "Pourquoi", "Où", "N'", "Ne", "Hier", "Demain", "Voici",
        "Voilà", "Aujourd'", "Y", "The", "It", "This", "He", "She", "They", "We",
    ]
}
