// SPDX-License-Identifier: GPL-3.0-or-later

/// The French spoken in the voice's region decides a few number words.
public enum FrenchRegion: String, Sendable, CaseIterable, Codable {
    case france = "fr-FR"
    case belgium = "fr-BE"
    case switzerland = "fr-CH"
}

/// Options of a ``FrenchNormalizer``.
public struct NormalizerOptions: Sendable {
    public var region: FrenchRegion
    /// Rewrites applied before every other rule; their spoken side is part of the normalized text.
    public var lexicon: Lexicon
    /// Pronunciation fixes for the speech engine (respellings or `[[phonemes]]`), applied by
    /// ``FrenchNormalizer/pronounce(_:)`` after normalization. Their written forms are protected
    /// from the other rules, so the normalized text keeps the word as written.
    public var pronunciations: Lexicon

    public init(region: FrenchRegion = .france, lexicon: Lexicon = Lexicon(), pronunciations: Lexicon = Lexicon()) {
        self.region = region
        self.lexicon = lexicon
        self.pronunciations = pronunciations
    }
}

/// A sentence as written, where it stands in the source, and what is said for it.
public struct SpokenSentence: Sendable, Equatable {
    public var written: String
    public var range: Range<String.Index>
    public var spoken: String
    public init(written: String, range: Range<String.Index>, spoken: String) {
        self.written = written
        self.range = range
        self.spoken = spoken
    }
}

/// Turns written French into the words a news reader says.
///
/// Numbers agree with the noun that follows ("21 pages" → "vingt et une pages"); dates, times, money,
/// units, ordinals, Roman numerals, abbreviations, acronyms and symbols are spelled out so eSpeak NG
/// reads them right. Lexicon entries are applied first and may hold `[[phonemes]]`, which pass through
/// untouched; brackets in ordinary text never produce `[[`.
///
/// Two layers: ``normalize(_:)`` gives the words a reader says, in ordinary spelling
/// (engine-independent); ``pronounce(_:)`` then applies the pronunciation lexicon, the respellings
/// eSpeak NG needs to say names right ("Bayrou" → "Baillerou").
public struct FrenchNormalizer: Sendable {
    /// The region and lexicons in use.
    public var options: NormalizerOptions {
        didSet { (matcher, pronunciationMatcher) = Self.matchers(options) }
    }
    private var matcher: LexiconMatcher
    private var pronunciationMatcher: LexiconMatcher

    /// A normalizer with `options` (France and no lexicon by default).
    public init(options: NormalizerOptions = NormalizerOptions()) {
        self.options = options
        (matcher, pronunciationMatcher) = Self.matchers(options)
    }

    /// The normalizing matcher protects pronunciation entries (written → written) so that no other
    /// rule rewrites them first; the lexicon proper wins over them on the same written form.
    private static func matchers(_ options: NormalizerOptions) -> (LexiconMatcher, LexiconMatcher) {
        let protected = Lexicon(entries: options.pronunciations.entries.map { .init(written: $0.written, spoken: $0.written) })
        return (LexiconMatcher(protected.merging(options.lexicon)), LexiconMatcher(options.pronunciations))
    }

    /// Prepares normalized text for eSpeak NG: the pronunciation lexicon, whole word by whole word,
    /// then the pronunciation repairs (the *t* of *vingt* in quatre-vingt-deux, the liaison after
    /// *cent* and *vingt*: see `Pronunciation/`).
    ///
    /// Case-aware like the lexicon: an entry written in lower case matches any capitalization.
    /// The result may hold `[[phonemes]]`, which the synthesizer reads as phonemes.
    public func pronounce(_ spoken: String) -> String {
        PronunciationRepairs.apply(applyPronunciationLexicon(spoken))
    }

