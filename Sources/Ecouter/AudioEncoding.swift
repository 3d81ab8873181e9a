// SPDX-License-Identifier: GPL-3.0-or-later

/// The audio file format to write.
public enum AudioEncoding: Sendable, Equatable {
    /// RIFF WAVE, 16-bit PCM mono at the engine's rate (22050 Hz).
    case wav
    /// MP3 through LAME, mono, constant bit rate, with an ID3v2 tag.
    case mp3(bitrateKbps: Int, tags: AudioTags)
    /// Ogg Opus through libopusenc, mono (24 kb/s by default).
    case opus(bitrateKbps: Int)

    /// MP3 at 48 kb/s, enough for speech.
    public static let defaultMP3 = AudioEncoding.mp3(bitrateKbps: 48, tags: AudioTags())

    /// The encoding a file name asks for: `.mp3` → MP3, `.opus` → Ogg Opus, anything else → WAV.
    public static func forPath(_ path: String) -> AudioEncoding {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".opus") { return .opus(bitrateKbps: OpusWriter.defaultBitrateKbps) }
        return lowered.hasSuffix(".mp3") ? .defaultMP3 : .wav
    }

    /// The sink that writes this encoding to `output`. MP3 and Opus encode on a thread of their
    /// own (``EncodingThread``), beside synthesis; WAV only copies bytes and stays on the caller's.
    func makeSink(output: AudioOutput, sampleRate: Int) throws(AudioError) -> any AudioSink {
        switch self {
        case .wav: return try WAVWriter(output: output, sampleRate: sampleRate)
        case .mp3(let bitrate, let tags):
            return EncodingThread(encoding: try MP3Writer(output: output, sampleRate: sampleRate, bitrateKbps: bitrate, tags: tags))
        case .opus(let bitrate):
            return EncodingThread(encoding: try OpusWriter(output: output, sampleRate: sampleRate, bitrateKbps: bitrate))
        }
    }
}

/// What was written.
public struct AudioSummary: Sendable, Equatable {
    /// Length of the audio in seconds.
    public var duration: Double
    /// Size of the file (or stream) in bytes.
    public var bytes: Int
    /// Samples of audio written, pauses included.
    public var sampleCount: Int
    /// Sentences spoken.
    public var sentences: Int
    /// One line for each sentence the speech engine crashed on (then read spelled out, or as
    /// silence); empty when all went well. Only isolated synthesis survives such crashes.
    public var warnings: [String]
    /// When each sentence and word is heard, when timings were asked for; nil otherwise.
    public var timings: Timings?

    public init(duration: Double, bytes: Int, sampleCount: Int, sentences: Int, warnings: [String] = [], timings: Timings? = nil) {
        self.warnings = warnings
        self.timings = timings
        self.duration = duration
        self.bytes = bytes
        self.sampleCount = sampleCount
        self.sentences = sentences
    }
}

/// How far a reading has got, reported as it goes.
public struct ReadingProgress: Sendable, Equatable {
    /// Characters of the article read so far, and in all.
    public var charactersDone: Int
    public var charactersTotal: Int
    /// Seconds of audio produced so far.
    public var audioSeconds: Double

    /// Between 0 and 1.
    public var fraction: Double { charactersTotal == 0 ? 1 : min(1, Double(charactersDone) / Double(charactersTotal)) }
}
