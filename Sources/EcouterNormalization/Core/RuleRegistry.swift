// SPDX-License-Identifier: GPL-3.0-or-later

/// One rule of the verbalizer: a semiotic class (or one reading of it) that may start at a token.
///
/// The verbalizer tries, at each token, the rules registered for that token's kind in registry order;
/// the first whose precondition holds and whose matcher consumes tokens wins.
struct VerbalizerRule: Sendable {
    /// The name shown by `ecouter normalize --explain` and carried by ``SpokenPiece/rule``.
    let name: String
    /// The kind of token the rule starts on.
    let startsOn: Token.Kind
    /// A test of facts already read about the token, checked before the matcher is called: most words
    /// of a text are plain lower-case words that no rule takes, and calling every matcher on them would
    /// cost most of the throughput.
    let precondition: RulePrecondition
    /// Writes the spoken form and returns the index of the first token after what it consumed, or nil
    /// (writing nothing) when the rule does not apply.
    let match: @Sendable (inout Verbalizer, Int) -> Int?
}

/// The cheap first conditions of rules, as data so that the registry reads as a table.
enum RulePrecondition: Sendable {
    case always
    /// The token starts a word (at the start, or after a space or an opening mark).
    case atWordStart
    /// A punctuation mark follows the word, which starts a word: an address goes on with a mark.
    case punctuationAfterAtWordStart
    /// The word is a single capital letter.
    case oneCapitalLetter
    /// The word has exactly this many scalars.
    case length(Int)
    /// The word has at most this many scalars.
    case lengthAtMost(Int)
    /// At least this many tokens come before the word.
    case tokensBefore(Int)
    /// At most twelve scalars, and the first is a Roman numeral letter of the word's case ("XIXe", "xixe").
    case romanNumeralStart
    /// The word starts with a capital letter.
    case capitalFirst
}

/// Facts about the token at hand, read once before the preconditions are checked.
struct TokenFacts {
    var length: Int
    var capitalFirst: Bool
    var punctuationAfter: Bool
    var atWordStart: Bool
    var index: Int
    var first: Unicode.Scalar
}

extension RulePrecondition {
    @inline(__always)
    func holds(_ f: TokenFacts) -> Bool {
        switch self {
        case .always: return true
        case .atWordStart: return f.atWordStart
        case .punctuationAfterAtWordStart: return f.punctuationAfter && f.atWordStart
        case .oneCapitalLetter: return f.length == 1 && f.capitalFirst
        case .length(let n): return f.length == n
        case .lengthAtMost(let n): return f.length <= n
        case .tokensBefore(let n): return f.index >= n
        case .romanNumeralStart: return f.length <= 12 && RomanNumerals.isNumeralLetter(f.first, upper: f.capitalFirst)
        case .capitalFirst: return f.capitalFirst
        }
    }
}

/// The ordered rules: this list IS the priority between the semiotic classes (earlier wins).
/// A token no rule takes is copied as written ("word"; "punctuation" for a mark).
enum RuleRegistry {
    static let rules: [VerbalizerRule] = [
        // Words.
        .init(name: "lexicon", startsOn: .word, precondition: .always) { $0.matchLexicon($1) },
        .init(name: "address", startsOn: .word, precondition: .punctuationAfterAtWordStart) { $0.matchAddress($1) },
        .init(name: "legal.code-article", startsOn: .word, precondition: .oneCapitalLetter) { $0.matchCodeArticle($1) },
        .init(name: "measure.kilometre-marker", startsOn: .word, precondition: .length(2)) { $0.matchKilometreMarker($1) },
        .init(name: "measure.unit-after-scale", startsOn: .word, precondition: .tokensBefore(4)) { $0.matchUnitAfterScale($1) },
        .init(name: "abbreviation", startsOn: .word, precondition: .lengthAtMost(6)) { $0.matchAbbreviation($1) },
        .init(name: "measure.energy-unit", startsOn: .word, precondition: .length(3)) { $0.matchBareEnergyUnit($1) },
        .init(name: "roman", startsOn: .word, precondition: .romanNumeralStart) { $0.matchRoman($1) },
        .init(name: "symbol.math", startsOn: .word, precondition: .length(1)) { $0.matchMath($1) },
        .init(name: "acronym", startsOn: .word, precondition: .capitalFirst) { $0.matchAcronym($1) },
        // Numbers.
        .init(name: "address", startsOn: .number, precondition: .atWordStart) { $0.matchAddress($1) },
        .init(name: "phone", startsOn: .number, precondition: .always) { $0.matchPhone($1) },
        .init(name: "phone.service-number", startsOn: .number, precondition: .always) { $0.matchServiceNumber($1) },
        .init(name: "postal-code", startsOn: .number, precondition: .always) { $0.matchPostalCode($1) },
        .init(name: "legal.article-number", startsOn: .number, precondition: .always) { $0.matchHyphenatedArticleNumber($1) },
        .init(name: "date", startsOn: .number, precondition: .always) { $0.matchDate($1) },
        .init(name: "time", startsOn: .number, precondition: .always) { $0.matchTime($1) },
        .init(name: "time.chrono", startsOn: .number, precondition: .always) { $0.matchChrono($1) },
        .init(name: "number", startsOn: .number, precondition: .always) { $0.matchNumberExpression($1, negative: false) },
        // Punctuation and symbols.
        .init(name: "symbol.footnote", startsOn: .punct, precondition: .always) { $0.matchFootnote($1) },
        .init(name: "number.signed", startsOn: .punct, precondition: .always) { $0.matchSigned($1) },
        .init(name: "symbol.tag", startsOn: .punct, precondition: .always) { $0.matchTag($1) },
        .init(name: "symbol", startsOn: .punct, precondition: .always) { $0.matchSymbol($1) },
    ]

    /// The rules starting on each token kind, in registry order, indexed by `Token.Kind.rawValue`.
    static let byKind: [[VerbalizerRule]] = {
        var table = [[VerbalizerRule]](repeating: [], count: 4)
        for rule in rules { table[Int(rule.startsOn.rawValue)].append(rule) }
        return table
    }()
}
