// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import Foundation

/// Speaks each job in a child process, so N jobs use N eSpeak NG engines on N cores.
///
/// The child is `executable arguments...`; it reads one JSON job on standard input and answers one
/// JSON reply on standard output — what ``FeedWorker/handle(_:reader:)`` does. The `ecouter` command
/// passes its own binary (`/proc/self/exe`) and `feed-worker` plus its voice flags. A process per job
/// costs a few tens of milliseconds (start-up and voice loading), small against seconds of synthesis,
/// and it isolates failures: a crash in the engine fails one item, not the run.
public struct WorkerProcessRenderer: ItemRenderer {
    public var executable: URL
    public var arguments: [String]

    public init(executable: URL, arguments: [String]) {
        self.executable = executable
        self.arguments = arguments
    }

    public func render(_ job: RenderJob) async throws(EcouterError) -> AudioSummary {
        let request: Data
        do { request = try JSONEncoder().encode(WorkerRequest(job)) } catch {
            throw EcouterError(.input, "cannot encode the job: \(error)")
        }
        let child = ChildProcess(executable: executable, arguments: arguments)
        let result: Result<Data, EcouterError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                // Blocking pipe I/O and waiting run on a Dispatch thread, off Swift's cooperative pool.
                DispatchQueue.global().async { continuation.resume(returning: child.run(input: request)) }
            }
        } onCancel: {
            child.terminate()
        }
        let output = try result.get()
        guard let reply = try? JSONDecoder().decode(WorkerReply.self, from: output) else {
            throw EcouterError(.engine, "the worker process gave no answer")
        }
        if let s = reply.summary {
            return AudioSummary(duration: s.duration, bytes: s.bytes, sampleCount: s.sampleCount, sentences: s.sentences)
        }
        let failure = reply.error ?? .init(code: "engine", message: "the worker process failed")
        throw EcouterError(EcouterError.Code(failure.code), failure.message)
    }
}

/// A child process fed on standard input, read on standard output; stderr is discarded.
private final class ChildProcess: @unchecked Sendable {
    private let lock = NSLock()
    private let process = Process()
    private var terminated = false

    init(executable: URL, arguments: [String]) {
        process.executableURL = executable
        process.arguments = arguments
    }

    func terminate() {
        lock.withLock {
            terminated = true
            if process.isRunning { process.terminate() }
        }
    }

    func run(input: Data) -> Result<Data, EcouterError> {
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        do {
            try lock.withLock {
                if terminated { throw EcouterError(.cancelled, "reading was cancelled") }
                try process.run()
            }
        } catch let error as EcouterError {
            return .failure(error)
        } catch {
            return .failure(EcouterError(.engine, "cannot start the worker \(process.executableURL?.path ?? "?"): \(error)"))
        }
        // The request is small (one article), so writing it all before reading cannot deadlock:
        // the worker reads all of its input before it writes anything.
        stdin.fileHandleForWriting.write(input)
        try? stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if lock.withLock({ terminated }) { return .failure(EcouterError(.cancelled, "reading was cancelled")) }
        if process.terminationReason == .uncaughtSignal {
            return .failure(EcouterError(.engine, "the worker process died (signal \(process.terminationStatus))"))
        }
        if output.isEmpty {
            return .failure(EcouterError(.engine, "the worker process exited with status \(process.terminationStatus) and no answer"))
        }
        return .success(output)
    }
}
