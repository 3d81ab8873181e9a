// SPDX-License-Identifier: GPL-3.0-or-later

extension Timings {
    /// The timings as a WebVTT file: one cue per sentence, its written text with a `<hh:mm:ss.mmm>`
    /// timestamp before each word after the first (karaoke-style cue timestamps).
    ///
    /// Cues are numbered from 1. Cue text is on one line: line breaks inside a sentence become
    /// spaces, and `&`, `<`, `>` are escaped, so no cue holds an empty line or a `-->`. A word
    /// timestamp that would not fall strictly between the cue's start, the previous timestamp and
    /// the cue's end (as WebVTT requires) is left out; the word is still in the text.
    public func webVTT() -> String {
        let scalars = Array(text.unicodeScalars)
        var out = "WEBVTT\n"
        for (number, sentence) in sentences.enumerated() {
            guard sentence.scalars.count == 2 else { continue }
            let from = max(0, min(sentence.scalars[0], scalars.count))
            let to = max(from, min(sentence.scalars[1], scalars.count))
            let end = max(sentence.end, sentence.start)
            var cue = ""
            var cursor = from
            var last = sentence.start
            for (index, word) in sentence.words.enumerated() where index > 0 && word.scalars.count == 2 {
                let at = word.scalars[0]
                guard at > cursor, at <= to, word.start > last, word.start < end else { continue }
                cue += Self.escaped(scalars[cursor..<at])
                cue += "<\(Self.timestamp(word.start))>"
                cursor = at
                last = word.start
            }
            cue += Self.escaped(scalars[cursor..<to])
            let line = Self.singleLine(cue)
            guard line.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else { continue }
            out += "\n\(number + 1)\n\(Self.timestamp(sentence.start)) --> \(Self.timestamp(end))\n\(line)\n"
        }
        return out
    }

    /// `hh:mm:ss.mmm` for a time in seconds (negative times count as 0).
    static func timestamp(_ seconds: Double) -> String {
        let total = max(0, Int((seconds * 1000).rounded()))
        let (ms, s, m, h) = (total % 1000, total / 1000 % 60, total / 60_000 % 60, total / 3_600_000)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let three = ms < 10 ? "00\(ms)" : ms < 100 ? "0\(ms)" : "\(ms)"
        return "\(two(h)):\(two(m)):\(two(s)).\(three)"
    }

    private static func escaped(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var out = ""
        for scalar in scalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Line breaks become spaces (a cue ends at its first empty line); other white space, such as
    /// the no-break spaces of French punctuation, is kept.
    private static func singleLine(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": out.append(" ")
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
