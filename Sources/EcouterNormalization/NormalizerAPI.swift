// SPDX-License-Identifier: GPL-3.0-or-later
// Placeholder contract, replaced by the normalization work (issue 3).

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
public struct FrenchNormalizer: Sendable {
    public var options: NormalizerOptions
    public init(options: NormalizerOptions = NormalizerOptions()) { self.options = options }

    /// The spoken form of one sentence (or one independent item).
    public func normalize(_ sentence: String) -> String { sentence }

    /// Segments `text` into sentences and normalizes each.
    public func sentences(in text: String) -> [SpokenSentence] {
        SentenceSegmenter().sentenceRanges(in: text).map {
            SpokenSentence(written: String(text[$0]), range: $0, spoken: normalize(String(text[$0])))
        }
    }
}
