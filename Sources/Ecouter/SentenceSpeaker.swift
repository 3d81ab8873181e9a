// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterSynthesis

/// Where synthesis runs, one of ``ReadingOptions/synthesis``.
public enum Synthesis: Sendable, Equatable {
    /// This process's own ``SpeechEngine``: no worker to start, but **unsafe on hostile text** —
    /// libespeak-ng 1.51 aborts the process on some crafted sentences, and the process is yours.
    case inProcess
    /// Supervised worker processes started from `worker` (``SpeechWorker``): a crash of
    /// libespeak-ng costs one sentence (retried spelled out, else silence and a warning in
    /// ``AudioSummary/warnings``), never the process. What the `ecouter` command uses.
    case isolated(WorkerExecutable)
}

/// Turns one sentence into samples, in this process or through a ``SpeechSupervisor``.
enum SentenceSpeaker: Sendable {
    case inProcess
    case supervised(SpeechSupervisor)

    /// Samples per second of what ``speak(_:voice:)`` returns.
    func sampleRate() async throws(EcouterError) -> Int {
        switch self {
        case .inProcess:
            do throws(SynthesisError) { return try SpeechEngine.shared().sampleRate } catch { throw EcouterError(error) }
        case .supervised(let supervisor):
            return try await supervisor.sampleRate()
        }
    }

    /// The samples of `text`; no pause at the end.
    ///
    /// - Throws: ``EcouterError`` `.cancelled` when the calling task is cancelled.
    func speak(_ text: String, voice: VoiceParameters) async throws(EcouterError) -> SpokenSentence {
        if Task.isCancelled { throw EcouterError(.cancelled, "reading was cancelled") }
        switch self {
        case .inProcess:
            do throws(SynthesisError) {
                let output = try await SpeechEngine.shared().speakMarked(text, voice: voice)
                return SpokenSentence(samples: output.samples, marks: output.marks, text: text, crash: nil)
            } catch { throw EcouterError(error) }
        case .supervised(let supervisor):
            return try await supervisor.speak(text, voice: voice)
        }
    }

    /// eSpeak NG's phoneme mnemonics of `text` (no `[[…]]` spans: ``PhonemeText`` cuts them out).
    func phonemes(_ text: String, voice: VoiceParameters) async throws(EcouterError) -> PhonemeResult {
        switch self {
        case .inProcess:
            do throws(SynthesisError) {
                let phonemes = try await SpeechEngine.shared().phonemes(of: text, voice: voice.voice)
                return PhonemeResult(phonemes: phonemes, crash: nil)
            } catch { throw EcouterError(error) }
        case .supervised(let supervisor):
            return try await supervisor.phonemes(text, voice: voice)
        }
    }
}

extension SpokenSentence {
    /// The one-line warning for a sentence the engine crashed on; nil when it did not.
    func warning(sentence number: Int, written: String) -> String? {
        guard let crash else { return nil }
        let excerpt = written.count > 40 ? String(written.prefix(40)) + "…" : written
        let outcome = crash.silenced
            ? "replaced by \(Double(SpeechSupervisor.crashSilence) / 1000) s of silence"
            : "read again with its letters spelled apart"
        let flat = excerpt.map { $0.isNewline ? " " : $0 }
        return "sentence \(number) (\"\(String(flat))\"): the speech engine crashed on it (the worker \(crash.how)); \(outcome)"
    }
}
