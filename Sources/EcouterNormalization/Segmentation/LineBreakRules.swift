// SPDX-License-Identifier: GPL-3.0-or-later

// Line breaks.
//
// - A blank line (two line breaks with only spaces between, or U+2029 / form feed) always ends
//   the sentence: paragraphs never run into each other.
// - A single line break ends the sentence when the next line starts a list item (bullet, dash,
//   "1.", "2)", "a)"), or when the line does not end with punctuation and the next line starts with a
//   capital, a digit or a symbol: a heading, a caption, a list item or a paragraph without its final
//   period (extracted article text puts one paragraph per line).
// - A single line break does not end the sentence when the next line starts in lowercase (text
//   wrapped at a fixed width), when the line ends with a mark that continues (, ; : ( « - & /), or
//   when it ends with sentence punctuation (the punctuation rules have already decided).
//   Trade-off: hard-wrapped text with a capitalized name at the start of a line is split there.

extension BoundaryScanner {
    /// Handles the line break at `offset` and the white space after it; returns where to resume.
    mutating func handleLineBreak(at offset: Int) -> Int {
        let n = text.count
        var k = offset
        var breaks = 0
        var paragraph = false
        while k < n {
            let (s, length) = text.scalar(at: k)
            guard BoundaryScalars.isSpace(s) else { break }
            if BoundaryScalars.isParagraphBreak(s) {
                paragraph = true
            } else if s == "\r" {
                // "\r\n" is one break, counted at its "\n".
                if k + 1 >= n || text[k + 1] != 0x0A { breaks += 1 }
            } else if BoundaryScalars.isLineBreak(s) {
                breaks += 1
            }
            k += length
        }
        if paragraph || breaks >= 2 || k == n {
            endSentence(at: offset)
            startParagraph()
        } else if singleLineBreakEndsSentence(at: offset, nextLine: k) {
            endSentence(at: offset)
        }
        return k
    }

    private mutating func singleLineBreakEndsSentence(at offset: Int, nextLine: Int) -> Bool {
        // The last visible scalar of the line (trailing spaces were not skipped by anyone else).
        var lineEnd = offset
        while lineEnd > sentenceStart {
            let (s, previous) = text.scalar(before: lineEnd)
            guard BoundaryScalars.isSpace(s) else { break }
            lineEnd = previous
        }
        guard lineEnd > sentenceStart else { return false }  // nothing pending
        if startsListItem(at: nextLine) { return true }
        let last = text.scalar(before: lineEnd).scalar
        if endsWithSentencePunctuation(lineEnd) || BoundaryScalars.continuesOnNextLine(last) { return false }
        let (following, _) = peekFollowing(from: nextLine)
        return following != .lowercase
    }

    /// Whether the line ending at `lineEnd` ends with terminators, possibly followed by closers.
    private func endsWithSentencePunctuation(_ lineEnd: Int) -> Bool {
        var k = lineEnd
        var steps = 0
        while k > sentenceStart, steps < 8 {
            let (s, previous) = text.scalar(before: k)
            if BoundaryScalars.isTerminator(s) { return true }
            guard BoundaryScalars.isCloser(s) || BoundaryScalars.isHorizontalSpace(s) else { return false }
            k = previous
            steps += 1
        }
        return false
    }

    /// Whether a list item starts at `offset`: a bullet or dash then a space, "1." / "12)" then a
    /// space, or a single letter then ")" and a space. Looks at a few bytes only.
    func startsListItem(at offset: Int) -> Bool {
        let n = text.count
        guard offset < n else { return false }
        let (first, firstLength) = text.scalar(at: offset)
        func spaceAt(_ k: Int) -> Bool { k < n && BoundaryScalars.isHorizontalSpace(text.scalar(at: k).scalar) }

        if BoundaryScalars.isBullet(first) { return spaceAt(offset + firstLength) }
        var k = offset
        var digits = 0
        while k < n, digits < 4, BoundaryScalars.isASCIIDigit(text.scalar(at: k).scalar) {
            k += 1
            digits += 1
        }
        if digits >= 1 && digits <= 3, k < n {
            let mark = text[k]
            return (mark == 0x2E || mark == 0x29) && spaceAt(k + 1)  // "." or ")"
        }
        if digits == 0, BoundaryScalars.isLetter(first), offset + firstLength < n, text[offset + firstLength] == 0x29 {
            return spaceAt(offset + firstLength + 1)
        }
        return false
    }
}
