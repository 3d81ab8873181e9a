// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterNormalization
import EcouterSynthesis

/// Places the spoken pieces of one sentence in its audio, from the engine's word marks.
///
/// Each mark's text offset is taken back to the normalized sentence (``TokenAlignment``) and snapped
/// onto the piece that holds it; a piece's start is the earliest mark on it, kept monotonic. A
/// piece with no mark of its own (the engine merged it with a neighbour) gets a start shared out
/// between its anchored neighbours in proportion to its spoken length. A piece ends where the next
/// spoken piece starts; the last ends with the speech. Pieces that say nothing (footnote calls,
/// punctuation) get no word.
///
/// The sentence, and its first word, start where its sound does: eSpeak NG reports the first word
/// at the start of its audio, which often opens with a few to 50 ms of silence (the closure of a
/// "p" or "t"); the first sample louder than ``onsetLevel`` is where a listener hears it begin.
enum WordAnchoring {
    /// One spoken piece placed in the sentence's audio, in samples from the sentence's start.
    struct Word: Equatable {
        var piece: Int
        var start: Int
        var end: Int
    }

    /// Where the sentence's speech starts and ends in its samples, and its words.
    struct Placement: Equatable {
        var start: Int
        var end: Int
        var words: [Word]
    }

    /// About -54 dBFS: quieter samples at the start of a sentence are its silent lead-in.
    static let onsetLevel: Int16 = 64

    /// The first sample of `samples` louder than ``onsetLevel``; nil when there is none.
    static func onset(_ samples: [Int16]) -> Int? {
        samples.firstIndex { $0 > onsetLevel || $0 < -onsetLevel }
    }

    /// True when a piece says a word (not only spaces and punctuation).
    static func speaks(_ piece: SpokenPiece) -> Bool {
        piece.spoken.unicodeScalars.contains { Tokenizer.isLetter($0) || Tokenizer.isDigit($0) }
    }

    /// - Parameters:
    ///   - pieces: the normalizer's pieces of the sentence (their spoken texts joined are the normalized sentence).
    ///   - engineText: what the engine was given for it (pronounced, or defused on a retry).
    ///   - marks: the engine's marks, as offsets in `engineText` and samples of the sentence.
    ///   - samples: the sentence's audio.
    static func place(pieces: [SpokenPiece], engineText: String, marks: [SpeechMark], samples: [Int16]) -> Placement {
        let sampleCount = samples.count
        let spoken = pieces.indices.filter { speaks(pieces[$0]) }
        let wordMarks = marks.filter { $0.kind == .word && $0.sample <= sampleCount }
        let speechStart = onset(samples) ?? min(wordMarks.first?.sample ?? 0, sampleCount)
        let speechEnd = sampleCount
        guard !spoken.isEmpty else { return Placement(start: speechStart, end: speechEnd, words: []) }

        // Earliest mark per spoken piece, walking pieces and marks together (both in text order).
        let alignment = TokenAlignment(engine: engineText, normalized: pieces.map(\.spoken).joined())
        var anchor: [Int?] = Array(repeating: nil, count: spoken.count)
        var slot = 0
        var latest = speechStart
        for mark in wordMarks {
            guard let offset = alignment.normalizedOffset(mark.textOffset) else { continue }
            while slot + 1 < spoken.count, pieces[spoken[slot + 1]].spokenRange.lowerBound <= offset { slot += 1 }
            let sample = max(mark.sample, latest)
            guard slot > 0 else { continue }  // the first word starts with the sound
            if anchor[slot] == nil { anchor[slot] = sample }
            latest = sample
        }
        anchor[0] = speechStart

        // Unanchored pieces: shared out between the anchors around them, by spoken length.
        var starts = Array(repeating: 0, count: spoken.count)
        var i = 0
        while i < spoken.count {
            guard let value = anchor[i] else { i += 1; continue }
            starts[i] = value
            var j = i + 1
            while j < spoken.count, anchor[j] == nil { j += 1 }
            let next = j < spoken.count ? max(anchor[j]!, value) : speechEnd
            if j > i + 1 {
                let lengths = (i..<j).map { pieces[spoken[$0]].spoken.unicodeScalars.count }
                let total = max(1, lengths.reduce(0, +))
                var sum = 0
                for k in (i + 1)..<j {
                    sum += lengths[k - 1 - i]
                    starts[k] = value + (next - value) * sum / total
                }
            }
            i = j
        }
        var words: [Word] = []
        words.reserveCapacity(spoken.count)
        for (k, piece) in spoken.enumerated() {
            let start = min(starts[k], speechEnd)
            let end = k + 1 < spoken.count ? min(max(starts[k + 1], start), speechEnd) : speechEnd
            words.append(Word(piece: piece, start: start, end: end))
        }
        return Placement(start: min(speechStart, words[0].start), end: speechEnd, words: words)
    }
}
