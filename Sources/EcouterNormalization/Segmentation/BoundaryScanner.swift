// SPDX-License-Identifier: GPL-3.0-or-later

/// What comes after a possible boundary, once spaces and opening punctuation are skipped.
enum FollowingText: Equatable {
    case end, lowercase, uppercase, digit, other
}

/// One left-to-right pass over UTF-8 bytes that finds sentence boundaries.
///
/// Every look-around is either bounded (tokens before a period: 64 bytes) or covers bytes that the
/// main loop then skips or that no other look-around covers, so the whole scan is linear.
struct BoundaryScanner {
    let text: SegmentationBytes
    private var sink: SentenceSink
    /// Where the sentence being read began (just after the previous boundary).
    private(set) var sentenceStart = 0
    /// Cached offset of the first non-space byte of the current sentence.
    private var firstContent: Int?
    /// Whether an ASCII double quote is open, to tell a closing `"` after spaces from an opening one.
    private var insideDoubleQuote = false
    /// The last look-ahead: it skipped `from..<to` and found `kind` at `to`. A later look-ahead that
    /// starts inside that stretch has the same answer; reusing it keeps look-aheads from rescanning
    /// the same spaces and quotes line after line (`"\n"\n"\n...`), which would be quadratic.
    private var lastPeek: (from: Int, to: Int, kind: FollowingText)?

    /// Longest token examined before a period; longer ones are ordinary words (or URLs).
    static let maximumTokenBytes = 64

    init(text: SegmentationBytes, maximumSentenceLength: Int?) {
        self.text = text
        self.sink = SentenceSink(text: text, maximumLength: maximumSentenceLength)
    }

    /// The sentences as byte ranges, in order, trimmed of white space.
    mutating func scan() -> [Range<Int>] {
        let n = text.count
        var i = 0
        while i < n {
            switch text[i] {
            case 0x2E, 0x21, 0x3F:  // . ! ?
                i = handleTerminatorRun(at: i)
            case 0x0A, 0x0D, 0x0B, 0x0C:
                i = handleLineBreak(at: i)
            case 0x22:  // "
                insideDoubleQuote.toggle()
                i += 1
            case 0xC2, 0xE2, 0xE3, 0xEF:  // lead bytes of the non-ASCII terminators and line breaks
                let (s, length) = text.scalar(at: i)
                if BoundaryScalars.isTerminator(s) {
                    i = handleTerminatorRun(at: i)
                } else if BoundaryScalars.isLineBreak(s) {
                    i = handleLineBreak(at: i)
                } else {
                    i += length
                }
            default:
                i += 1
            }
        }
        endSentence(at: n)
        return sink.ranges
    }

    // MARK: - Boundaries

    mutating func endSentence(at offset: Int) {
        sink.append(sentenceStart..<offset)
        sentenceStart = offset
        firstContent = nil
    }

    /// Resets quotation state at a paragraph break, so one stray `"` cannot mislead a whole text.
    mutating func startParagraph() { insideDoubleQuote = false }

    /// The first non-space offset of the current sentence (or the end of the text).
    mutating func firstContentOffset() -> Int {
        if let cached = firstContent { return cached }
        var k = sentenceStart
        while k < text.count {
            let (s, length) = text.scalar(at: k)
            if !BoundaryScalars.isSpace(s) { break }
            k += length
        }
        firstContent = k
        return k
    }

    // MARK: - Terminator runs

    /// Handles `.`, `…`, `?`, `!` and their runs (`?!`, `...`, `!!`) at `start`; returns where to resume.
    private mutating func handleTerminatorRun(at start: Int) -> Int {
        let n = text.count
        var end = start
        var periods = 0
        var ellipses = 0
        var questionOrExclamation = false
        while end < n {
            let (s, length) = text.scalar(at: end)
            if BoundaryScalars.isPeriod(s) {
                periods += 1
            } else if BoundaryScalars.isEllipsis(s) {
                ellipses += 1
            } else if BoundaryScalars.isQuestionOrExclamation(s) {
                questionOrExclamation = true
            } else {
                break
            }
            end += length
        }
        let runEnd = end
        let closedSomething = absorbClosers(from: &end)
        // "« … Nous refusons. »": punctuation with no word before it does not make a sentence.
        if opensSentence(start) { return end }

        if end == n {
            endSentence(at: end)
            return end
        }
        // Glued to what follows (3.5, www.site.fr, J.-C, etc.,): not a boundary here.
        guard BoundaryScalars.isSpace(text.scalar(at: end).scalar) else { return end }

        let (following, nextWord) = peekFollowing(from: end)
        let isBoundary: Bool
        if questionOrExclamation {
            // « Qui vient ? » demanda-t-il : a lowercase word continues the sentence.
            isBoundary = following != .lowercase
        } else if ellipses > 0 || periods > 1 {
            // "(...)" and "[…]" mark a cut in a quotation, not a pause.
            if isElisionMark(start: start, end: runEnd) {
                isBoundary = false
            } else {
                isBoundary = following == .uppercase || following == .other
            }
        } else {
            isBoundary = singlePeriodEnds(
                at: start, following: following, nextWord: nextWord, closedSomething: closedSomething)
        }
        if isBoundary { endSentence(at: end) }
        return end
    }

