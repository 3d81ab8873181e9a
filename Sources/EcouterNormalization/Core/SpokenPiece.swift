// SPDX-License-Identifier: GPL-3.0-or-later

/// What one rule said for one stretch of a written sentence ("14h30" → "quatorze heures trente").
///
/// The pieces of a sentence, in order, cover its spoken form exactly: concatenating their ``spoken``
/// texts gives ``FrenchNormalizer/normalize(_:)``'s result, and ``spokenRange`` is where each stands in
/// it. A piece's spoken text ends with the space (or nothing, before an apostrophe or a mark) that
/// separates it from the next; it may be empty (a footnote call "[1]" is not read).
public struct SpokenPiece: Sendable, Equatable {
    /// The words said for the piece, with the separator that follows them.
    public var spoken: String
    /// Unicode scalar offsets of ``spoken`` in the normalized sentence.
    public var spokenRange: Range<Int>
    /// The written text of the piece, as it stands in the input.
    public var written: String
    /// Unicode scalar offsets of ``written`` in the sentence as given (before any clean-up).
    public var source: Range<Int>
    /// The rule that read it (a semiotic class such as "date" or "acronym", "lexicon", or "word" and
    /// "punctuation" for text copied as written).
    public var rule: String

    public init(spoken: String, spokenRange: Range<Int>, written: String, source: Range<Int>, rule: String) {
        self.spoken = spoken
        self.spokenRange = spokenRange
        self.written = written
        self.source = source
        self.rule = rule
    }
}

extension Verbalizer {
    /// The finished run as public pieces: output ranges become strings, cleaned-scalar ranges become
    /// ranges of `sentence` through `origins` (see ``TextCleaner/cleanWithOrigins(_:)``).
    func spokenPieces(spoken: String, sentence: String, origins: [Range<Int>]) -> [SpokenPiece] {
        let spokenScalars = Array(spoken.unicodeScalars)
        let written = Array(sentence.unicodeScalars)
        return pieceRanges().map { piece in
            let source = origins[piece.source.lowerBound].lowerBound..<origins[piece.source.upperBound - 1].upperBound
            var say = String.UnicodeScalarView()
            say.append(contentsOf: spokenScalars[piece.spoken])
            var text = String.UnicodeScalarView()
            text.append(contentsOf: written[source])
            return SpokenPiece(spoken: String(say), spokenRange: piece.spoken, written: String(text), source: source, rule: piece.rule)
        }
    }
}
