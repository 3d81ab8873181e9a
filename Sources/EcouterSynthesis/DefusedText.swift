// SPDX-License-Identifier: GPL-3.0-or-later

/// A plainer spelling of a sentence that crashed libespeak-ng, for the one retry it gets.
///
/// The crashes known in libespeak-ng 1.51 come from what sits between letters (periods after single
/// letters, runs of punctuation, `[[phoneme]]` words, very long words), not from the letters
/// themselves. The defused form keeps only letters and digits, turns every run of anything else
/// into one space (so "U.S.A." is spelled "U S A", letter by letter), and cuts words longer than
/// ``maximumWord`` scalars. It reads worse than the original but says the same words.
package enum DefusedText {
    /// The longest run of letters and digits kept in one word.
    package static let maximumWord = 24

    /// `text` with letters and digits only, separated by single spaces. One pass over the scalars.
    package static func make(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var word = 0
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if properties.generalCategory == .nonspacingMark, word > 0, !pendingSpace {
                out.append(scalar)  // an accent stays on its letter ("e\u{301}")
                continue
            }
            let kept = properties.isAlphabetic || properties.numericType != nil
            guard kept else {
                pendingSpace = true
                continue
            }
            if word >= maximumWord { pendingSpace = true }
            if pendingSpace {
                if !out.isEmpty { out.append(" ") }
                pendingSpace = false
                word = 0
            }
            out.append(scalar)
            word += 1
        }
        return String(out)
    }
}
