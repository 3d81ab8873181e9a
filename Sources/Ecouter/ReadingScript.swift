// SPDX-License-Identifier: GPL-3.0-or-later

/// One thing the engine says, then the silence we put after it.
struct Utterance: Sendable, Equatable {
    /// Normalized text, ready for eSpeak NG (may hold `[[phonemes]]` from a lexicon).
    var spoken: String
    /// The sentence as written.
    var written: String
    /// Milliseconds of silence after it; 0 after the very last one.
    var pauseAfter: Int
    /// How many characters of the article are read once this utterance is done (for progress).
    var charactersDone: Int
    /// Which unit of the article it belongs to: 0 the title (if any), then one per block. Where
    /// the block changes, an article can be split between speakers (``ParallelSpeech``).
    var unit: Int
    /// Where the sentence stands in the article and what each piece of it said; only when the
    /// script records sources (for timings).
    var source: SentenceSource?

    /// True when the engine would say words: a letter or a digit, or lexicon phonemes (`[[…]]`).
    var saysSomething: Bool {
        spoken.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil } || spoken.contains("[[")
    }
}

/// Where one sentence is written in the article text (``Article/plainText``) and how it was read.
struct SentenceSource: Sendable, Equatable {
    /// Offsets of the sentence's first scalar in the article text, in scalars and UTF-16 units.
    var scalarOffset: Int
    var utf16Offset: Int
    /// The normalizer's pieces; their spoken texts joined are the normalized sentence.
    var pieces: [SpokenPiece]
}

/// An article laid out as utterances and pauses, produced lazily block by block so that memory
/// follows one block, not the whole article.
///
/// Pauses: the title is followed by the preset's title pause; a heading by the heading pause; a
/// paragraph, quote or list item ends with the paragraph pause (a list item with the heading pause,
/// shorter); sentences within a block are separated by the sentence pause.
struct ReadingScript: Sequence {
    let article: Article
    let normalizer: FrenchNormalizer
    let pauses: VoicePreset.Pauses
    /// When true each utterance carries its ``SentenceSource`` (normalized through pieces, which
    /// give the same spoken text).
    var recordsSources = false

    /// Characters of text in the article, the denominator of progress.
    var totalCharacters: Int {
        (article.title?.count ?? 0) + article.blocks.reduce(0) { $0 + $1.text.count }
    }

    func makeIterator() -> Iterator { Iterator(script: self) }

    struct Iterator: IteratorProtocol {
        private let script: ReadingScript
        /// -1 is the title, then block indices.
        private var unit = -1
        private var pending: [Utterance] = []
        private var pendingIndex = 0
        private var charactersBefore = 0
        /// Where the next unit starts in the article text (units are joined by a blank line).
        private var unitScalarOffset = 0
        private var unitUTF16Offset = 0
        /// Held back one step, so the last utterance of the article gets no trailing pause.
        private var lookahead: Utterance?

        init(script: ReadingScript) {
            self.script = script
            lookahead = fetch()
        }

        mutating func next() -> Utterance? {
            guard var current = lookahead else { return nil }
            lookahead = fetch()
            if lookahead == nil { current.pauseAfter = 0 }
            return current
        }

        private mutating func fetch() -> Utterance? {
            while pendingIndex >= pending.count {
                guard let (text, endPause) = nextUnit() else { return nil }
                pending = utterances(of: text, endPause: endPause)
                pendingIndex = 0
            }
            defer { pendingIndex += 1 }
            return pending[pendingIndex]
        }

        /// The next non-empty unit of text and the pause that ends it.
        private mutating func nextUnit() -> (String, Int)? {
            let pauses = script.pauses
            while true {
                defer { unit += 1 }
                if unit == -1 {
                    if let title = script.article.title { return (title, pauses.title) }
                    continue
                }
                guard unit < script.article.blocks.count else { return nil }
                switch script.article.blocks[unit] {
                case .heading(let text): return (text, pauses.heading)
                case .listItem(let text): return (text, pauses.heading)
                case .paragraph(let text), .quote(let text): return (text, pauses.paragraph)
                }
            }
        }

        private mutating func utterances(of text: String, endPause: Int) -> [Utterance] {
            defer {
                unitScalarOffset += text.unicodeScalars.count + 2
                unitUTF16Offset += text.utf16.count + 2
            }
            if script.recordsSources { return sourcedUtterances(of: text, endPause: endPause) }
            let sentences = script.normalizer.sentences(in: text).filter { !$0.spoken.allSatisfy(\.isWhitespace) }
            var result: [Utterance] = []
            result.reserveCapacity(sentences.count)
            for (i, sentence) in sentences.enumerated() {
                let done = charactersBefore + text.distance(from: text.startIndex, to: sentence.range.upperBound)
                let pause = i == sentences.count - 1 ? endPause : script.pauses.sentence
                let spoken = script.normalizer.pronounce(sentence.spoken)
                result.append(Utterance(spoken: spoken, written: sentence.written, pauseAfter: pause, charactersDone: done, unit: unit))
            }
            charactersBefore += text.count
            return result
        }

        /// The same utterances, normalized piece by piece, each with its place in the article text.
        private mutating func sourcedUtterances(of text: String, endPause: Int) -> [Utterance] {
            var sentences: [(range: Range<String.Index>, pieces: [SpokenPiece], spoken: String)] = []
            for range in SentenceSegmenter().sentenceRanges(in: text) {
                let pieces = script.normalizer.pieces(of: String(text[range]))
                let spoken = pieces.map(\.spoken).joined()
                if !spoken.allSatisfy(\.isWhitespace) { sentences.append((range, pieces, spoken)) }
            }
            var result: [Utterance] = []
            result.reserveCapacity(sentences.count)
            // Offsets are counted on from the previous sentence: linear in the unit's length.
            var index = text.startIndex
            var scalarOffset = unitScalarOffset
            var utf16Offset = unitUTF16Offset
            for (i, sentence) in sentences.enumerated() {
                scalarOffset += text.unicodeScalars.distance(from: index, to: sentence.range.lowerBound)
                utf16Offset += text.utf16.distance(from: index, to: sentence.range.lowerBound)
                index = sentence.range.lowerBound
                let done = charactersBefore + text.distance(from: text.startIndex, to: sentence.range.upperBound)
                let pause = i == sentences.count - 1 ? endPause : script.pauses.sentence
                result.append(Utterance(
                    spoken: script.normalizer.pronounce(sentence.spoken), written: String(text[sentence.range]),
                    pauseAfter: pause, charactersDone: done, unit: unit,
                    source: SentenceSource(scalarOffset: scalarOffset, utf16Offset: utf16Offset, pieces: sentence.pieces)))
            }
            charactersBefore += text.count
            return result
        }
    }
}
