// SPDX-License-Identifier: GPL-3.0-or-later
internal import CEspeakNG
import Synchronization

/// The process's one eSpeak NG engine.
///
/// libespeak-ng keeps its state in globals and is not re-entrant, so there is exactly one engine per
/// process (``shared()``) and every call into the library runs under one lock. Many tasks may call
/// ``speak(_:voice:onSamples:)`` at once: they take turns, whole utterance by whole utterance.
///
/// The engine runs in synchronous mode (`AUDIO_OUTPUT_SYNCHRONOUS`): samples are handed to the
/// caller's closure on the calling thread while `espeak_Synth` runs.
///
/// Not an error: eSpeak NG's wave generator keeps hidden state from one utterance to the next (a
/// pitch-flutter counter, `rand()` noise, gain control), which no API call resets. A process that
/// speaks the same things in the same order gives byte-identical audio; the same sentence spoken
/// after different ones may differ by a few milliseconds.
public final class SpeechEngine: Sendable {
    /// Samples per second of the audio the engine produces (22050 Hz for eSpeak NG's own voices).
    public let sampleRate: Int

    private struct State {
        var current: VoiceParameters?
    }
    private let state: Mutex<State>

    private init(sampleRate: Int) {
        self.sampleRate = sampleRate
        self.state = Mutex(State())
    }

    private static let initialization: Result<SpeechEngine, SynthesisError> = {
        // `espeakINITIALIZE_DONT_EXIT`: without it, missing voice data makes the library call exit(1).
        let options = Int32(espeakINITIALIZE_DONT_EXIT)
        // 400 ms buffers: fewer callbacks than the 60 ms default, still small enough to stream.
        // The library prints its own complaints on stderr; keep them for our one-line error instead.
        let (rate, complaint) = StandardErrorCapture.run {
            espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 400, nil, options)
        }
        guard rate > 0 else {
            let detail = complaint.isEmpty ? "" : " (\(complaint))"
            return .failure(SynthesisError(
                .initialization,
                "eSpeak NG could not start: its voice data is missing or unreadable\(detail); install espeak-ng-data or set ESPEAK_DATA_PATH"))
        }
        espeak_SetSynthCallback(synthesisCallback)
        return .success(SpeechEngine(sampleRate: Int(rate)))
    }()

    /// The process's engine, initialized on first use (`espeak_Initialize`).
    ///
    /// - Throws: ``SynthesisError/Code/initialization`` when the library's data cannot be found; the
    ///   failure is remembered, later calls throw it again.
    public static func shared() throws(SynthesisError) -> SpeechEngine {
        try initialization.get()
    }

    /// Speaks `text` and hands the samples, 16-bit mono at ``sampleRate``, to `onSamples` as they come.
    ///
    /// Text between `[[` and `]]` is read as eSpeak NG phoneme mnemonics (`espeakPHONEMES`), which is
    /// how pronunciation lexicon entries reach the engine. No pause is added at the end: callers put
    /// their own silence between sentences.
    ///
    /// - Parameters:
    ///   - text: UTF-8 text; a NUL character ends it early, so callers should not pass any. Inputs
    ///     known to crash libespeak-ng 1.51 (long dotted-letter runs, long phoneme words) are split
    ///     with spaces first (``EngineText``).
    ///   - voice: validated, then applied only when it differs from the engine's current settings.
    ///   - onSamples: called on the calling thread, possibly many times; throwing stops the synthesis.
    /// - Throws: ``SynthesisError`` with `.invalidParameter`, `.voiceNotFound`, `.synthesis`, or
    ///   `.cancelled` with the handler's error as `underlying`.
    public func speak(
        _ text: String,
        voice: VoiceParameters,
        onSamples: (UnsafeBufferPointer<Int16>) throws -> Void
    ) throws(SynthesisError) {
        try voice.validate()
        try state.withLock { (state) throws(SynthesisError) in
            try apply(voice, to: &state)
            try withoutActuallyEscaping(onSamples) { (handler) throws(SynthesisError) in
                let sink = CallbackContext(handler: handler)
                // Guarded here, at the one door to the library, so no caller can crash it.
                let safe = EngineText.guarded(text)
                let status = safe.withCString { cText in
                    espeak_Synth(
                        cText, safe.utf8.count + 1, 0, POS_CHARACTER, 0,
                        UInt32(espeakCHARS_UTF8 | espeakPHONEMES), nil,
                        Unmanaged.passUnretained(sink).toOpaque())
                }
                if let failure = sink.failure {
                                        throw SynthesisError(.cancelled, "synthesis stopped: \(failure)", underlying: failure)
                }
                try check(status, "espeak_Synth")
            }
        }
    }

    /// eSpeak NG's phoneme mnemonics for `text` (as `espeak-ng -q -x` prints), clauses joined by " | ".
    ///
    /// Uses `espeak_TextToPhonemes`, clause by clause; `[[…]]` is not interpreted there.
    public func phonemes(of text: String, voice: String) throws(SynthesisError) -> String {
        try VoiceParameters(voice: voice).validate()
        return try state.withLock { (state) throws(SynthesisError) -> String in
            try apply(VoiceParameters(voice: voice, rate: state.current?.rate ?? 175,
                                      pitch: state.current?.pitch ?? 50, volume: state.current?.volume ?? 100),
                      to: &state)
            var clauses: [String] = []
            EngineText.guarded(text).withCString { cText in
                var cursor: UnsafeRawPointer? = UnsafeRawPointer(cText)
                while cursor != nil {
                    guard let result = espeak_TextToPhonemes(&cursor, espeakCHARS_UTF8, 0) else { break }
                    let clause = String(cString: result).trimmingWhitespace()
                    if !clause.isEmpty { clauses.append(clause) }
                }
            }
            return clauses.joined(separator: " | ")
        }
    }

    /// True when eSpeak NG can load `voice` (`espeak_SetVoiceByName`). Leaves the engine's voice as it was.
    public func hasVoice(_ voice: String) -> Bool {
        guard (try? VoiceParameters(voice: voice).validate()) != nil else { return false }
        return state.withLock { state in
            let found = voice.withCString { espeak_SetVoiceByName($0) } == EE_OK
            state.current = nil  // whatever happened, the next speak re-applies its own voice
            return found
        }
    }

    private func apply(_ voice: VoiceParameters, to state: inout State) throws(SynthesisError) {
        if state.current?.voice != voice.voice {
            state.current = nil
            let status = voice.voice.withCString { espeak_SetVoiceByName($0) }
            guard status == EE_OK else {
                throw SynthesisError(.voiceNotFound, "eSpeak NG has no voice \"\(voice.voice)\"")
            }
        }
        if state.current?.rate != voice.rate { try check(espeak_SetParameter(espeakRATE, Int32(voice.rate), 0), "espeak_SetParameter(rate)") }
        if state.current?.pitch != voice.pitch { try check(espeak_SetParameter(espeakPITCH, Int32(voice.pitch), 0), "espeak_SetParameter(pitch)") }
        if state.current?.volume != voice.volume { try check(espeak_SetParameter(espeakVOLUME, Int32(voice.volume), 0), "espeak_SetParameter(volume)") }
        state.current = voice
    }
}

