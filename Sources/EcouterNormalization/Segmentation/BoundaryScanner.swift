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

    // MARK: - Single period

    private mutating func singlePeriodEnds(
        at period: Int, following: FollowingText, nextWord: Int, closedSomething: Bool
    ) -> Bool {
        if following == .end { return true }
        let role = periodRole(at: period)
        switch role {
        case .ordinary:
            // « Je viens. » dit-il, (Il pleuvait.) et : the text goes on after the quotation or bracket.
            return !(closedSomething && following == .lowercase)
        case .prefix, .listMarker:
            return false
        case .closing:
            return following == .uppercase
        case .wordlikePrefix:
            // "le vol. Il" ends; "art. 3", "art. L. 121" do not.
            return following == .uppercase && !isInitial(at: nextWord)
        case .initial:
            guard following == .uppercase else { return false }
            let next = word(at: nextWord)
            if SentenceStarters.contains(next) { return true }
            // "J. Le Pen", "J. La Fontaine" are names; "plan B. Le gouvernement" is a new sentence.
            return SentenceStarters.isNameParticle(next) && wordAfter(nextWord, startsWith: BoundaryScalars.isLowercase)
        }
    }

    /// Whether a capital letter followed by a period starts at `offset` ("L." in "art. L. 121").
    private func isInitial(at offset: Int) -> Bool {
        let (first, length) = text.scalar(at: offset)
        return BoundaryScalars.isUppercase(first) && offset + length < text.count && text[offset + length] == 0x2E
    }

    /// Whether the word after the one at `offset` (past one run of spaces) starts with a matching scalar.
    private func wordAfter(_ offset: Int, startsWith predicate: (Unicode.Scalar) -> Bool) -> Bool {
        var k = offset
        let n = text.count
        var steps = 0
        while k < n, steps < 24 {
            let (s, length) = text.scalar(at: k)
            if BoundaryScalars.isSpace(s) { break }
            if s == "'" || s == "\u{2019}" {
                // "L'Oréal" / "L'enquête": the word after the elision.
                k += length
                return k < n && predicate(text.scalar(at: k).scalar)
            }
            k += length
            steps += 1
        }
        while k < n, steps < 32 {
            let (s, length) = text.scalar(at: k)
            guard BoundaryScalars.isHorizontalSpace(s) else { break }
            k += length
            steps += 1
        }
        return k < n && predicate(text.scalar(at: k).scalar)
    }

    private mutating func periodRole(at period: Int) -> PeriodRole {
        var tokenStart = period
        while tokenStart > sentenceStart {
            let (s, previous) = text.scalar(before: tokenStart)
            if BoundaryScalars.isSpace(s) || isTokenOpener(s) { break }
            tokenStart = previous
            if period - tokenStart > Self.maximumTokenBytes { return .ordinary }
        }
        guard tokenStart < period else { return .ordinary }
        let token = text.string(tokenStart..<period)
        // An item number opens its sentence, or follows a colon ("Trois points : 1. Le coût").
        let atStart = tokenStart == firstContentOffset() || follows(":", before: tokenStart)
        return PeriodTokenClassifier.role(of: token, atSentenceStart: atStart) {
            self.word(before: tokenStart)
        }
    }

    /// Whether `mark` stands before `offset`, past at most four spaces.
    private func follows(_ mark: Unicode.Scalar, before offset: Int) -> Bool {
        var k = offset
        var steps = 0
        while k > sentenceStart, steps < 5 {
            let (s, previous) = text.scalar(before: k)
            if s == mark { return true }
            guard BoundaryScalars.isHorizontalSpace(s) else { return false }
            k = previous
            steps += 1
        }
        return false
    }

    /// Openers that start a token; apostrophes and hyphens do not ("l'art.", "J.-C.").
    private func isTokenOpener(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "(", "[", "{", "\u{AB}", "\u{201C}", "\u{201E}", "\"", "\u{2039}", "/": return true
        default: return false
        }
    }

    /// The word (letters and dots, at most 16 bytes) ending before the spaces before `offset`.
    private func word(before offset: Int) -> String {
        var end = offset
        var steps = 0
        while end > 0, steps < 4 {
            let (s, previous) = text.scalar(before: end)
            guard BoundaryScalars.isHorizontalSpace(s) else { break }
            end = previous
            steps += 1
        }
        var start = end
        while start > 0, end - start < 16 {
            let (s, previous) = text.scalar(before: start)
            guard BoundaryScalars.isLetter(s) || s == "." else { break }
            start = previous
        }
        return text.string(start..<end)
    }

    /// The word starting at `offset` (letters, then an apostrophe if any), at most 16 bytes.
    private func word(at offset: Int) -> String {
        var end = offset
        while end < text.count, end - offset < 16 {
            let (s, length) = text.scalar(at: end)
            if BoundaryScalars.isLetter(s) {
                end += length
            } else {
                if s == "'" || s == "\u{2019}" {
                    return text.string(offset..<end) + "'"
                }
                break
            }
        }
        return text.string(offset..<end)
    }
}