    private func applyPronunciationLexicon(_ spoken: String) -> String {
        guard !pronunciationMatcher.isEmpty else { return spoken }
        let s = Array(spoken.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        func isWordScalar(_ c: Unicode.Scalar) -> Bool { Tokenizer.isLetter(c) || Tokenizer.isDigit(c) }
        while i < s.count {
            guard isWordScalar(s[i]), i == 0 || !isWordScalar(s[i - 1]) else {
                out.append(s[i])
                i += 1
                continue
            }
            var end = i
            while end < s.count, isWordScalar(s[end]) { end += 1 }
            let word = s[i..<end]
            if pronunciationMatcher.mightMatch(word),
               let (replacement, matchEnd) = pronunciationMatcher.match(
                   s, at: i, word: String(String.UnicodeScalarView(word)),
                   lowerWord: { String(String.UnicodeScalarView(word.map(Tokenizer.lower))) })
            {
                out.append(contentsOf: replacement.unicodeScalars)
                i = matchEnd
            } else {
                out.append(contentsOf: word)
                i = end
            }
        }
        return String(out)
    }

    /// The spoken form of one sentence (or one independent item), on a single line.
    ///
    /// Not an error: text with nothing to say (only punctuation) gives an empty or punctuation-only
    /// string; text holding letters or digits always gives a non-empty one.
    public func normalize(_ sentence: String) -> String {
        let scalars = TextCleaner.clean(sentence)
        guard !scalars.isEmpty else { return "" }
        var verbalizer = Verbalizer(scalars: scalars, numbers: FrenchNumbers(region: options.region), lexicon: matcher)
        let spoken = verbalizer.run()
        if spoken.unicodeScalars.contains(where: { Tokenizer.isLetter($0) || Tokenizer.isDigit($0) })
            || !scalars.contains(where: { Tokenizer.isLetter($0) || Tokenizer.isDigit($0) })
        {
            return spoken
        }
        // Everything was dropped (a lone footnote call "[1]"): read it rather than say nothing.
        var again = Verbalizer(scalars: scalars, numbers: FrenchNumbers(region: options.region), lexicon: matcher)
        again.dropFootnotes = false
        return again.run()
    }

    /// The spoken form of one sentence as pieces, one per rule that fired or token copied as written,
    /// each with the source span it was read from (see ``SpokenPiece``). Their spoken texts joined
    /// give ``normalize(_:)``'s result exactly.
    public func pieces(of sentence: String) -> [SpokenPiece] {
        let (scalars, origins) = TextCleaner.cleanWithOrigins(sentence)
        guard !scalars.isEmpty else { return [] }
        func verbalize(dropFootnotes: Bool) -> [SpokenPiece] {
            var verbalizer = Verbalizer(scalars: scalars, numbers: FrenchNumbers(region: options.region), lexicon: matcher)
            verbalizer.dropFootnotes = dropFootnotes
            verbalizer.recordsPieces = true
            let spoken = verbalizer.run()
            return verbalizer.spokenPieces(spoken: spoken, sentence: sentence, origins: origins)
        }
        let pieces = verbalize(dropFootnotes: true)
        // The same fallback as normalize(_:): a sentence whose every letter was dropped is read again.
        let saysSomething = pieces.contains { $0.spoken.unicodeScalars.contains { Tokenizer.isLetter($0) || Tokenizer.isDigit($0) } }
        if saysSomething || !scalars.contains(where: { Tokenizer.isLetter($0) || Tokenizer.isDigit($0) }) { return pieces }
        return verbalize(dropFootnotes: false)
    }

    /// Segments `text` into sentences and normalizes each.
    public func sentences(in text: String) -> [SpokenSentence] {
        var result: [SpokenSentence] = []
        forEachSentence(in: text) { result.append($0) }
        return result
    }

    /// Segments `text` into sentences and hands each one, normalized, to `body` in order, without
    /// holding them all: the same sentences as ``sentences(in:)``, for large texts.
    public func forEachSentence(in text: String, _ body: (SpokenSentence) throws -> Void) rethrows {
        for range in SentenceSegmenter().sentenceRanges(in: text) {
            let written = String(text[range])
            try body(SpokenSentence(written: written, range: range, spoken: normalize(written)))
        }
    }
}
