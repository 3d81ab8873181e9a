// SPDX-License-Identifier: GPL-3.0-or-later

/// Last changes to spoken text before it reaches eSpeak NG, for inputs that crash libespeak-ng 1.51.
///
/// eSpeak NG spells a run of single letters each followed by a period ("U.S.A.") letter by letter
/// into one fixed-size word buffer, without a bound: about 45 such letters in a row ("中.中.…",
/// "U.S.A.U.S.A.…") smash its stack and abort the process. A space after every
/// ``maximumDottedLetters``-th dotted letter keeps each run short; real abbreviations have a few.
package enum EngineText {
    /// The longest run of dotted single letters handed to eSpeak NG in one piece.
    package static let maximumDottedLetters = 12

    /// `spoken` with a space inserted in overlong dotted-letter runs; `[[phonemes]]` are left alone.
    /// One pass over the scalars.
    package static func guarded(_ spoken: String) -> String {
        // Quick exit for the common case: a run needs that many periods.
        var periods = 0
        for byte in spoken.utf8 where byte == 0x2E { periods += 1 }
        guard periods >= maximumDottedLetters else { return spoken }

        var out = String.UnicodeScalarView()
        var run = 0                 // dotted single letters in a row so far
        var letterStartsRun = false // the previous scalar is a letter right after a period or a word start
        var previous: Unicode.Scalar = " "
        var inPhonemes = false
        for scalar in spoken.unicodeScalars {
            out.append(scalar)
            if inPhonemes {
                if previous == "]", scalar == "]" { inPhonemes = false }
                previous = scalar
                continue
            }
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format:
                // Transparent, as for eSpeak NG: "e\u{301}." is one dotted letter, and a soft
                // hyphen between "a." and "a." does not end the run.
                continue
            default: break
            }
            defer { previous = scalar }
            if previous == "[", scalar == "[" { inPhonemes = true; run = 0; letterStartsRun = false; continue }
            if scalar.properties.isAlphabetic {
                // A letter after another letter makes a word, not a spelled letter.
                letterStartsRun = !previous.properties.isAlphabetic && (previous == "." || run == 0)
                if !letterStartsRun { run = 0 }
            } else if scalar == ".", letterStartsRun {
                run += 1
                letterStartsRun = false
                if run >= maximumDottedLetters {
                    out.append(" ")
                    run = 0
                }
            } else {
                run = 0
                letterStartsRun = false
            }
        }
        return String(out)
    }
}
