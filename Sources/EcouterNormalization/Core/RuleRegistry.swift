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
    /// The matcher (see ``Verbalizer/apply(_:at:)``): it writes the spoken form and returns the index
    /// of the first token after what it consumed, or nil (writing nothing) when the rule does not apply.
    let matcher: RuleMatcher
}

/// The matchers of the semiotic classes (`Classes/*.swift`). Dispatched by a switch rather than stored
/// as closures: direct calls keep the matchers' first guards inlined in the walk, which indirect calls
/// through closures measurably did not (about a fifth of the throughput).
enum RuleMatcher: UInt8, Sendable {
    case lexicon, address, codeArticle, kilometreMarker, unitAfterScale, abbreviation, energyUnit, roman, math, acronym
    case phone, serviceNumber, postalCode, articleNumber, date, time, chrono, number
    case footnote, signed, tag, symbol
}

/// The part of a rule the walk reads at every token: trivially copyable, so trying rules costs no
/// reference counting.
struct RuleEntry: Sendable {
    let matcher: RuleMatcher
    let precondition: RulePrecondition
    /// The rule's index in ``RuleRegistry/rules``, for its name.
    let index: Int
}

extension Verbalizer {
    /// Runs one rule's matcher at token `i`.
    @inline(__always)
    mutating func apply(_ matcher: RuleMatcher, at i: Int) -> Int? {
        switch matcher {
        case .lexicon: return matchLexicon(i)
        case .address: return matchAddress(i)
        case .codeArticle: return matchCodeArticle(i)
        case .kilometreMarker: return matchKilometreMarker(i)
        case .unitAfterScale: return matchUnitAfterScale(i)
        case .abbreviation: return matchAbbreviation(i)
        case .energyUnit: return matchBareEnergyUnit(i)
        case .roman: return matchRoman(i)
        case .math: return matchMath(i)
        case .acronym: return matchAcronym(i)
        case .phone: return matchPhone(i)
        case .serviceNumber: return matchServiceNumber(i)
        case .postalCode: return matchPostalCode(i)
        case .articleNumber: return matchHyphenatedArticleNumber(i)
        case .date: return matchDate(i)
        case .time: return matchTime(i)
        case .chrono: return matchChrono(i)
        case .number: return matchNumberExpression(i, negative: false)
        case .footnote: return matchFootnote(i)
        case .signed: return matchSigned(i)
        case .tag: return matchTag(i)
        case .symbol: return matchSymbol(i)
        }
    }
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
        .init(name: "lexicon", startsOn: .word, precondition: .always, matcher: .lexicon),
        .init(name: "address", startsOn: .word, precondition: .punctuationAfterAtWordStart, matcher: .address),
        .init(name: "legal.code-article", startsOn: .word, precondition: .oneCapitalLetter, matcher: .codeArticle),
        .init(name: "measure.kilometre-marker", startsOn: .word, precondition: .length(2), matcher: .kilometreMarker),
        .init(name: "measure.unit-after-scale", startsOn: .word, precondition: .tokensBefore(4), matcher: .unitAfterScale),
        .init(name: "abbreviation", startsOn: .word, precondition: .lengthAtMost(6), matcher: .abbreviation),
        .init(name: "measure.energy-unit", startsOn: .word, precondition: .length(3), matcher: .energyUnit),
        .init(name: "roman", startsOn: .word, precondition: .romanNumeralStart, matcher: .roman),
        .init(name: "symbol.math", startsOn: .word, precondition: .length(1), matcher: .math),
        .init(name: "acronym", startsOn: .word, precondition: .capitalFirst, matcher: .acronym),
        // Numbers.
        .init(name: "address", startsOn: .number, precondition: .atWordStart, matcher: .address),
        .init(name: "phone", startsOn: .number, precondition: .always, matcher: .phone),
        .init(name: "phone.service-number", startsOn: .number, precondition: .always, matcher: .serviceNumber),
        .init(name: "postal-code", startsOn: .number, precondition: .always, matcher: .postalCode),
        .init(name: "legal.article-number", startsOn: .number, precondition: .always, matcher: .articleNumber),
        .init(name: "date", startsOn: .number, precondition: .always, matcher: .date),
        .init(name: "time", startsOn: .number, precondition: .always, matcher: .time),
        .init(name: "time.chrono", startsOn: .number, precondition: .always, matcher: .chrono),
        .init(name: "number", startsOn: .number, precondition: .always, matcher: .number),
        // Punctuation and symbols.
        .init(name: "symbol.footnote", startsOn: .punct, precondition: .always, matcher: .footnote),
        .init(name: "number.signed", startsOn: .punct, precondition: .always, matcher: .signed),
        .init(name: "symbol.tag", startsOn: .punct, precondition: .always, matcher: .tag),
        .init(name: "symbol", startsOn: .punct, precondition: .always, matcher: .symbol),
    ]

    /// The entries of the rules starting on `kind`, in registry order.
    static func entries(startingOn kind: Token.Kind) -> [RuleEntry] {
        rules.indices.filter { rules[$0].startsOn == kind }
            .map { RuleEntry(matcher: rules[$0].matcher, precondition: rules[$0].precondition, index: $0) }
    }

    /// The entries per token kind as buffers allocated once and never freed: the walk reads them at
    /// every token, and an array there cost a retain and a release per token. Never written after
    /// initialization, hence safe to share.
    nonisolated(unsafe) static let wordEntries = table(startingOn: .word)
    nonisolated(unsafe) static let numberEntries = table(startingOn: .number)
    nonisolated(unsafe) static let punctuationEntries = table(startingOn: .punct)

    private static func table(startingOn kind: Token.Kind) -> UnsafeBufferPointer<RuleEntry> {
        let list = entries(startingOn: kind)
        let buffer = UnsafeMutableBufferPointer<RuleEntry>.allocate(capacity: list.count)
        _ = buffer.initialize(from: list)
        return UnsafeBufferPointer(buffer)
    }
}
