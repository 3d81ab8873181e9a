// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import Foundation

/// Speaks jobs in worker processes, so N jobs at once use N eSpeak NG engines on N cores.
///
/// A worker is `executable arguments...`: a long-lived child that reads one JSON job per line on
/// standard input and answers one JSON line on standard output, until its input closes — what
/// ``FeedWorker/serve(reader:readLine:writeLine:)`` does. The `ecouter` command passes its own binary
/// (`/proc/self/exe`) with `feed-worker` and its voice flags. Workers are started on demand (as many
/// as jobs run at once) and reused, so start-up and voice loading are paid once per worker, not per
/// item. A worker that dies fails only the job it had; the next job starts a fresh one. Workers exit
/// when the renderer is released (their input closes) or when this process ends.
public struct WorkerProcessRenderer: ItemRenderer {
    /// The worker program.
    public let executable: URL
    /// Its arguments (e.g. `feed-worker --voice fr-FR`).
    public let arguments: [String]
    private let pool: WorkerPool

    /// Workers are started on first use.
    public init(executable: URL, arguments: [String]) {
        self.executable = executable
        self.arguments = arguments
        self.pool = WorkerPool(executable: executable, arguments: arguments)
    }

    /// Sends the job to an idle worker (starting one if none is idle) and waits for its answer.
    /// Closes every idle worker's input and waits for it to exit. Workers busy with a job are left
    /// to finish it; call this once no job is running. Optional: workers also exit when the
    /// renderer is released or this process ends.
    public func shutdown() {
        pool.shutdown()
    }

    public func render(_ job: RenderJob) async throws(EcouterError) -> AudioSummary {
        var request: Data
        do { request = try JSONEncoder().encode(WorkerRequest(job)) } catch {
            throw EcouterError(.input, "cannot encode the job: \(error)")
        }
        request.append(0x0A)
        let worker = try pool.take()
        let line = request
        let result: Result<Data, EcouterError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                // Blocking pipe I/O runs on a thread of its own: off Swift's cooperative pool, and
                // not on Dispatch's, which synthesis in this process may have filled with waiters.
                Thread.detachNewThread { continuation.resume(returning: worker.exchange(line)) }
            }
        } onCancel: {
            worker.terminate()
        }
        let answer: Data
        switch result {
        case .success(let data):
            pool.give(back: worker)
            answer = data
        case .failure(let error):
            worker.close()
            throw error
        }
        guard let reply = try? JSONDecoder().decode(WorkerReply.self, from: answer) else {
            throw EcouterError(.engine, "the worker process gave an unreadable answer")
        }
        if let s = reply.summary {
            return AudioSummary(duration: s.duration, bytes: s.bytes, sampleCount: s.sampleCount, sentences: s.sentences, warnings: s.warnings ?? [])
        }
        let failure = reply.error ?? .init(code: "engine", message: "the worker process failed")
        throw EcouterError(EcouterError.Code(failure.code), failure.message)
    }
}

/// Idle workers, shared by copies of one renderer; closing it lets every worker exit.
private final class WorkerPool: @unchecked Sendable {
    private let lock = NSLock()
    private let executable: URL
    private let arguments: [String]
    private var idle: [WorkerConnection] = []

    init(executable: URL, arguments: [String]) {
        self.executable = executable
        self.arguments = arguments
    }

    deinit {
        for worker in idle { worker.close() }
    }

    /// Writing to a worker that died raises SIGPIPE, whose default action ends this whole process;
    /// with it ignored the write fails with EPIPE instead and only that item fails. Pipes have no
    /// per-write opt-out (unlike sockets' MSG_NOSIGNAL), so this is set for the process, once.
    private static let ignoreBrokenPipes: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    func take() throws(EcouterError) -> WorkerConnection {
        _ = Self.ignoreBrokenPipes
        if let worker = lock.withLock({ idle.popLast() }) { return worker }
        return try WorkerConnection(executable: executable, arguments: arguments)
    }

    func shutdown() {
        let workers = lock.withLock { defer { idle.removeAll() }; return idle }
        for worker in workers { worker.closeAndWait() }
    }

    func give(back worker: WorkerConnection) {
        lock.withLock { idle.append(worker) }
    }
}

/// One worker process and its two pipes; used by one job at a time.
private final class WorkerConnection: @unchecked Sendable {
    private let process = Process()
    private let input: FileHandle
    private let output: FileHandle
    private var pending: [UInt8] = []
    private let lock = NSLock()
    private var closed = false

    init(executable: URL, arguments: [String]) throws(EcouterError) {
        let stdin = Pipe(), stdout = Pipe()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            throw EcouterError(.engine, "cannot start the worker \(executable.path): \(error)")
        }
        input = stdin.fileHandleForWriting
        output = stdout.fileHandleForReading
    }

    /// Sends one request line, returns the reply line (without its newline).
    func exchange(_ line: Data) -> Result<Data, EcouterError> {
        do { try input.write(contentsOf: line) } catch {
            return .failure(died())
        }
        while true {
            if let newline = pending.firstIndex(of: 0x0A) {
                let reply = Data(pending[..<newline])
                pending.removeSubrange(...newline)
                return .success(reply)
            }
            let chunk = output.availableData  // blocks until data or end of file
            if chunk.isEmpty { return .failure(died()) }
            pending.append(contentsOf: chunk)
        }
    }

    private func died() -> EcouterError {
        close()
        process.waitUntilExit()
        if lock.withLock({ closed && process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM }) {
            return EcouterError(.cancelled, "reading was cancelled")
        }
        let how = process.terminationReason == .uncaughtSignal ? "was killed by signal \(process.terminationStatus)" : "exited with status \(process.terminationStatus)"
        return EcouterError(.engine, "the worker process \(how) before answering")
    }

    /// Closes the worker's input: it finishes its job, if any, and exits.
    func close() {
        lock.withLock {
            guard !closed else { return }
            closed = true
            try? input.close()
        }
    }

    /// Closes the input and reaps the process.
    func closeAndWait() {
        close()
        process.waitUntilExit()
    }

    /// Stops the worker now (the job's task was cancelled); its partial output is its own to remove.
    func terminate() {
        close()
        if process.isRunning { process.terminate() }
    }
}
