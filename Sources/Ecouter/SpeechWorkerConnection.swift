// SPDX-License-Identifier: GPL-3.0-or-later
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

    /// This very program (`/proc/self/exe`) with `arguments`: how the `ecouter` command starts its workers.
    public static func currentProgram(arguments: [String]) -> WorkerExecutable {
        WorkerExecutable(executable: URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath(), arguments: arguments)
    }
}

/// One speech worker process and its two pipes. Used by one thread at a time (its supervisor's lock).
final class SpeechWorkerConnection {
    /// What one request came to.
    enum Outcome {
        case spoken(SpeechOutput)
        /// The worker answered with an error (e.g. a voice it does not have): not a crash.
        case refused(EcouterError)
        /// The worker died or stopped answering; it is gone, `how` says in what way.
        case died(how: String)
    }

    private let process = Process()
    private let requests: FileHandle
    private var replies: PipeReader
    private var started: Result<Int, EcouterError>?
    private var closed = false

    /// How long one sentence may take before the worker is taken for hung and killed.
    static let sentenceTimeout: Int32 = 60_000
    /// More samples than any one sentence gives (25 minutes at 22050 Hz): a worker claiming more
    /// is talking nonsense, and is not believed with memory.
    static let maximumSamples = 1 << 25

    /// Starts the process; it loads its engine while the caller does other work.
    init(_ worker: WorkerExecutable) throws(EcouterError) {
        let stdin = Pipe(), stdout = Pipe()
        process.executableURL = worker.executable
        process.arguments = worker.arguments
        process.standardInput = stdin
        process.standardOutput = stdout
        // libespeak-ng's own last words ("*** stack smashing detected ***") would break the command's
        // one-line errors; the supervisor reports the crash itself.
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            throw EcouterError(.engine, "cannot start the speech worker \(worker.executable.path): \(error)")
        }
        requests = stdin.fileHandleForWriting
        replies = PipeReader(fileDescriptor: stdout.fileHandleForReading.fileDescriptor, timeoutMilliseconds: Self.sentenceTimeout)
        try? stdin.fileHandleForReading.close()
        try? stdout.fileHandleForWriting.close()
    }

    deinit { close() }

    /// The worker's sample rate, once its engine is up (waits for its first line).
    ///
    /// - Throws: ``EcouterError/Code/engine`` when its engine cannot start or the worker dies first.
    func sampleRate() throws(EcouterError) -> Int {
        if let started { return try started.get() }
        let result: Result<Int, EcouterError>
        if let line = replies.readLine(), let hello = SpeechWorkerProtocol.decode(SpeechWorkerProtocol.Hello.self, from: line) {
            if let rate = hello.sampleRate, rate > 0 {
                result = .success(rate)
            } else {
                let failure = hello.error ?? .init(code: "engine", message: "the speech worker's engine did not start")
                result = .failure(EcouterError(EcouterError.Code(failure.code), failure.message))
            }
        } else {
            result = .failure(EcouterError(.engine, "the speech worker \(stop()) before its engine started"))
        }
        started = result
        return try result.get()
    }

    /// Speaks one sentence.
    func speak(_ text: String, voice: VoiceParameters) -> Outcome {
        do throws(EcouterError) { _ = try sampleRate() } catch { return .refused(error) }
        guard writeAll(requests.fileDescriptor, SpeechWorkerProtocol.line(SpeechWorkerProtocol.Request(text: text, voice: voice))) else {
            return .died(how: stop())
        }
        guard let line = replies.readLine(), let reply = SpeechWorkerProtocol.decode(SpeechWorkerProtocol.Reply.self, from: line) else {
            return .died(how: stop())
        }
        if let failure = reply.error {
            return .refused(EcouterError(EcouterError.Code(failure.code), failure.message))
        }
        guard let count = reply.samples, (0...Self.maximumSamples).contains(count),
              let marks = SpeechWorkerProtocol.decode(marks: reply.marks ?? [], sampleCount: count),
              let bytes = replies.read(count: 2 * count)
        else {
            return .died(how: stop())
        }
        return .spoken(SpeechOutput(samples: [Int16](littleEndianBytes: bytes), marks: marks))
    }

    /// Ends the process (it is dead, hung or talking nonsense), reaps it, and says how it ended.
    private func stop() -> String {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        close()
        return process.terminationReason == .uncaughtSignal
            ? "was killed by signal \(process.terminationStatus)"
            : "exited with status \(process.terminationStatus)"
    }

    /// Closes the worker's input, so it exits, and reaps it.
    func close() {
        guard !closed else { return }
        closed = true
        try? requests.close()
        process.waitUntilExit()
    }
}