    /// Moves `end` past closing quotes and brackets that belong to the sentence ending at `end`,
    /// French style with a space before them (`! »`). Returns whether anything was closed.
    private mutating func absorbClosers(from end: inout Int) -> Bool {
        let n = text.count
        var closedSomething = false
        while end < n {
            var k = end
            while k < n {
                let (s, length) = text.scalar(at: k)
                guard BoundaryScalars.isHorizontalSpace(s) else { break }
                k += length
            }
            guard k < n else { break }
            let glued = k == end
            if glued, let marker = footnoteMarkerEnd(at: k) {
                // "fin.¹ Le", "fin.[2] Le": the note call belongs to the sentence it ends.
                end = marker
                continue
            }
            let (s, length) = text.scalar(at: k)
            guard BoundaryScalars.isCloser(s) else { break }
            if s == "\"" {
                // After a space, a straight quote closes only a quotation that is open.
                if !glued && !insideDoubleQuote { break }
                insideDoubleQuote = false
            } else if s == "'" && !glued {
                break
            }
            closedSomething = true
            end = k + length
        }
        return closedSomething
    }

    /// Whether only spaces and opening punctuation stand between the sentence start and `offset`
    /// (looking back a few scalars only).
    private func opensSentence(_ offset: Int) -> Bool {
        var k = offset
        var steps = 0
        while k > sentenceStart {
            let (s, previous) = text.scalar(before: k)
            guard steps < 8, BoundaryScalars.isSpace(s) || BoundaryScalars.isOpener(s) || BoundaryScalars.isBullet(s) else {
                return false
            }
            k = previous
            steps += 1
        }
        return true
    }

    /// The end of a footnote call at `offset`: superscript digits, `*`, `†`, or "[12]" / "[a]".
    private func footnoteMarkerEnd(at offset: Int) -> Int? {
        let n = text.count
        var k = offset
        while k < n {
            let (s, length) = text.scalar(at: k)
            guard BoundaryScalars.isFootnoteMark(s) else { break }
            k += length
        }
        if k > offset { return k }
        guard text[offset] == 0x5B else { return nil }  // [
        k = offset + 1
        while k < n, k - offset <= 4, text[k] < 0x80, BoundaryScalars.isLetter(Unicode.Scalar(text[k])) || BoundaryScalars.isASCIIDigit(Unicode.Scalar(text[k])) {
            k += 1
        }
        return k > offset + 1 && k < n && text[k] == 0x5D ? k + 1 : nil  // ]
    }

    /// Whether the run `start..<end` stands right inside brackets: "(...)", "[…]", "( … )".
    private func isElisionMark(start: Int, end: Int) -> Bool {
        var k = start
        var steps = 0
        while k > 0, steps < 4 {
            let (s, previous) = text.scalar(before: k)
            if s == "(" || s == "[" { return true }
            guard BoundaryScalars.isHorizontalSpace(s) else { return false }
            k = previous
            steps += 1
        }
        return false
    }

    /// The kind of text after `offset`, skipping spaces, line breaks, opening quotes, brackets and
    /// dashes, and the offset of the first word there.
    mutating func peekFollowing(from offset: Int) -> (FollowingText, Int) {
        if let last = lastPeek, offset >= last.from, offset <= last.to {
            return (last.kind, last.to)
        }
        let (kind, to) = scanFollowing(from: offset)
        lastPeek = (offset, to, kind)
        return (kind, to)
    }

    private func scanFollowing(from offset: Int) -> (FollowingText, Int) {
        var k = offset
        let n = text.count
        while k < n {
            let (s, length) = text.scalar(at: k)
            if BoundaryScalars.isSpace(s) || BoundaryScalars.isOpener(s) || BoundaryScalars.isBullet(s) {
                k += length
                continue
            }
            let kind: FollowingText
            if BoundaryScalars.isUppercase(s) {
                kind = .uppercase
            } else if BoundaryScalars.isLowercase(s) {
                kind = .lowercase
            } else if BoundaryScalars.isDigit(s) {
                kind = .digit
            } else if BoundaryScalars.isLetter(s) {
                kind = .uppercase  // a letter without case (CJK, Arabic) starts like a capital
            } else {
                kind = .other
            }
            return (kind, k)
        }
        return (.end, n)
    }
}
