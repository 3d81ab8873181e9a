// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterSynthesis

/// A piece of an article's audio: one spoken sentence, or the pause after it.
public struct AudioChunk: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A sentence: its written form and what was said for it.
        case speech(written: String, spoken: String)
        /// Silence we inserted between sentences, paragraphs, headings.
        case pause
    }
    public var kind: Kind
    /// 16-bit mono PCM at ``sampleRate``.
    public var samples: [Int16]
    public var sampleRate: Int
    /// For a sentence, when each of its written words is heard, in seconds from the chunk's start;
    /// empty for a pause.
    public var marks: [WordMark] = []
    /// Length in seconds.
    public var duration: Double { Double(samples.count) / Double(sampleRate) }
}

/// One written word of a sentence chunk and when it is heard (see ``Timings`` for a whole article).
public struct WordMark: Sendable, Equatable {
    /// Seconds from the start of the chunk where the word's first spoken word begins.
    public var start: Double
    /// Seconds where the next word begins, or where the sentence ends.
    public var end: Double
    /// The word as written ("14h30").
    public var written: String
    /// What was said for it ("quatorze heures trente").
    public var spoken: String
    /// Unicode scalar offsets of ``written`` in the chunk's written sentence, half-open.
    public var source: Range<Int>

    public init(start: Double, end: Double, written: String, spoken: String, source: Range<Int>) {
        self.start = start
        self.end = end
        self.written = written
        self.spoken = spoken
        self.source = source
    }
}

/// An article's audio, chunk by chunk, synthesized as it is pulled.
///
/// Each `next()` synthesizes at most one sentence, so memory follows one sentence (sentences are
/// capped in length by the segmenter) and a consumer that stops early stops synthesis.
public struct AudioChunks: AsyncSequence, Sendable {
    public typealias Element = AudioChunk
    let script: ReadingScript
    let voice: VoiceParameters
    let speaker: SentenceSpeaker

    public func makeAsyncIterator() -> Iterator { Iterator(script: script, voice: voice, speaker: speaker) }

    public struct Iterator: AsyncIteratorProtocol {
        private var utterances: ReadingScript.Iterator
        private var pendingPause = 0
        private let voice: VoiceParameters
        private let speaker: SentenceSpeaker

        init(script: ReadingScript, voice: VoiceParameters, speaker: SentenceSpeaker) {
            var script = script
            script.recordsSources = true
            self.utterances = script.makeIterator()
            self.voice = voice
            self.speaker = speaker
        }

        /// The next pause or sentence; nil at the end. Throws `.cancelled` when the task is cancelled.
        public mutating func next() async throws(EcouterError) -> AudioChunk? {
            let sampleRate = try await speaker.sampleRate()
            if pendingPause > 0 {
                let count = sampleRate * pendingPause / 1000
                pendingPause = 0
                return AudioChunk(kind: .pause, samples: Array(repeating: 0, count: count), sampleRate: sampleRate)
            }
            guard let utterance = utterances.next() else { return nil }
            let spoken = try await speaker.speak(utterance.spoken, voice: voice)
            pendingPause = utterance.pauseAfter
            var marks: [WordMark] = []
            if let source = utterance.source {
                let rate = Double(sampleRate)
                marks = TimingsRecorder.words(of: utterance.written, source: source, spoken: spoken).words.map {
                    WordMark(start: Double($0.start) / rate, end: Double($0.end) / rate, written: $0.written, spoken: $0.spoken, source: $0.source)
                }
            }
            return AudioChunk(
                kind: .speech(written: utterance.written, spoken: utterance.spoken), samples: spoken.samples,
                sampleRate: sampleRate, marks: marks)
        }
    }
}
