// SPDX-License-Identifier: GPL-3.0-or-later

/// What the word just before a single period says about that period.
enum PeriodRole: Equatable {
    /// An ordinary word: the period ends the sentence.
    case ordinary
    /// A title or reference abbreviation (M., cf., p.): the period never ends the sentence.
    case prefix
    /// An item number at the start of a sentence ("1.", "II.", "a."): never ends it.
    case listMarker
    /// An abbreviation that may close a sentence (etc., Inc., janv.): ends it before a capital.
    case closing
    /// A reference abbreviation that is also a word ("vol.", "l'art.", "mon ex."): ends the sentence
    /// before a capitalized word, but not before a number or an initial ("art. L. 121-1").
    case wordlikePrefix
    /// An initial ("J.", "J.-P.", "U.S.A."): ends the sentence only before a typical sentence opener,
    /// since a capital alone is usually the surname that follows.
    case initial
}

/// Classifies the token before a period. Tokens are short (the scanner caps them), so string work is cheap.
enum PeriodTokenClassifier {
    /// - Parameters:
    ///   - token: the text between the previous space (or opening bracket) and the period, excluded.
    ///   - atSentenceStart: whether the token is the first thing in its sentence.
    ///   - previousWord: the word before the token, asked for only when needed ("av." before "J.-C.").
    static func role(
        of token: String, atSentenceStart: Bool, previousWord: () -> String
    ) -> PeriodRole {
        let scalars = token.unicodeScalars
        guard let first = scalars.first else { return .ordinary }

        if scalars.contains(where: BoundaryScalars.isDigit) {
            let isSmallNumber = scalars.count <= 3 && scalars.allSatisfy(BoundaryScalars.isASCIIDigit)
            return isSmallNumber && atSentenceStart ? .listMarker : .ordinary
        }
        if token == "J.-C" {
            // Jésus-Christ after "av." / "apr." closes a date; otherwise Jean-Claude, an initial.
            let before = previousWord()
            let isEra = ["av.", "apr.", "avant", "après", "Av.", "Apr."].contains(before)
            return isEra ? .closing : .initial
        }
        if token == "ex" || token == "Ex" {
            // "p. ex." / "par ex." introduce an example; "mon ex." is a person.
            return ["p.", "par", "Par", "P."].contains(previousWord()) ? .prefix : .wordlikePrefix
        }
        if let kind = PeriodAbbreviations.kind(of: token) { return role(kind) }
        if let apostrophe = scalars.lastIndex(where: { $0 == "'" || $0 == "\u{2019}" }) {
            let rest = String(scalars[scalars.index(after: apostrophe)...])
            // "l'art. 49.3" but also "l'art. Le musée"; "l'arr. de Lille", "d'env. 30 km".
            if let kind = PeriodAbbreviations.kind(of: rest) { return kind == .prefix ? .wordlikePrefix : role(kind) }
        }
        if scalars.count == 1 {
            if BoundaryScalars.isUppercase(first) { return .initial }
            if BoundaryScalars.isLetter(first) { return atSentenceStart ? .listMarker : .ordinary }
            return .ordinary
        }
        if atSentenceStart, scalars.count <= 7, scalars.allSatisfy(BoundaryScalars.isRomanDigit) {
            return .listMarker
        }
        if let dotted = dottedRole(scalars) { return dotted }
        if scalars.allSatisfy(BoundaryScalars.isLetter), !scalars.contains(where: BoundaryScalars.isVowel) {
            // No vowel: an abbreviation (bd, qqch, SNCF), not a French word.
            return .closing
        }
        return .ordinary
    }

    private static func role(_ kind: PeriodAbbreviationKind) -> PeriodRole {
        switch kind {
        case .prefix: .prefix
        case .closing: .closing
        case .wordlikePrefix: .wordlikePrefix
        }
    }

    /// Dotted letter groups: "P.A", "U.S.A", "J.-P" (initials) or "Ph.D", "LL.AA.II.RR" (abbreviations).
    private static func dottedRole(_ scalars: String.UnicodeScalarView) -> PeriodRole? {
        var segments = 0
        var allSingleCapitals = true
        var segmentLength = 0
        var segmentIsCapital = true
        var previous: Unicode.Scalar = " "
        for s in scalars {
            if s == "." {
                guard segmentLength > 0 else { return nil }
                segments += 1
                allSingleCapitals = allSingleCapitals && segmentLength == 1 && segmentIsCapital
                segmentLength = 0
                segmentIsCapital = true
            } else if s == "-" {
                // Only right after a period, as in "J.-P".
                guard previous == ".", segmentLength == 0 else { return nil }
            } else if BoundaryScalars.isLetter(s) {
                segmentLength += 1
                segmentIsCapital = segmentIsCapital && BoundaryScalars.isUppercase(s)
                guard segmentLength <= 3 else { return nil }
            } else {
                return nil
            }
            previous = s
        }
        guard segmentLength > 0, segments >= 1 else { return nil }
        allSingleCapitals = allSingleCapitals && segmentLength == 1 && segmentIsCapital
        return allSingleCapitals ? .initial : .closing
    }
}
