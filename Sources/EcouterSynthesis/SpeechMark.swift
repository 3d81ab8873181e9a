// SPDX-License-Identifier: GPL-3.0-or-later

/// A word or sentence boundary that eSpeak NG reported while speaking, placed in the text and the audio.
///
/// eSpeak NG's events give `text_position` (1-based Unicode scalars of its input, markup included)
/// and `audio_position` (milliseconds from the start of that `espeak_Synth` call). A mark keeps the
/// position 0-based, in scalars of the text the caller passed (before ``EngineText`` spaced it), and
/// the time as a sample offset into the samples of the same call. The event's `length` is capped at
/// 31 and unreliable, so it is not kept; an elided or hyphenated word ("l'État", "peut-être")
/// reports one position, that of its first part.
public struct SpeechMark: Sendable, Equatable, Hashable {
    public enum Kind: Sendable, Equatable, Hashable {
        /// A word starts (`espeakEVENT_WORD`).
        case word
        /// A sentence starts (`espeakEVENT_SENTENCE`).
        case sentence
        /// A sentence or clause ends (`espeakEVENT_END`).
        case end
    }

    public var kind: Kind
    /// 0-based Unicode scalar offset in the spoken text.
    public var textOffset: Int
    /// Offset in samples from the start of the utterance's audio.
    public var sample: Int

    public init(kind: Kind, textOffset: Int, sample: Int) {
        self.kind = kind
        self.textOffset = textOffset
        self.sample = sample
    }
}

/// What one utterance gave: its samples and the marks eSpeak NG reported in it.
public struct SpeechOutput: Sendable, Equatable {
    /// 16-bit mono PCM at the engine's sample rate.
    public var samples: [Int16]
    /// In the order eSpeak NG reported them (sample offsets do not decrease).
    public var marks: [SpeechMark]

    public init(samples: [Int16], marks: [SpeechMark]) {
        self.samples = samples
        self.marks = marks
    }
}