/// Turns an `espeak_ERROR` status into a typed error.
private func check(_ status: espeak_ERROR, _ function: String) throws(SynthesisError) {
    guard status != EE_OK else { return }
    let reason = switch status {
    case EE_BUFFER_FULL: "buffer full"
    case EE_NOT_FOUND: "not found"
    default: "internal error"
    }
    throw SynthesisError(.synthesis, "\(function) failed: \(reason) (status \(status.rawValue))")
}

/// What one `espeak_Synth` call's callback needs: the handler, and the error that stopped it.
private final class CallbackContext {
    let handler: (UnsafeBufferPointer<Int16>) throws -> Void
    var failure: (any Error)?
    init(handler: @escaping (UnsafeBufferPointer<Int16>) throws -> Void) { self.handler = handler }
}

/// eSpeak NG's synthesis callback; runs on the thread inside `espeak_Synth`. Returns 1 to stop.
private func synthesisCallback(
    _ wav: UnsafeMutablePointer<Int16>?, _ count: Int32, _ events: UnsafeMutablePointer<espeak_EVENT>?
) -> Int32 {
    guard let events, let raw = events.pointee.user_data else { return 0 }
    let context = Unmanaged<CallbackContext>.fromOpaque(raw).takeUnretainedValue()
    guard context.failure == nil else { return 1 }
    guard let wav, count > 0 else { return 0 }
    do {
        try context.handler(UnsafeBufferPointer(start: wav, count: Int(count)))
        return 0
    } catch {
        context.failure = error
        return 1
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
