// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterNormalization
import EcouterSynthesis

/// Places the spoken pieces of one sentence in its audio, from the engine's word marks.
///
/// Each mark's text offset is taken back to the normalized sentence (``TokenAlignment``), giving
/// anchor points (text offset → sample) that never go backwards. A piece whose first word has a
/// mark starts there; one without (the engine said it inside another word, « un » in « d'un »,
/// or reported no event for it) starts between the points around it, in proportion to the text
/// between them. A piece ends where the next spoken piece starts; the last ends with the speech.
/// Pieces that say nothing (footnote calls, punctuation) get no word.
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

        // Anchor points (offset in the normalized sentence → sample), non-decreasing in both: the
        // first word starts with the sound, each later mark where the alignment puts it, the end
        // of the text with the end of the speech.
        let normalized = pieces.map(\.spoken).joined()
        let alignment = TokenAlignment(engine: engineText, normalized: normalized)
        let firstOffset = pieces[spoken[0]].spokenRange.lowerBound
        var points = [(offset: firstOffset, sample: speechStart)]
        for mark in wordMarks {
            guard let offset = alignment.normalizedOffset(mark.textOffset), let last = points.last, offset > last.offset else { continue }
            points.append((offset, min(max(mark.sample, last.sample), speechEnd)))
        }
        let textEnd = max(normalized.unicodeScalars.count, points[points.count - 1].offset + 1)
        points.append((textEnd, speechEnd))

        // A piece starts at the point on its first scalar, or between the points around it in
        // proportion to the text between them (a piece the engine said inside a word of its own,
        // as « un » in « d'un », or a mark that fell on its second word).
        var starts: [Int] = []
        starts.reserveCapacity(spoken.count)
        var segment = 0
        for index in spoken {
            let at = pieces[index].spokenRange.lowerBound
            while segment + 1 < points.count - 1, points[segment + 1].offset <= at { segment += 1 }
            let (a, b) = (points[segment], points[segment + 1])
            let span = max(1, b.offset - a.offset)
            let start = a.sample + (b.sample - a.sample) * min(max(at - a.offset, 0), span) / span
            starts.append(max(start, starts.last ?? speechStart))
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
