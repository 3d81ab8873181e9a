// SPDX-License-Identifier: GPL-3.0-or-later

/// Splits French text into sentences, keeping each one's range in the source.
///
/// The rules, in short:
/// - `.`, `…`, `?`, `!` and their runs (`?!`, `!!`, `...`) end a sentence when followed by white space
///   (or the end); closing quotes and brackets after them stay with the sentence (`! »`, `.)`), and so
///   do footnote calls (`.¹`, `.[2]`). A lowercase word after a closing quote or bracket continues the
///   sentence (« Je viens. » dit-il).
/// - A period after a known abbreviation does not end the sentence (M., Mme., Dr., cf., p., art., av.,
///   c.-à-d., p. ex.), except for abbreviations that may close one (etc., Inc., janv., av. J.-C.)
///   when a capital follows. Initials (J. Chirac, J.-P. Sartre) end a sentence only before a word
///   that typically opens one (Il, Mais, Cette...). Item numbers ("1. ", "II. ") never do.
/// - After `?`, `!` or an ellipsis, a lowercase word continues the sentence
///   (« Qui vient ? » demanda-t-il.); an ellipsis inside brackets, "(...)", never ends one.
/// - Periods inside numbers, URLs and e-mail addresses (3.5, www.lemonde.fr, a.b@c.fr) are glued to
///   what follows and are not boundaries.
/// - A blank line always ends a sentence; a single line break ends one before a list item, or
///   after a line without final punctuation when the next line starts with a capital or a digit.
/// - A sentence longer than ``Options/maximumSentenceLength`` is cut at the best place before the
///   limit (after `;`, `:`, `,`, else at a space) so that synthesis works on bounded pieces.
///
/// The scan is linear in the length of the text, whatever the text.
public struct SentenceSegmenter: Sendable {
    /// Settings of a ``SentenceSegmenter``.
    public struct Options: Sendable, Equatable {
        /// The longest sentence, in Unicode scalars, before it is cut; nil for no limit.
        /// Values below 2 are treated as 2.
        public var maximumSentenceLength: Int?

        /// The default limit: long enough for any ordinary sentence, short enough to bound synthesis.
        public static let defaultMaximumSentenceLength = 600

        /// Options with the given maximum sentence length (600 by default).
        public init(maximumSentenceLength: Int? = Options.defaultMaximumSentenceLength) {
            self.maximumSentenceLength = maximumSentenceLength
        }
    }

    /// The settings in use.
    public var options: Options

    /// A segmenter with the default options.
    public init() { self.options = Options() }

    /// A segmenter with the given options.
    public init(options: Options) { self.options = options }

    /// The ranges of the sentences of `text`, in order, without surrounding white space.
    ///
    /// Ranges never overlap, and every character of `text` that is not white space is in one of them.
    /// Their bounds fall on Unicode scalar boundaries of `text`.
    public func sentenceRanges(in text: String) -> [Range<String.Index>] {
        let offsets = byteRanges(in: text)
        return Self.indexRanges(offsets, in: text)
    }

    /// The sentences of `text`, as slices of it.
    public func sentences(in text: String) -> [Substring] {
        sentenceRanges(in: text).map { text[$0] }
    }

    /// The sentence ranges as UTF-8 byte offsets.
    func byteRanges(in text: String) -> [Range<Int>] {
        let limit = options.maximumSentenceLength
        if let ranges = text.utf8.withContiguousStorageIfAvailable({ bytes in
            var scanner = BoundaryScanner(text: SegmentationBytes(bytes: bytes), maximumSentenceLength: limit)
            return scanner.scan()
        }) {
            return ranges
        }
        // Bridged strings may not be contiguous: scan a native copy; UTF-8 offsets are the same.
        var copy = text
        copy.makeContiguousUTF8()
        return copy.utf8.withContiguousStorageIfAvailable { bytes in
            var scanner = BoundaryScanner(text: SegmentationBytes(bytes: bytes), maximumSentenceLength: limit)
            return scanner.scan()
        } ?? []
    }

    /// Turns increasing byte offsets into string indices, walking forward only (linear even when
    /// offsetting an index is not O(1)).
    private static func indexRanges(_ offsets: [Range<Int>], in text: String) -> [Range<String.Index>] {
        let utf8 = text.utf8
        var index = utf8.startIndex
        var position = 0
        func advance(to offset: Int) -> String.Index {
            index = utf8.index(index, offsetBy: offset - position)
            position = offset
            return index
        }
        return offsets.map { range in
            let lower = advance(to: range.lowerBound)
            let upper = advance(to: range.upperBound)
            return lower..<upper
        }
    }
}
