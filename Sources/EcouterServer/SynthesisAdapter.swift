// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import EcouterFeed
public import Foundation
import Synchronization

/// The server's one door to speech synthesis. Everything else in this target goes through it, so
/// that pointing the server at another way of running eSpeak NG (a supervised worker pool, say)
/// is a change to this file only.
///
/// Whole articles are spoken in worker processes (the feed's `ecouter feed-worker`): eSpeak NG is
/// process-global, so N workers give N engines on N cores, and a worker that crashes fails only its
/// request. Streaming (`/v1/audio/speech`) pulls sentence chunks from a speech worker
/// (`ecouter speech-worker`), one per voice setting, started on first use and reused: text from the
/// network never reaches libespeak-ng in the server's own process.
public struct SynthesisAdapter: Sendable {
    /// Where whole-article synthesis runs.
    public enum Mode: Sendable {
        /// `executable feed-worker --voice V [--rate R]` child processes.
        case workers(executable: URL)
        /// This process's engine (an embedder's choice; tests of the HTTP layer).
        case inProcess
    }

    private let mode: Mode
    private let renderers = PerVoice<WorkerProcessRenderer>()
    private let streamReaders = PerVoice<ArticleReader>()

    public init(mode: Mode) {
        self.mode = mode
    }

    /// Speaks `article` with `voice` into a WAV file at `url` (written atomically), with its word
    /// and sentence timings when `timings` names their files (all of them or none).
    /// Cancelling the calling task stops the synthesis (the worker is terminated).
    func renderWAV(_ article: Article, voice: VoiceChoice, to url: URL, timings: TimingsOutput? = nil) async throws(EcouterError) -> AudioSummary {
        let job = RenderJob(article: article, output: url, encoding: .wav, timings: timings)
        switch mode {
        case .inProcess:
            return try await InProcessRenderer(reader: ArticleReader(options: voice.readingOptions)).render(job)
        case .workers(let executable):
            let renderer = renderers.value(for: voice.workerArguments) {
                WorkerProcessRenderer(executable: executable, arguments: ["feed-worker"] + voice.workerArguments)
            }
            return try await renderer.render(job)
        }
    }

    /// The article's audio, sentence by sentence, synthesized as the caller pulls it.
    func chunks(of article: Article, voice: VoiceChoice) throws(EcouterError) -> AudioChunks {
        switch mode {
        case .inProcess:
            return try ArticleReader(options: voice.readingOptions).audioChunks(for: article)
        case .workers(let executable):
            let reader = streamReaders.value(for: voice.workerArguments) {
                var options = voice.readingOptions
                options.synthesis = .isolated(WorkerExecutable(executable: executable, arguments: ["speech-worker"]))
                return ArticleReader(options: options)
            }
            return try reader.audioChunks(for: article)
        }
    }

    /// The engine's output rate (chunks and WAV files carry it too; this is for headers written first).
    static let sampleRate = 22050

    /// Lets idle workers exit.
    func shutdown() async {
        for renderer in renderers.all { await renderer.shutdown() }
        for reader in streamReaders.all { await reader.shutdownSynthesis() }
    }
}

/// One value per voice setting, made on first use: a worker renderer (a worker's voice is fixed by
/// its flags) or an isolated reader (and so one speech worker) for streamed speech.
private final class PerVoice<Value: Sendable>: Sendable {
    private let table = Mutex<[[String]: Value]>([:])

    /// `make` runs under the lock: it only builds a value (no I/O, no caller code), and two
    /// requests for a new voice at once must not start two workers.
    func value(for key: [String], make: () -> Value) -> Value {
        table.withLock { table in
            if let existing = table[key] { return existing }
            let made = make()
            table[key] = made
            return made
        }
    }

    var all: [Value] { table.withLock { Array($0.values) } }
}
