// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter

/// The text of an episode as HTML for `index.html`: its lines as paragraphs, each sentence a
/// `<span class="sentence">` carrying its times, so the page's script can follow the voice.
///
/// A sentence span holds its text as one escaped text node, so the DOM text inside it is exactly the
/// article's characters: the word ranges, in UTF-16 code units relative to the sentence (what a
/// JavaScript string and a DOM `Range` count), select the word without any markup per word.
/// `data-words` is `start end from to` per word, `;` between words. Without the script it is plain
/// readable text. Ranges the file gets wrong (out of bounds, overlapping, backwards) drop that
/// sentence's span or that word, never the page; everything is linear in the text's length.
enum TranscriptMarkup {
    /// The paragraphs of `timings.text` with its sentences marked.
    static func html(_ timings: Timings) -> String {
        let scalars = Array(timings.text.unicodeScalars)
        // utf16Offset[i]: UTF-16 code units before scalar i, so ranges can be checked and rebased.
        var utf16Offset = [Int](repeating: 0, count: scalars.count + 1)
        for (index, scalar) in scalars.enumerated() { utf16Offset[index + 1] = utf16Offset[index] + (scalar.value > 0xFFFF ? 2 : 1) }

        var writer = ParagraphWriter()
        var cursor = 0
        for sentence in timings.sentences {
            guard sentence.scalars.count == 2, let start = seconds(sentence.start), let end = seconds(sentence.end), sentence.end >= sentence.start else { continue }
            let from = sentence.scalars[0], to = sentence.scalars[1]
            guard cursor <= from, from < to, to <= scalars.count else { continue }
            writer.text(scalars[cursor..<from])
            let words = wordData(sentence.words, sentenceUTF16: utf16Offset[from]..<utf16Offset[to])
            writer.sentence(scalars[from..<to], attributes: "data-start=\"\(start)\" data-end=\"\(end)\"" + (words.isEmpty ? "" : " data-words=\"\(words)\""))
            cursor = to
        }
        writer.text(scalars[cursor...])
        return writer.finish()
    }

    /// `start end from to;…` for the words whose UTF-16 range lies inside the sentence, in order.
    private static func wordData(_ words: [WordTiming], sentenceUTF16 range: Range<Int>) -> String {
        var parts: [String] = []
        var lastEnd = 0
        for word in words {
            guard word.utf16.count == 2, let start = seconds(word.start), let end = seconds(word.end), word.end >= word.start else { continue }
            let from = word.utf16[0] - range.lowerBound, to = word.utf16[1] - range.lowerBound
            guard lastEnd <= from, from < to, to <= range.count else { continue }
            parts.append("\(start) \(end) \(from) \(to)")
            lastEnd = to
        }
        return parts.joined(separator: ";")
    }

    /// Seconds with three decimals (milliseconds), or nil for a negative or non-finite time.
    static func seconds(_ value: Double) -> String? {
        guard value.isFinite, value >= 0, value < 1e9 else { return nil }
        let milliseconds = Int((value * 1000).rounded())
        let fraction = String(milliseconds % 1000)
        return "\(milliseconds / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}

/// Paragraphs from text with line breaks: a `<p>` opens at the first character of a line and closes
/// at its end; blank lines make no empty paragraphs. A line break inside a sentence stays inside its
/// span (as white space), so a sentence is never split across paragraphs.
private struct ParagraphWriter {
    private var out = ""
    private var open = false

    mutating func text(_ scalars: ArraySlice<Unicode.Scalar>) {
        var run = String.UnicodeScalarView()
        for scalar in scalars {
            if scalar == "\n" {
                flush(&run)
                if open { out += "</p>\n"; open = false }
            } else {
                run.append(scalar)
            }
        }
        flush(&run)
    }

    mutating func sentence(_ scalars: ArraySlice<Unicode.Scalar>, attributes: String) {
        openParagraph()
        out += "<span class=\"sentence\" \(attributes)>\(escapeText(String(String.UnicodeScalarView(scalars))))</span>"
    }

    mutating func finish() -> String {
        if open { out += "</p>\n"; open = false }
        return out
    }

    private mutating func flush(_ run: inout String.UnicodeScalarView) {
        guard !run.isEmpty else { return }
        let text = String(run)
        run = String.UnicodeScalarView()
        // White space alone between two sentences of a line is kept; at a line's start it opens nothing.
        if !open, text.allSatisfy(\.isWhitespace) { return }
        openParagraph()
        out += escapeText(text)
    }

    private mutating func openParagraph() {
        if !open { out += "<p>"; open = true }
    }

    /// ``escapeMarkup(_:)``, and a carriage return as a character reference: the HTML parser turns a
    /// literal CR (and CR LF) into LF, which would shift every UTF-16 offset after it.
    /// Split by scalars, not characters: CR LF is one Swift `Character`.
    private func escapeText(_ text: String) -> String {
        text.unicodeScalars.split(separator: "\r", omittingEmptySubsequences: false)
            .map { escapeMarkup(String(String.UnicodeScalarView($0))) }
            .joined(separator: "&#13;")
    }
}
