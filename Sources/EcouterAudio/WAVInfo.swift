// SPDX-License-Identifier: GPL-3.0-or-later

/// The format and samples of a PCM WAV file, read back from its bytes.
///
/// Walks the RIFF chunks (so extra chunks before `data` are fine) and checks that the declared
/// sizes agree with the bytes present, which is what a truncated or half-written file gets wrong.
public struct WAVInfo: Sendable, Equatable {
    public var sampleRate: Int
    public var channels: Int
    public var bitsPerSample: Int
    /// The size the RIFF header declares (file size − 8), or `UInt32.max` for a stream.
    public var declaredRIFFSize: UInt32
    /// The size the `data` chunk declares, or `UInt32.max` for a stream.
    public var declaredDataSize: UInt32
    /// The samples (16-bit) present in the file.
    public var samples: [Int16]

    /// True when the header says "length unknown" (written to a pipe).
    public var isStreamingHeader: Bool { declaredDataSize == UInt32.max }
    /// Seconds of audio present (all channels' samples count once per frame).
    public var duration: Double { Double(samples.count / channels) / Double(sampleRate) }

    /// Parses `bytes`. Throws ``AudioError/Code/io`` naming what is wrong with a malformed file.
    public init(parsing bytes: [UInt8]) throws(AudioError) {
        func bad(_ why: String) -> AudioError { AudioError(.io, "not a valid WAV file: \(why)") }
        func u32(_ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(bytes[at + $1]) << (8 * UInt32($1)) } }
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        guard bytes.count >= 12, bytes[0..<4].elementsEqual("RIFF".utf8), bytes[8..<12].elementsEqual("WAVE".utf8) else {
            throw bad("no RIFF/WAVE header")
        }
        declaredRIFFSize = u32(4)
        var offset = 12
        var format: (rate: Int, channels: Int, bits: Int)?
        while offset + 8 <= bytes.count {
            let id = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
            let size = u32(offset + 4)
            let body = offset + 8
            if id == "fmt " {
                guard size >= 16, body + 16 <= bytes.count else { throw bad("short fmt chunk") }
                guard u16(body) == 1 else { throw bad("not PCM") }
                format = (Int(u32(body + 4)), u16(body + 2), u16(body + 14))
                // A rate or channel count of 0 would give an infinite duration ("inf s").
                guard format?.rate ?? 0 > 0 else { throw bad("a sample rate of 0 Hz") }
                guard format?.channels ?? 0 > 0 else { throw bad("0 channels") }
            } else if id == "data" {
                guard let format else { throw bad("data before fmt") }
                guard format.bits == 16 else { throw bad("\(format.bits)-bit samples are not supported") }
                let available = bytes.count - body
                let count = size == UInt32.max ? available : Int(size)
                guard count <= available else { throw bad("data chunk declares \(count) bytes, \(available) present") }
                sampleRate = format.rate
                channels = format.channels
                bitsPerSample = format.bits
                declaredDataSize = size
                var samples = [Int16](repeating: 0, count: count / 2)
                for i in 0..<samples.count {
                    samples[i] = Int16(bitPattern: UInt16(bytes[body + 2 * i]) | UInt16(bytes[body + 2 * i + 1]) << 8)
                }
                self.samples = samples
                return
            }
            offset = body + Int(size) + Int(size & 1)
        }
        throw bad("no data chunk")
    }
}
