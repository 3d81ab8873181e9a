// SPDX-License-Identifier: GPL-3.0-or-later

/// Last changes to spoken text before it reaches eSpeak NG, for inputs that crash libespeak-ng 1.51.
///
/// - eSpeak NG spells a run of single letters each followed by a period ("U.S.A.") letter by
///   letter into one fixed-size word buffer, without a bound: about 45 such letters in a row
///   ("中.中.…", "U.S.A.U.S.A.…") smash its stack and abort the process. A space after every
///   ``maximumDottedLetters``-th dotted letter keeps each run short; real abbreviations have a few.
/// - A phoneme word (`[[…]]`, from a lexicon) longer than about 300 mnemonics makes it crash
///   (SIGSEGV). Phoneme words longer than ``maximumPhonemeWord`` are cut with a space.
package enum EngineText {
    /// The longest run of dotted single letters handed to eSpeak NG in one piece.
    package static let maximumDottedLetters = 12
    /// The longest run of non-space scalars inside `[[…]]` handed to eSpeak NG in one piece.
    package static let maximumPhonemeWord = 100

    /// `spoken` with a space inserted in overlong dotted-letter runs and overlong phoneme words.
    /// One pass over the scalars.
    package static func guarded(_ spoken: String) -> String {
        // Quick exit for the common case: a dotted run needs that many periods, a phoneme word "[[".
        var periods = 0
        var brackets = 0
        for byte in spoken.utf8 {
            if byte == 0x2E { periods += 1 } else if byte == 0x5B { brackets += 1 }
        }
        guard periods >= maximumDottedLetters || brackets >= 2 else { return spoken }

        var out = String.UnicodeScalarView()
        var run = 0                 // dotted single letters in a row so far
        var letterStartsRun = false // the previous scalar is a letter right after a period or a word start
        var previous: Unicode.Scalar = " "
        var inPhonemes = false
        var phonemeWord = 0         // non-space scalars in a row inside [[…]]
        for scalar in spoken.unicodeScalars {
            if inPhonemes {
                if scalar.properties.isWhitespace {
                    phonemeWord = 0
                } else if phonemeWord >= maximumPhonemeWord, scalar != "]" {
                    out.append(" ")  // never between the two brackets that close
                    phonemeWord = 0
                }
                phonemeWord += scalar.properties.isWhitespace ? 0 : 1
                out.append(scalar)
                if previous == "]", scalar == "]" { inPhonemes = false }
                previous = scalar
                continue
            }
            out.append(scalar)
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format:
                // Transparent, as for eSpeak NG: "e\u{301}." is one dotted letter, and a soft
                // hyphen between "a." and "a." does not end the run.
                continue
            default: break
            }
            defer { previous = scalar }
            if previous == "[", scalar == "[" { inPhonemes = true; phonemeWord = 0; run = 0; letterStartsRun = false; continue }
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

    /// Moves mark offsets in `spoken` (``guarded(_:)``'s result) back to offsets in `original`,
    /// which has the same scalars without the inserted spaces. One pass over both.
    package static func mapOffsets(_ marks: inout [SpeechMark], spoken: String, original: String) {
        // For each scalar offset of `spoken`, the offset of the same scalar in `original`.
        var back: [Int] = []
        back.reserveCapacity(spoken.unicodeScalars.count + 1)
        var o = original.unicodeScalars.makeIterator()
        var next = o.next()
        var position = 0
        for scalar in spoken.unicodeScalars {
            back.append(position)
            if scalar == next {
                next = o.next()
                position += 1
            }
        }
        back.append(position)
        for i in marks.indices {
            marks[i].textOffset = back[min(marks[i].textOffset, back.count - 1)]
        }
    }
}
