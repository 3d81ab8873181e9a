// SPDX-License-Identifier: GPL-3.0-or-later

// A single period: the word before it (abbreviation, initial, item number, ordinary word) and the
// word after it decide whether it ends the sentence.

extension BoundaryScanner {
    /// Whether the single period at `period` ends the sentence, given what follows it.
    mutating func singlePeriodEnds(
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
