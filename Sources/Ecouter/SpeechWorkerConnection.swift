// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterCore
import EcouterSynthesis
public import Foundation

/// How to start a speech worker: a program that runs ``SpeechWorker/serve()``.
public struct WorkerExecutable: Sendable, Equatable {
    /// The program.
    public var executable: URL
    /// Its arguments, e.g. `["speech-worker"]`.
    public var arguments: [String]

    public init(executable: URL, arguments: [String]) {
        self.executable = executable
        self.arguments = arguments
    }

    /// This very program (`/proc/self/exe`) with `arguments`.
    public static func currentProgram(arguments: [String]) -> WorkerExecutable {
        WorkerExecutable(executable: URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath(), arguments: arguments)
    }

    /// The small `ecouter-speech-worker` program when it is installed beside this one (it starts
    /// in a few milliseconds), else this program with `fallbackArguments`: how the `ecouter`
    /// command starts its speech workers.
    public static func speechWorker(fallbackArguments: [String]) -> WorkerExecutable {
        let current = currentProgram(arguments: fallbackArguments)
        let beside = current.executable.deletingLastPathComponent().appendingPathComponent("ecouter-speech-worker")
        guard access(beside.path, X_OK) == 0 else { return current }
        return WorkerExecutable(executable: beside, arguments: [])
    }
}

/// One speech worker process and its two pipes. Used by one thread at a time (its supervisor's lock).
final class SpeechWorkerConnection {
    /// What one request came to: its answer (a sentence's audio, a text's phonemes), or not.
    enum Outcome<Answer> {
        case answered(Answer)
        /// The worker answered with an error (e.g. a voice it does not have): not a crash.
        case refused(EcouterError)
        /// The worker died or stopped answering; it is gone, `how` says in what way.
        case died(how: String)
    }

    private let process: ChildProcess
    private var replies: PipeReader
    private var started: Result<Int, EcouterError>?

    /// How long one sentence may take before the worker is taken for hung and killed.
    static let sentenceTimeout: Int32 = 60_000
    /// More samples than any one sentence gives (25 minutes at 22050 Hz): a worker claiming more
    /// is talking nonsense, and is not believed with memory.
    static let maximumSamples = 1 << 25
    /// How long a worker told to stop (its input closed) may take to exit before it is killed.
    static let exitTimeout = 2_000

    /// Starts the process; it loads its engine while the caller does other work.
    init(_ worker: WorkerExecutable) throws(EcouterError) {
        do throws(ChildProcessError) {
            process = try ChildProcess(executable: worker.executable.path, arguments: worker.arguments)
        } catch {
            throw EcouterError(.engine, "cannot start the speech worker \(worker.executable.path): \(error)")
        }
        replies = PipeReader(fileDescriptor: process.output, timeoutMilliseconds: Self.sentenceTimeout)
    }

    deinit { close() }

    /// The worker's sample rate, once its engine is up (waits for its first frame).
    ///
    /// - Throws: ``EcouterError/Code/engine`` when its engine cannot start or the worker dies first.
    func sampleRate() throws(EcouterError) -> Int {
        if let started { return try started.get() }
        let result: Result<Int, EcouterError>
        switch replies.readFrame() {
        case (.hello, let payload)? where payload.count == 4:
            let rate = payload.reversed().reduce(0) { $0 << 8 | Int($1) }
            result = rate > 0 ? .success(rate) : .failure(EcouterError(.engine, "the speech worker's engine did not start"))
        case (.failure, let payload)?:
            result = .failure(Self.error(payload))
        default:
            result = .failure(EcouterError(.engine, "the speech worker \(stop()) before its engine started"))
        }
        started = result
        return try result.get()
    }

    /// Speaks one sentence; samples arrive as the worker makes them.
    func speak(_ text: String, voice: VoiceParameters) -> Outcome<SpeechOutput> {
        do throws(EcouterError) { _ = try sampleRate() } catch { return .refused(error) }
        let request = SpeechWire.frame(.speak, SpeechWire.Speak(text: text, voice: voice).payload)
        guard process.input >= 0, DescriptorWrite.all(process.input, request) == nil else { return .died(how: stop()) }
        var samples: [Int16] = []
        while true {
            switch replies.readFrame() {
            case (.audio, let payload)? where samples.count + payload.count / 2 <= Self.maximumSamples:
                SpeechWire.appendSamples(payload, to: &samples)
            case (.done, let payload)?:
                guard let done = SpeechWire.Done(payload: payload), done.sampleCount == samples.count else {
                    return .died(how: stop())
                }
                return .answered(SpeechOutput(samples: samples, marks: done.marks))
            case (.failure, let payload)?:
                return .refused(Self.error(payload))
            default:
                return .died(how: stop())
            }
        }
    }

    /// eSpeak NG's phoneme mnemonics of `text` (``SpeechEngine/phonemes(of:voice:)`` in the worker).
    func phonemes(_ text: String, voice: VoiceParameters) -> Outcome<String> {
        do throws(EcouterError) { _ = try sampleRate() } catch { return .refused(error) }
        let request = SpeechWire.frame(.phonemes, SpeechWire.Speak(text: text, voice: voice).payload)
        guard process.input >= 0, DescriptorWrite.all(process.input, request) == nil else { return .died(how: stop()) }
        switch replies.readFrame() {
        case (.phonemeText, let payload)?: return .answered(String(decoding: payload, as: UTF8.self))
        case (.failure, let payload)?: return .refused(Self.error(payload))
        default: return .died(how: stop())
        }
    }

    /// The worker's refusal as the error the same refusal in this process would be.
    private static func error(_ payload: ArraySlice<UInt8>) -> EcouterError {
        guard let failure = SpeechWire.Failure(payload: payload) else {
            return EcouterError(.engine, "the speech worker gave an unreadable error")
        }
        return EcouterError(SynthesisError(SynthesisError.Code(failure.code), failure.message))
    }

    /// Ends the process (it is dead, hung or talking nonsense), reaps it, and says how it ended.
    private func stop() -> String {
        process.signal(SIGKILL)
        return process.reap(within: Self.exitTimeout).description
    }

    /// Closes the worker's input, so it exits, and reaps it.
    func close() {
        process.reap(within: Self.exitTimeout)
    }
}
