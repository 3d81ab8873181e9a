// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterNormalization
import Foundation

/// Builds an article's ``Timings`` as its audio is written, sentence by sentence and pause by pause.
///
/// Time is counted in samples written (the engine's marks are sample offsets inside each sentence,
/// the pauses are ours), so nothing drifts over a long article. Times are cut down to the
/// millisecond, never rounded up: a cue never starts after the sound it marks (rounding up put
/// hard onsets, a "p" burst, up to half a millisecond inside the silence check's window).
struct TimingsRecorder {
    let text: String
    let sampleRate: Int
    private var position = 0
    private var sentences: [SentenceTiming] = []

    init(text: String, sampleRate: Int) {
        self.text = text
        self.sampleRate = sampleRate
    }

    /// Records one spoken sentence starting at the current position, then moves past its samples.
    mutating func add(_ utterance: Utterance, _ spoken: SpokenSentence) {
        defer { position += spoken.samples.count }
        guard let source = utterance.source else { return }
        let words = Self.words(of: utterance.written, source: source, spoken: spoken)
        let written = Array(utterance.written.unicodeScalars)
        let utf16 = Self.utf16Offsets(written)
        var from = 0, to = written.count
        while from < to, written[from].properties.isWhitespace { from += 1 }
        while to > from, written[to - 1].properties.isWhitespace { to -= 1 }
        sentences.append(SentenceTiming(
            start: seconds(position + words.start), end: seconds(position + words.end),
            scalars: [source.scalarOffset + from, source.scalarOffset + to],
            utf16: [source.utf16Offset + utf16[from], source.utf16Offset + utf16[to]],
            words: words.words.map { word in
                WordTiming(
                    start: seconds(position + word.start), end: seconds(position + word.end),
                    written: word.written, spoken: word.spoken,
                    scalars: [source.scalarOffset + word.source.lowerBound, source.scalarOffset + word.source.upperBound],
                    utf16: [source.utf16Offset + utf16[word.source.lowerBound], source.utf16Offset + utf16[word.source.upperBound]])
            }))
    }

    /// Moves past silence we inserted.
    mutating func addSilence(_ count: Int) { position += count }

    /// The timings so far; `duration` is the audio's length in seconds.
    func timings() -> Timings {
        Timings(text: text, duration: (Double(position) * 1000 / Double(sampleRate)).rounded() / 1000, sentences: sentences)
    }

    /// Milliseconds, cut down, as seconds.
    private func seconds(_ samples: Int) -> Double {
        Double(samples * 1000 / sampleRate) / 1000
    }

    /// UTF-16 units before each scalar of `scalars`, and the total last.
    private static func utf16Offsets(_ scalars: [Unicode.Scalar]) -> [Int] {
        var offsets = [0]
        offsets.reserveCapacity(scalars.count + 1)
        for scalar in scalars { offsets.append(offsets[offsets.count - 1] + scalar.utf16.count) }
        return offsets
    }

    /// One sentence's words in samples from its start, with written spans in scalars of the sentence.
    struct SentenceWords {
        struct Word {
            var start: Int
            var end: Int
            var written: String
            var spoken: String
            var source: Range<Int>
        }
        var start: Int
        var end: Int
        var words: [Word]
    }

    /// The words of one sentence: its pieces placed by ``WordAnchoring``, spans trimmed of spaces.
    ///
    /// Pieces written with nothing between them but apostrophes or hyphens are one written word,
    /// as eSpeak NG says and marks them: "l'" and "État" are "l'État", "CO" and "2" are "CO2".
    static func words(of written: String, source: SentenceSource, spoken: SpokenSentence) -> SentenceWords {
        let placement = WordAnchoring.place(
            pieces: source.pieces, engineText: spoken.text, marks: spoken.marks, samples: spoken.samples)
        let scalars = Array(written.unicodeScalars)
        func trimmed(_ range: Range<Int>) -> Range<Int> {
            var from = min(range.lowerBound, scalars.count), to = min(range.upperBound, scalars.count)
            while from < to, scalars[from].properties.isWhitespace { from += 1 }
            while to > from, scalars[to - 1].properties.isWhitespace { to -= 1 }
            return from..<to
        }
        // Runs of placed words joined by nothing or by apostrophes and hyphens alone, as (first, last)
        // indices into placement.words.
        var groups: [(first: Int, last: Int)] = []
        for (k, word) in placement.words.enumerated() {
            if let previous = groups.last, previous.last == k - 1 {
                let before = trimmed(source.pieces[placement.words[k - 1].piece].source)
                let this = trimmed(source.pieces[word.piece].source)
                let between = scalars[min(before.upperBound, this.lowerBound)..<this.lowerBound]
                if between.allSatisfy(Self.joinsWords) {
                    groups[groups.count - 1].last = k
                    continue
                }
            }
            groups.append((k, k))
        }
        let words = groups.map { group in
            let first = placement.words[group.first], last = placement.words[group.last]
            let span = trimmed(source.pieces[first.piece].source.lowerBound..<source.pieces[last.piece].source.upperBound)
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars[span])
            let said = source.pieces[first.piece...last.piece].map(\.spoken).joined()
            return SentenceWords.Word(
                start: first.start, end: last.end, written: String(text),
                spoken: said.trimmingCharacters(in: .whitespacesAndNewlines), source: span)
        }
        return SentenceWords(start: placement.start, end: placement.end, words: words)
    }

    /// Apostrophes and hyphens (ASCII, typographic, non-breaking).
    private static func joinsWords(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "'", "\u{2019}", "\u{02BC}", "-", "\u{2010}", "\u{2011}": true
        default: false
        }
    }
}
