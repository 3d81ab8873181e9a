// SPDX-License-Identifier: GPL-3.0-or-later
import CLame

/// Encodes PCM to MP3 (mono, constant bit rate, LAME quality 7) through LAME, with an ID3v2.3 tag first.
///
/// The tag is written before any audio. When the output is a regular file, LAME's first frame is a
/// placeholder that ``finish()`` replaces with the LAME/Xing "Info" frame (`lame_get_lametag_frame`),
/// so players know the exact frame count, encoder delay and padding: durations come out exact.
/// On a pipe the info frame is left out.
///
/// The info frame needs 169 bytes in a mono MPEG-2 frame; at 48 kb/s a 22 050 Hz frame holds only
/// 156, and LAME then silently drops the frame. So the MP3 rate is the highest one, not above the
/// input's, where a frame at the chosen bit rate holds the info frame: 16 000 Hz for 48 kb/s (still
/// wideband speech, and more bits per hertz), 22 050 Hz from 64 kb/s up. See ``outputSampleRate(input:bitrateKbps:)``.
///
/// The rate change is ours (``SincResampler``), not LAME's: LAME is handed PCM at the MP3's rate.
/// Its own resampler cost 40 % of the encoding (measured with `perf` and `lame --resample`).
public final class MP3Writer: AudioSink {
    /// The rate of the PCM handed to ``write(_:)``.
    public let sampleRate: Int
    /// The rate stored in the MP3 frames (resampled to it when it differs from ``sampleRate``).
    public let encodedSampleRate: Int
    /// Samples handed to ``write(_:)`` so far (at ``sampleRate``).
    public private(set) var samplesWritten: Int = 0

    private let output: AudioOutput
    private let lame: OpaquePointer
    /// Where LAME's placeholder info frame starts, when the output is seekable.
    private let infoFrameOffset: Int?
    private var encoded: [UInt8] = []
    /// Converts the input to ``encodedSampleRate`` when they differ; `resampled` is its output.
    private var resampler: SincResampler?
    private var resampled: [Int16] = []
    private var isFinished = false

    /// Samples handed to LAME per call, so the output buffer stays small.
    private static let chunk = 8192
    /// Sample rates an MP3 frame can carry (MPEG-1, 2 and 2.5).
    private static let mpegRates = [48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000]

    /// The highest MP3 rate not above `input` whose frames at `bitrateKbps` can hold LAME's info frame.
    ///
    /// A frame holds `144000 × kb/s ÷ rate` bytes in MPEG-1 (rates ≥ 32 kHz), half that in MPEG-2/2.5;
    /// the info frame needs 156 bytes after the header and mono side information (4 + 17 or 4 + 9).
    /// Falls back to the highest rate not above `input` when none fits (tiny bit rates).
    public static func outputSampleRate(input: Int, bitrateKbps: Int) -> Int {
        let candidates = mpegRates.filter { $0 <= input }
        for rate in candidates {
            let mpeg1 = rate >= 32000
            let frameBytes = (mpeg1 ? 144_000 : 72_000) * bitrateKbps / rate
            if frameBytes >= (mpeg1 ? 21 : 13) + 156 { return rate }
        }
        return candidates.first ?? 8000
    }

