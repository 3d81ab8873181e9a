// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterSynthesis

/// Speaks sentences in a worker process, so a crash of libespeak-ng costs one sentence, not the program.
///
/// libespeak-ng 1.51 has memory-safety bugs that abort the process on crafted text ("stack smashing
/// detected"); guarding patterns one by one cannot win against undefined behaviour in C. The
/// supervisor keeps one worker (``SpeechWorker``) and, when it dies on a sentence:
/// 1. starts a fresh worker and retries the sentence once in its ``DefusedText`` form (letters and
///    digits only, spelled apart);
/// 2. if that dies too, gives ``crashSilence`` of silence for the sentence, with a report.
///
/// The worker is started when the supervisor is made, so it loads its engine while the caller reads
/// and cleans its input. Callers take turns: one sentence at a time, as with the in-process engine.
/// The supervisor is an actor on a thread of its own (``DedicatedThread``): it blocks on the
/// worker's pipe, never on Swift's cooperative pool.
actor SpeechSupervisor {
    /// Milliseconds of silence that stand for a sentence the engine could not speak.
    static let crashSilence = 500

    private let worker: WorkerExecutable
    private var connection: SpeechWorkerConnection?
    private nonisolated let thread = DedicatedThread(name: "speech worker")

    nonisolated var unownedExecutor: UnownedSerialExecutor { thread.asUnownedSerialExecutor() }

    init(worker: WorkerExecutable) {
        self.worker = worker
        // A start failure is not thrown here: it is reported, with its reason, by the first use.
        connection = WarmWorkers.take(worker) ?? (try? SpeechWorkerConnection(worker))
    }

    /// The sample rate of the workers' engine.
    func sampleRate() throws(EcouterError) -> Int {
        try connected().sampleRate()
    }

    /// Closes the worker's input so it exits, and reaps it; a later sentence starts a new one.
    func shutdown() {
        connection?.close()
        connection = nil
    }

    /// Speaks `text`, surviving worker crashes as described above.
    ///
    /// - Throws: ``EcouterError`` `.engine` when no worker can start or its engine cannot, and
    ///   `.settings` for a voice the engine refuses. A crash is not thrown: it is in the result.
    func speak(_ text: String, voice: VoiceParameters) throws(EcouterError) -> SpokenSentence {
        let result = try surviving(text, else: "could not speak it") { (connection, attempt) in connection.speak(attempt, voice: voice) }
        if let (output, attempt) = result.answer {
            return SpokenSentence(samples: output.samples, marks: output.marks, text: attempt, crash: result.crash)
        }
        let rate = try connected().sampleRate()
        return SpokenSentence(
            samples: Array(repeating: 0, count: rate * Self.crashSilence / 1000), marks: [], text: "", crash: result.crash)
    }

    /// eSpeak NG's phonemes of `text`, surviving worker crashes as ``speak(_:voice:)`` does: the
    /// ``DefusedText`` form once, else nothing, with the crash in the result.
    func phonemes(_ text: String, voice: VoiceParameters) throws(EcouterError) -> PhonemeResult {
        let result = try surviving(text, else: "could not phonemize it") { (connection, attempt) in connection.phonemes(attempt, voice: voice) }
        return PhonemeResult(phonemes: result.answer?.0 ?? "", crash: result.crash)
    }

    /// One request for `text`, then for its ``DefusedText`` form on a fresh worker if the first
    /// killed its worker: the answer with the text that gave it (nil when both died), and the crash
    /// (`unanswered` says how, when there was no text to try).
    private func surviving<Answer>(
        _ text: String, else unanswered: String, _ request: (SpeechWorkerConnection, String) -> SpeechWorkerConnection.Outcome<Answer>
    ) throws(EcouterError) -> (answer: (Answer, String)?, crash: SpokenSentence.Crash?) {
        var crashes: [String] = []
        for attempt in [text, DefusedText.make(text)] {
            if attempt.isEmpty { break }
            switch request(try connected(), attempt) {
            case .answered(let answer):
                return ((answer, attempt), crashes.first.map { .init(how: $0, silenced: false) })
            case .refused(let error):
                throw error
            case .died(let how):
                connection = nil
                crashes.append(how)
            }
        }
        return (nil, .init(how: crashes.first ?? unanswered, silenced: true))
    }

    /// The live connection, starting a worker when there is none.
    private func connected() throws(EcouterError) -> SpeechWorkerConnection {
        if let connection { return connection }
        let fresh = try SpeechWorkerConnection(worker)
        connection = fresh
        return fresh
    }
}

/// One text's phonemes, and what happened if the engine crashed on it.
struct PhonemeResult: Sendable {
    var phonemes: String
    var crash: SpokenSentence.Crash?
}

/// One sentence's audio, and what happened if the engine crashed on it.
struct SpokenSentence: Sendable {
    struct Crash: Sendable {
        /// How the worker died the first time ("was killed by signal 6").
        var how: String
        /// True when the defused retry died too and the audio is silence.
        var silenced: Bool
    }

    var samples: [Int16]
    /// The engine's marks, as offsets in ``text``.
    var marks: [SpeechMark]
    /// What the engine was given: the sentence's spoken text, or its ``DefusedText`` form when that
    /// was the retry that worked, or empty when the sentence is silence.
    var text: String
    var crash: Crash?
}
