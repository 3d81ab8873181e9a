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
    /// Length in seconds.
    public var duration: Double { Double(samples.count) / Double(sampleRate) }
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
            return AudioChunk(kind: .speech(written: utterance.written, spoken: utterance.spoken), samples: spoken.samples, sampleRate: sampleRate)
        }
    }
}
