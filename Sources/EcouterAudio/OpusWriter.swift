// SPDX-License-Identifier: GPL-3.0-or-later
import COpusEnc

/// Streams 16-bit mono PCM into an Ogg Opus file through libopusenc (which resamples to Opus's
/// 48 kHz itself), mono, 24 kb/s by default: transparent enough for synthetic speech at half the
/// size of the 48 kb/s MP3.
///
/// Ogg pages are handed to the ``AudioOutput`` as libopusenc completes them; with `lowDelay` the
/// encoder's look-ahead and page muxing delay are shortened so that a stream's first page leaves
/// after tens of milliseconds of audio instead of a second.
public final class OpusWriter: AudioSink {
    public let sampleRate: Int
    public private(set) var samplesWritten: Int = 0
    private let output: AudioOutput
    private let state: CallbackState
    private var encoder: OpaquePointer?
    private var isFinished = false

    /// Speech at 24 kb/s.
    public static let defaultBitrateKbps = 24

    /// Where libopusenc's write callback puts bytes, and the first output error it met.
    private final class CallbackState {
        let output: AudioOutput
        var failure: AudioError?
        init(output: AudioOutput) { self.output = output }
    }

    /// Starts an Ogg Opus stream; the header pages are written with the first audio.
    /// - Throws: ``AudioError`` `.encoder` for settings libopusenc refuses.
    public init(output: AudioOutput, sampleRate: Int, bitrateKbps: Int = OpusWriter.defaultBitrateKbps, lowDelay: Bool = false) throws(AudioError) {
        guard sampleRate > 0, (6...256).contains(bitrateKbps) else {
            throw AudioError(.encoder, "invalid Opus settings: \(sampleRate) Hz, \(bitrateKbps) kb/s (6–256)")
        }
        self.sampleRate = sampleRate
        self.output = output
        self.state = CallbackState(output: output)
        var callbacks = OpusEncCallbacks(
            write: { user, bytes, length in
                guard let user, let bytes else { return 1 }
                let state = Unmanaged<CallbackState>.fromOpaque(user).takeUnretainedValue()
                do throws(AudioError) { try state.output.write(UnsafeRawBufferPointer(start: bytes, count: Int(length))) } catch {
                    state.failure = state.failure ?? error
                    return 1
                }
                return 0
            },
            close: { _ in 0 })
        guard let comments = ope_comments_create() else { throw AudioError(.encoder, "libopusenc could not start (ope_comments_create)") }
        defer { ope_comments_destroy(comments) }
        var error: Int32 = 0
        let user = Unmanaged.passUnretained(state).toOpaque()
        guard let encoder = ope_encoder_create_callbacks(&callbacks, user, comments, Int32(sampleRate), 1, 0, &error), error == OPE_OK else {
            throw AudioError(.encoder, "libopusenc refused mono at \(sampleRate) Hz (error \(error))")
        }
        self.encoder = encoder
        guard ecouter_ope_set_bitrate(encoder, Int32(bitrateKbps * 1000)) == OPE_OK,
            ecouter_ope_set_speech_signal(encoder) == OPE_OK
        else {
            throw AudioError(.encoder, "libopusenc refused \(bitrateKbps) kb/s speech")
        }
        // 20 ms of look-ahead and 40 ms per page, in 48 kHz samples, instead of 400 ms and 1 s.
        if lowDelay, ecouter_ope_set_delays(encoder, 960, 1920) != OPE_OK {
            throw AudioError(.encoder, "libopusenc refused the low-delay settings")
        }
    }

    deinit {
        if let encoder { ope_encoder_destroy(encoder) }
    }

    public func write(_ samples: UnsafeBufferPointer<Int16>) throws(AudioError) {
        guard !isFinished, let encoder else { throw AudioError(.finished, "Opus writer used after finish()") }
        guard let base = samples.baseAddress, !samples.isEmpty else { return }
        let result = ope_encoder_write(encoder, base, Int32(samples.count))
        if let failure = state.failure { throw failure }
        guard result == OPE_OK else { throw AudioError(.encoder, "libopusenc failed to encode (error \(result))") }
        samplesWritten += samples.count
    }

    /// Encodes the last frames, ends the Ogg stream and flushes the output.
    public func finish() throws(AudioError) {
        guard !isFinished, let encoder else { throw AudioError(.finished, "Opus writer finished twice") }
        isFinished = true
        let result = ope_encoder_drain(encoder)
        if let failure = state.failure { throw failure }
        guard result == OPE_OK else { throw AudioError(.encoder, "libopusenc failed to finish (error \(result))") }
        try output.flush()
    }
}
