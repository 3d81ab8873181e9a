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
    public var lexicon: Lexicon
    public init(region: FrenchRegion = .france, lexicon: Lexicon = Lexicon()) {
        self.region = region
        self.lexicon = lexicon
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
public struct FrenchNormalizer: Sendable {
    /// The region and lexicon in use.
    public var options: NormalizerOptions {
        didSet { matcher = LexiconMatcher(options.lexicon) }
    }
    private var matcher: LexiconMatcher

    /// A normalizer with `options` (France and no lexicon by default).
    public init(options: NormalizerOptions = NormalizerOptions()) {
        self.options = options
        self.matcher = LexiconMatcher(options.lexicon)
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

    /// Segments `text` into sentences and normalizes each.
    public func sentences(in text: String) -> [SpokenSentence] {
        SentenceSegmenter().sentenceRanges(in: text).map {
            SpokenSentence(written: String(text[$0]), range: $0, spoken: normalize(String(text[$0])))
        }
    }
}
