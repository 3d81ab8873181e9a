// SPDX-License-Identifier: GPL-3.0-or-later

/// Writes RIFF/WAVE PCM, 16-bit little-endian mono, as samples arrive.
///
/// The header is written first with the sizes unknown. On a seekable output the sizes are patched by
/// ``finish()``; on a pipe (`-o -`) they stay at the "streaming" value 0xFFFFFFFF, which players read
/// as "until the end of the stream". RIFF sizes are 32-bit: audio that would pass 4 GiB is refused
/// with ``AudioError/Code/tooLarge`` before a byte of it is written.
public final class WAVWriter: AudioSink {
    public let sampleRate: Int
    public private(set) var samplesWritten: Int = 0
    private let output: AudioOutput
    private let seekable: Bool
    private var finished = false
    private let dataByteLimit: Int

    /// The size of the canonical 44-byte PCM header.
    public static let headerSize = 44
    /// The largest data chunk RIFF can describe: the 32-bit RIFF size counts 36 header bytes too.
    public static let maximumDataBytes = Int(UInt32.max) - (headerSize - 8)

    /// Starts a WAV stream on `output` and writes its header.
    public convenience init(output: AudioOutput, sampleRate: Int) throws(AudioError) {
        try self.init(output: output, sampleRate: sampleRate, dataByteLimit: Self.maximumDataBytes)
    }

    /// As ``init(output:sampleRate:)`` with a smaller data limit, so tests can reach it.
    package init(output: AudioOutput, sampleRate: Int, dataByteLimit: Int) throws(AudioError) {
        self.dataByteLimit = min(dataByteLimit, Self.maximumDataBytes)
        self.output = output
        self.sampleRate = sampleRate
        self.seekable = output.isSeekable
        let unknown = UInt32.max
        try output.write(Self.header(sampleRate: sampleRate, dataBytes: unknown, riffBytes: unknown))
    }

    public func write(_ samples: UnsafeBufferPointer<Int16>) throws(AudioError) {
        guard !finished else { throw AudioError(.finished, "WAV writer used after finish") }
        let newBytes = (samplesWritten + samples.count) * 2
        guard newBytes <= dataByteLimit else {
            throw AudioError(.tooLarge, "the audio would pass WAV's 4 GiB limit; write MP3 instead (-o FILE.mp3)")
        }
        #if _endian(little)
        try output.write(UnsafeRawBufferPointer(samples))
        #else
        var le: [UInt8] = []
        le.reserveCapacity(samples.count * 2)
        for s in samples { le.append(UInt8(truncatingIfNeeded: s)); le.append(UInt8(truncatingIfNeeded: s >> 8)) }
        try output.write(le)
        #endif
        samplesWritten += samples.count
    }

    public func finish() throws(AudioError) {
        guard !finished else { throw AudioError(.finished, "WAV writer finished twice") }
        finished = true
        try output.flush()
        guard seekable else { return }
        let data = UInt32(samplesWritten * 2)
        try output.overwrite(Self.header(sampleRate: sampleRate, dataBytes: data, riffBytes: data + 36), at: 0)
    }

    /// The 44-byte canonical header for 16-bit mono PCM.
    static func header(sampleRate: Int, dataBytes: UInt32, riffBytes: UInt32) -> [UInt8] {
        var h: [UInt8] = []
        h.reserveCapacity(headerSize)
        func ascii(_ s: String) { h.append(contentsOf: s.utf8) }
        func u32(_ v: UInt32) { for i in 0..<4 { h.append(UInt8(truncatingIfNeeded: v >> (8 * UInt32(i)))) } }
        func u16(_ v: UInt16) { h.append(UInt8(truncatingIfNeeded: v)); h.append(UInt8(truncatingIfNeeded: v >> 8)) }
        let channels: UInt16 = 1, bits: UInt16 = 16
        ascii("RIFF"); u32(riffBytes); ascii("WAVE")
        ascii("fmt "); u32(16); u16(1); u16(channels); u32(UInt32(sampleRate))
        u32(UInt32(sampleRate) * UInt32(channels) * UInt32(bits / 8)); u16(channels * bits / 8); u16(bits)
        ascii("data"); u32(dataBytes)
        return h
    }
}
