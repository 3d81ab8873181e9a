// SPDX-License-Identifier: GPL-3.0-or-later
// Placeholder contract, replaced by the segmentation work (issue 3).

/// Splits French text into sentences, keeping each one's range in the source.
public struct SentenceSegmenter: Sendable {
    public init() {}

    /// The ranges of the sentences of `text`, in order, without surrounding white space.
    public func sentenceRanges(in text: String) -> [Range<String.Index>] {
        var result: [Range<String.Index>] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            let next = text.index(after: index)
            if c == "." || c == "!" || c == "?" || c == "\n" {
                append(start..<next, of: text, to: &result)
                start = next
            }
            index = next
        }
        append(start..<text.endIndex, of: text, to: &result)
        return result
    }

    private func append(_ range: Range<String.Index>, of text: String, to result: inout [Range<String.Index>]) {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, text[lower].isWhitespace { lower = text.index(after: lower) }
        while upper > lower, text[text.index(before: upper)].isWhitespace { upper = text.index(before: upper) }
        if lower < upper { result.append(lower..<upper) }
    }
}