    /// Opens an encoder writing to `output`. `bitrateKbps` e.g. 48 for speech.
    ///
    /// - Parameters:
    ///   - output: where the bytes go; the ID3 tag is written to it at once.
    ///   - sampleRate: rate of the PCM that will be written, in Hz (see ``encodedSampleRate``).
    ///   - bitrateKbps: constant bit rate; must be one MP3 allows at that rate (8…160 at 22050 Hz).
    ///   - tags: title, artist, album, date (year) and comment for the ID3v2.3 tag.
    /// - Throws: ``AudioError/Code/encoder`` when LAME refuses the settings (`lame_init_params`),
    ///   ``AudioError/Code/io`` when the tag cannot be written.
    public init(output: AudioOutput, sampleRate: Int, bitrateKbps: Int = 48, tags: AudioTags = AudioTags()) throws(AudioError) {
        guard sampleRate > 0, bitrateKbps > 0 else {
            throw AudioError(.encoder, "invalid MP3 settings: \(sampleRate) Hz, \(bitrateKbps) kb/s")
        }
        guard let lame = lame_init() else { throw AudioError(.encoder, "LAME could not start (lame_init)") }
        self.sampleRate = sampleRate
        let encodedRate = Self.outputSampleRate(input: sampleRate, bitrateKbps: bitrateKbps)
        self.encodedSampleRate = encodedRate
        self.output = output
        self.lame = lame
        let seekable = output.isSeekable
        if encodedRate != sampleRate { resampler = SincResampler(from: sampleRate, to: encodedRate) }
        lame_set_in_samplerate(lame, Int32(encodedRate))
        lame_set_out_samplerate(lame, Int32(encodedRate))
        lame_set_num_channels(lame, 1)
        lame_set_mode(lame, MONO)
        lame_set_VBR(lame, vbr_off)
        lame_set_brate(lame, Int32(bitrateKbps))
        // Quality 7 of 0…9 (0 best, slowest): encoding costs three times eSpeak NG's synthesis at
        // LAME's default 5, and synthetic speech at a speech bit rate gains nothing audible from the
        // slower psychoacoustic search; 7 takes about 30 % less time.
        lame_set_quality(lame, 7)
        lame_set_bWriteVbrTag(lame, seekable ? 1 : 0)
        guard lame_init_params(lame) >= 0 else {
            lame_close(lame)
            throw AudioError(.encoder, "LAME refused \(bitrateKbps) kb/s mono at \(sampleRate) Hz")
        }
        guard Int(lame_get_brate(lame)) == bitrateKbps else {
            let chosen = lame_get_brate(lame)
            lame_close(lame)
            throw AudioError(.encoder, "MP3 cannot use \(bitrateKbps) kb/s at \(sampleRate) Hz (LAME chose \(chosen))")
        }
        let tag = ID3v2Tag.bytes(for: tags)
        do { try output.write(tag) } catch {
            lame_close(lame)
            throw error
        }
        infoFrameOffset = seekable ? output.bytesWritten : nil
    }

    deinit { lame_close(lame) }

    /// Encodes samples (`lame_encode_buffer`, after resampling when the rates differ) and appends
    /// the MP3 bytes LAME has ready.
    public func write(_ samples: UnsafeBufferPointer<Int16>) throws(AudioError) {
        guard !isFinished else { throw AudioError(.finished, "MP3 writer used after finish()") }
        guard !samples.isEmpty else { return }
        if resampler != nil {
            resampled.removeAll(keepingCapacity: true)
            resampler!.process(samples, into: &resampled)
            try encodeResampled()
        } else {
            try encode(samples)
        }
        samplesWritten += samples.count
    }

    private func encodeResampled() throws(AudioError) {
        try resampled.withUnsafeBufferPointer { (pcm) throws(AudioError) in try encode(pcm) }
    }

    /// Hands PCM at ``encodedSampleRate`` to LAME in pieces, so the output buffer stays small.
    private func encode(_ samples: UnsafeBufferPointer<Int16>) throws(AudioError) {
        guard let base = samples.baseAddress else { return }
        var start = 0
        while start < samples.count {
            let count = min(Self.chunk, samples.count - start)
            // LAME's documented worst case: 1.25 × samples + 7200 bytes.
            let capacity = count + count / 4 + 7200
            if encoded.count < capacity { encoded = [UInt8](repeating: 0, count: capacity) }
            let produced = encoded.withUnsafeMutableBufferPointer { out in
                lame_encode_buffer(lame, base + start, base + start, Int32(count), out.baseAddress, Int32(out.count))
            }
            guard produced >= 0 else { throw AudioError(.encoder, "LAME failed to encode (code \(produced))") }
            try output.write(encoded[0..<Int(produced)])
            start += count
        }
    }

    /// Flushes LAME's last frames (`lame_encode_flush`), patches the info frame, flushes the output.
    public func finish() throws(AudioError) {
        guard !isFinished else { throw AudioError(.finished, "MP3 writer finished twice") }
        isFinished = true
        if resampler != nil {
            resampled.removeAll(keepingCapacity: true)
            resampler!.finish(into: &resampled)
            try encodeResampled()
        }
        var buffer = [UInt8](repeating: 0, count: 7200)
        let produced = buffer.withUnsafeMutableBufferPointer { out in
            lame_encode_flush(lame, out.baseAddress, Int32(out.count))
        }
        guard produced >= 0 else { throw AudioError(.encoder, "LAME failed to flush (code \(produced))") }
        try output.write(buffer[0..<Int(produced)])
        if let offset = infoFrameOffset {
            let size = buffer.withUnsafeMutableBufferPointer { out in
                lame_get_lametag_frame(lame, out.baseAddress, out.count)
            }
            if size > 0, size <= buffer.count {
                try output.overwrite(Array(buffer[0..<size]), at: offset)
            }
        }
        try output.flush()
    }
}
