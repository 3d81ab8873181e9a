// SPDX-License-Identifier: GPL-3.0-or-later
// Contract only: the feed work (issue 5) writes the LAME encoder behind it.
import CLame

/// Encodes PCM to MP3 (mono, constant bit rate) through LAME, with an ID3v2 tag first.
public final class MP3Writer: AudioSink {
    public let sampleRate: Int
    public private(set) var samplesWritten: Int = 0

    /// Opens an encoder writing to `output`. `bitrateKbps` e.g. 48 for speech.
    public init(output: AudioOutput, sampleRate: Int, bitrateKbps: Int = 48, tags: AudioTags = AudioTags()) throws(AudioError) {
        self.sampleRate = sampleRate
        throw AudioError(.encoder, "MP3 output is not built yet")
    }

    public func write(_ samples: UnsafeBufferPointer<Int16>) throws(AudioError) {}
    public func finish() throws(AudioError) {}
}
