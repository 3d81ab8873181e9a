// SPDX-License-Identifier: GPL-3.0-or-later

/// Collects sentence byte ranges: trims white space, drops empty ones, and cuts sentences longer
/// than the maximum length so that synthesis works on bounded pieces.
struct SentenceSink {
    let text: SegmentationBytes
    /// Maximum length in Unicode scalars, or nil for no limit.
    let maximumLength: Int?
    private(set) var ranges: [Range<Int>] = []

    init(text: SegmentationBytes, maximumLength: Int?) {
        self.text = text
        self.maximumLength = maximumLength.map { max($0, 2) }
    }

    mutating func append(_ range: Range<Int>) {
        let trimmed = trim(range)
        guard !trimmed.isEmpty else { return }
        // A sentence has at least one byte per scalar: short ones need no counting.
        if let limit = maximumLength, trimmed.count > limit {
            appendCapped(trimmed, limit: limit)
        } else {
            ranges.append(trimmed)
        }
    }

    private func trim(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper {
            let (s, length) = text.scalar(at: lower)
            guard BoundaryScalars.isSpace(s) else { break }
            lower += length
        }
        while upper > lower {
            let (s, previous) = text.scalar(before: upper)
            guard BoundaryScalars.isSpace(s) else { break }
            upper = previous
        }
        return lower..<upper
    }

    /// Cuts `range` into pieces of at most `limit` scalars, each at the best place in the second half
    /// of the window: after `;`, else `:`, else `,` (each followed by a space), else at a space, else
    /// (one long word) at the limit, never before a combining mark. Each window is walked once or
    /// twice, so this stays linear.
    private mutating func appendCapped(_ range: Range<Int>, limit: Int) {
        var start = range.lowerBound
        let end = range.upperBound
        let halfway = limit / 2
        while start < end {
            var k = start
            var count = 0
            var afterSemicolon: Int?
            var afterColon: Int?
            var afterComma: Int?
            var lastSpace: Int?
            while k < end, count < limit {
                let (s, length) = text.scalar(at: k)
                let next = k + length
                if count >= halfway, next < end, BoundaryScalars.isSpace(text.scalar(at: next).scalar) {
                    switch s {
                    case ";": afterSemicolon = next
                    case ":": afterColon = next
                    case ",": afterComma = next
                    default: break
                    }
                }
                if count > 0, BoundaryScalars.isSpace(s) { lastSpace = k }
                k = next
                count += 1
            }
            if k >= end {
                ranges.append(start..<end)
                return
            }
            let cut = afterSemicolon ?? afterColon ?? afterComma ?? lastSpace ?? graphemeSafeCut(at: k, after: start)
            let piece = trim(start..<cut)
            if !piece.isEmpty { ranges.append(piece) }
            start = trim(cut..<end).lowerBound
        }
    }

    /// `offset`, moved back so that it does not separate a combining mark from its base.
    private func graphemeSafeCut(at offset: Int, after start: Int) -> Int {
        var cut = offset
        var steps = 0
        while cut > start, steps < 32, BoundaryScalars.isGraphemeExtender(text.scalar(at: cut).scalar) {
            cut = text.scalarStart(before: cut)
            steps += 1
        }
        return cut > start ? cut : offset
    }
}
