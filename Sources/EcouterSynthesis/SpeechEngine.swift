// SPDX-License-Identifier: GPL-3.0-or-later
internal import CEspeakNG
import Synchronization

/// The process's one eSpeak NG engine, an actor on a thread of its own.
///
/// libespeak-ng keeps its state in globals and is not re-entrant, so there is exactly one engine per
/// process (``shared()``), and every call into the library runs on its one dedicated thread (the
/// actor's executor, ``DedicatedThread``): synthesis blocks that thread, never Swift's cooperative
/// pool. Many tasks may call ``speak(_:voice:)`` at once: they take turns, utterance by utterance.
///
/// Samples come back as a value when the utterance is done; no caller code runs on the engine's
/// thread, so nothing a caller does can block or re-enter the engine. Synchronous callers (a
/// command that prints phonemes, a voice lookup at start-up) use ``synchronously(_:)``.
///
/// Not an error: eSpeak NG's wave generator keeps hidden state from one utterance to the next (a
/// pitch-flutter counter, `rand()` noise, gain control), which no API call resets. A process that
/// speaks the same things in the same order gives byte-identical audio; the same sentence spoken
/// after different ones may differ by a few milliseconds.
public actor SpeechEngine {
    /// Samples per second of the audio the engine produces (22050 Hz for eSpeak NG's own voices).
    public nonisolated let sampleRate: Int

    private var current: VoiceParameters?
    private nonisolated let thread: DedicatedThread
    private nonisolated let library: EspeakLibrary

    public nonisolated var unownedExecutor: UnownedSerialExecutor { thread.asUnownedSerialExecutor() }

    private init(sampleRate: Int, thread: DedicatedThread, library: EspeakLibrary) {
        self.sampleRate = sampleRate
        self.thread = thread
        self.library = library
    }

    private static let initialization: Result<SpeechEngine, SynthesisError> = {
        let library: EspeakLibrary
        switch EspeakLibrary.shared {
        case .success(let loaded): library = loaded
        case .failure(let error): return .failure(error)
        }
        let thread = DedicatedThread(name: "eSpeak NG")
        // On the engine's thread, like every later call into the library.
        let rate: Result<Int, SynthesisError> = thread.runAndWait {
            // `espeakINITIALIZE_DONT_EXIT`: without it, missing voice data makes the library call exit(1).
            let options = Int32(espeakINITIALIZE_DONT_EXIT)
            // 400 ms buffers: fewer callbacks than the 60 ms default, still small enough to stream.
            // The library prints its own complaints on stderr; keep them for our one-line error instead.
            let start = { library.initialize(AUDIO_OUTPUT_SYNCHRONOUS, 400, nil, options) }
            let (rate, complaint) = startupCapture.withLock { $0 }?(start) ?? (start(), "")
            guard rate > 0 else {
                let detail = complaint.isEmpty ? "" : " (\(complaint))"
                return .failure(SynthesisError(
                    .initialization,
                    "eSpeak NG could not start: its voice data is missing or unreadable\(detail); install espeak-ng-data or set ESPEAK_DATA_PATH"))
            }
            library.setSynthCallback(synthesisCallback)
            return .success(Int(rate))
        }
        return rate.map { SpeechEngine(sampleRate: $0, thread: thread, library: library) }
    }()

    /// Runs the one C call that may print on standard error (`espeak_Initialize`) and returns its
    /// result with what it printed.
    public typealias StartupCapture = @Sendable (_ start: () -> Int32) -> (Int32, String)

    private static let startupCapture = Mutex<StartupCapture?>(nil)

    /// Lets a program that owns standard error capture what libespeak-ng prints while it starts (a
    /// missing data file), to fold it into the one-line ``SynthesisError``; without it the library
    /// prints as it will. The engine never redirects descriptor 2 itself: other threads write there.
    /// Call before the engine's first use; later calls have no effect once it started.
    public static func captureStartupMessages(with capture: @escaping StartupCapture) {
        startupCapture.withLock { $0 = capture }
    }

    /// The process's engine, initialized on first use (`espeak_Initialize`, on the engine's thread).
    ///
    /// - Throws: ``SynthesisError/Code/initialization`` when the library's data cannot be found; the
    ///   failure is remembered, later calls throw it again.
    public static func shared() throws(SynthesisError) -> SpeechEngine {
        try initialization.get()
    }

    /// Runs `body` on the engine's thread and waits for it, for callers that cannot `await`.
    ///
    /// Blocks the calling thread while the engine finishes what it is doing: not for code on Swift's
    /// cooperative pool that could await instead. Never call it from inside the engine's own work.
    public nonisolated func synchronously<T: Sendable, E: Error>(
        _ body: @escaping @Sendable (isolated SpeechEngine) throws(E) -> T
    ) throws(E) -> T {
        let result: Result<T, E> = thread.runAndWait {
            self.assumeIsolated { engine in Result { () throws(E) in try body(engine) } }
        }
        return try result.get()
    }

    /// Speaks `text` and returns its samples, 16-bit mono at ``sampleRate``.
    ///
    /// Text between `[[` and `]]` is read as eSpeak NG phoneme mnemonics (`espeakPHONEMES`), which is
    /// how pronunciation lexicon entries reach the engine. No pause is added at the end: callers put
    /// their own silence between sentences.
    ///
    /// - Parameters:
    ///   - text: UTF-8 text; a NUL character ends it early, so callers should not pass any. Inputs
    ///     known to crash libespeak-ng 1.51 (long dotted-letter runs, long phoneme words) are split
    ///     with spaces first (``EngineText``); others remain (see `Synthesis.isolated` in Ecouter).
    ///   - voice: validated, then applied only when it differs from the engine's current settings.
    /// - Throws: ``SynthesisError`` with `.invalidParameter`, `.voiceNotFound`, `.synthesis`, or
    ///   `.cancelled` when the calling task is cancelled (checked as each buffer is made).
    public func speak(_ text: String, voice: VoiceParameters) throws(SynthesisError) -> [Int16] {
        try speakMarked(text, voice: voice).samples
    }

    /// Speaks `text` like ``speak(_:voice:)`` and also returns the word and sentence marks eSpeak NG
    /// reported (`espeakEVENT_WORD`, `_SENTENCE`, `_END`), placed in `text` and in the samples.
    ///
    /// Event times come from the event's `sample` count (the samples of this call before it);
    /// positions are mapped back through ``EngineText``'s inserted spaces, so they are offsets in
    /// `text` itself. The end-of-message callback carries no samples and gives no mark.
    public func speakMarked(_ text: String, voice: VoiceParameters) throws(SynthesisError) -> SpeechOutput {
        let sink = CallbackContext()
        let marks = try synthesize(text, voice: voice, into: sink)
        return SpeechOutput(samples: sink.samples, marks: marks)
    }

    /// Speaks `text` like ``speakMarked(_:voice:)`` but hands each buffer to `forward` as
    /// libespeak-ng makes it (every 400 ms of audio at most), on the engine's thread, instead of
    /// keeping the samples; returns the marks. For the speech worker, whose only caller code is a
    /// write to its pipe: nothing there can re-enter the engine. `forward` returns false to stop
    /// (the parent is gone), which ends in ``SynthesisError/Code/cancelled``.
    package func speakStreaming(
        _ text: String, voice: VoiceParameters, forward: (UnsafeBufferPointer<Int16>) -> Bool
    ) throws(SynthesisError) -> [SpeechMark] {
        try withoutActuallyEscaping(forward) { (forward) throws(SynthesisError) in
            try synthesize(text, voice: voice, into: CallbackContext(forward: forward))
        }
    }

    /// One `espeak_Synth` call into `sink`; the marks, as offsets in `text`.
    private func synthesize(_ text: String, voice: VoiceParameters, into sink: CallbackContext) throws(SynthesisError) -> [SpeechMark] {
        try voice.validate()
        try apply(voice)
        // Guarded here, at the one door to the library, so no caller can crash it that way.
        let safe = EngineText.guarded(text)
        let status = safe.withCString { cText in
            library.synth(
                cText, safe.utf8.count + 1, 0, POS_CHARACTER, 0,
                UInt32(espeakCHARS_UTF8 | espeakPHONEMES), nil,
                Unmanaged.passUnretained(sink).toOpaque())
        }
        if sink.cancelled {
            finishStoppedSynthesis()
            throw SynthesisError(.cancelled, "synthesis was cancelled")
        }
        try check(status, "espeak_Synth")
        var marks = sink.marks
        if safe.unicodeScalars.count != text.unicodeScalars.count {
            EngineText.mapOffsets(&marks, spoken: safe, original: text)
        }
        return marks
    }

    /// Puts libespeak-ng's clause reader back to a clean start after a synthesis its callback stopped.
    ///
    /// The reader keeps the first character of the clause after the one it translated (`ungot_char`
    /// in readclause.c); a stopped synthesis leaves it there, and only `espeak_Synth` clears it
    /// (`InitText2`). `espeak_TextToPhonemes` does not, so the next phoneme reading took it as its
    /// first letter: « cent un » came back "'yst2 'W~" after a stopped « Une phrase. Une autre. »
    /// An empty synthesis run to its end clears it and produces no sound.
    private func finishStoppedSynthesis() {
        let sink = CallbackContext(stopsWhenCancelled: false)  // the task is cancelled: run to the end anyway
        _ = "".withCString { cText in
            library.synth(cText, 1, 0, POS_CHARACTER, 0, UInt32(espeakCHARS_UTF8), nil, Unmanaged.passUnretained(sink).toOpaque())
        }
    }

    /// eSpeak NG's phoneme mnemonics for `text` (as `espeak-ng -q -x` prints), clauses joined by " | ".
    ///
    /// Uses `espeak_TextToPhonemes`, clause by clause; `[[…]]` is not interpreted there.
    public func phonemes(of text: String, voice: String) throws(SynthesisError) -> String {
        try VoiceParameters(voice: voice).validate()
        try apply(VoiceParameters(voice: voice, rate: current?.rate ?? 175,
                                  pitch: current?.pitch ?? 50, volume: current?.volume ?? 100))
        var clauses: [String] = []
        EngineText.guarded(text).withCString { cText in
            var cursor: UnsafeRawPointer? = UnsafeRawPointer(cText)
            while cursor != nil {
                guard let result = library.textToPhonemes(&cursor, espeakCHARS_UTF8, 0) else { break }
                let clause = String(cString: result).trimmingWhitespace()
                if !clause.isEmpty { clauses.append(clause) }
            }
        }
        return clauses.joined(separator: " | ")
    }

    /// True when eSpeak NG can load `voice` (`espeak_SetVoiceByName`). Leaves the engine's voice as it was.
    public func hasVoice(_ voice: String) -> Bool {
        guard (try? VoiceParameters(voice: voice).validate()) != nil else { return false }
        let found = Self.voiceFileName(voice).withCString { library.setVoiceByName($0) } == EE_OK
        current = nil  // whatever happened, the next speak re-applies its own voice
        return found
    }

    private func apply(_ voice: VoiceParameters) throws(SynthesisError) {
        if current?.voice != voice.voice {
            current = nil
            let status = Self.voiceFileName(voice.voice).withCString { library.setVoiceByName($0) }
            guard status == EE_OK else {
                throw SynthesisError(.voiceNotFound, "eSpeak NG has no voice \"\(voice.voice)\"")
            }
        }
        if current?.rate != voice.rate { try check(library.setParameter(espeakRATE, Int32(voice.rate), 0), "espeak_SetParameter(rate)") }
        if current?.pitch != voice.pitch { try check(library.setParameter(espeakPITCH, Int32(voice.pitch), 0), "espeak_SetParameter(pitch)") }
        if current?.volume != voice.volume { try check(library.setParameter(espeakVOLUME, Int32(voice.volume), 0), "espeak_SetParameter(volume)") }
        current = voice
    }

    /// Voices whose file eSpeak NG can open by name. `espeak_SetVoiceByName` first tries its
    /// argument, lower-cased, as a file under espeak-ng-data's `voices/` and `lang/`, and only then
    /// reads and parses every voice file there (some 130) to match a name: 3 ms at every start of a
    /// speech worker. « fr » is `lang/roa/fr`, the same file the list picks, so the same audio.
    /// fr-BE and fr-CH cannot be reached this way (their files have capitals, which the library
    /// lowers) and keep the list.
    private static let voiceFiles = ["fr": "roa/fr"]

    private static func voiceFileName(_ voice: String) -> String {
        voiceFiles[voice] ?? voice
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

/// What one `espeak_Synth` call collects: its samples, its marks, and whether the task was
/// cancelled. Lives on the engine's thread only.
private final class CallbackContext {
    var samples: [Int16] = []
    var marks: [SpeechMark] = []
    var cancelled = false
    /// False for the engine's own clean-up synthesis, which must reach its end in a cancelled task.
    let stopsWhenCancelled: Bool
    /// Where buffers go instead of ``samples`` when streaming; false from it stops the synthesis.
    let forward: ((UnsafeBufferPointer<Int16>) -> Bool)?

    init(stopsWhenCancelled: Bool = true, forward: ((UnsafeBufferPointer<Int16>) -> Bool)? = nil) {
        self.stopsWhenCancelled = stopsWhenCancelled
        self.forward = forward
    }

    /// Keeps the word, sentence and end events of one callback's list (ended by `LIST_TERMINATED`).
    func record(_ events: UnsafeMutablePointer<espeak_EVENT>) {
        var event = events
        while event.pointee.type != espeakEVENT_LIST_TERMINATED {
            let kind: SpeechMark.Kind? = switch event.pointee.type {
            case espeakEVENT_WORD: .word
            case espeakEVENT_SENTENCE: .sentence
            case espeakEVENT_END: .end
            default: nil
            }
            // Positions are 1-based; a word event at position 0 comes after the last word of some
            // texts (at the end of the audio) and points nowhere: it is dropped.
            if let kind, event.pointee.text_position > 0 {
                // A sample count is exact where audio_position is whole milliseconds.
                let offset = Int(event.pointee.text_position) - 1
                let sample = max(0, Int(event.pointee.sample), marks.last?.sample ?? 0)
                marks.append(SpeechMark(kind: kind, textOffset: offset, sample: sample))
            }
            event += 1
        }
    }
}

/// eSpeak NG's synthesis callback; runs on the engine's thread inside `espeak_Synth`. Returns 1 to stop.
private func synthesisCallback(
    _ wav: UnsafeMutablePointer<Int16>?, _ count: Int32, _ events: UnsafeMutablePointer<espeak_EVENT>?
) -> Int32 {
    guard let events, let raw = events.pointee.user_data else { return 0 }
    let context = Unmanaged<CallbackContext>.fromOpaque(raw).takeUnretainedValue()
    // The callback runs inside the speaking task's job, so this is that task's cancellation.
    if context.stopsWhenCancelled, Task.isCancelled { context.cancelled = true }
    guard !context.cancelled else { return 1 }
    context.record(events)
    guard let wav, count > 0 else { return 0 }
    let buffer = UnsafeBufferPointer(start: wav, count: Int(count))
    if let forward = context.forward {
        guard forward(buffer) else {
            context.cancelled = true
            return 1
        }
    } else {
        context.samples.append(contentsOf: buffer)
    }
    return 0
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
