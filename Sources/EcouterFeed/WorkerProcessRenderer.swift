// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterCore
public import Ecouter
import EcouterSynthesis
public import Foundation
import Synchronization

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
    public func shutdown() async {
        await pool.shutdown()
    }

    /// The worker writes the job's timings files itself; the summary it sends back carries no
    /// ``AudioSummary/timings`` (they are in the files, and would double the answer's size).
    public func render(_ job: RenderJob) async throws(EcouterError) -> AudioSummary {
        var request: Data
        do { request = try JSONEncoder().encode(WorkerRequest(job)) } catch {
            throw EcouterError(.input, "cannot encode the job: \(error)")
        }
        request.append(0x0A)
        let worker = try pool.take()
        let line = request
        // The exchange blocks on the worker's pipes, on the connection's own thread.
        let result = await withTaskCancellationHandler {
            await worker.exchange(line)
        } onCancel: {
            worker.terminate()
        }
        let answer: Data
        switch result {
        case .success(let data):
            pool.give(back: worker)
            answer = data
        case .failure(let error):
            await worker.close()
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

/// Idle workers, shared by copies of one renderer; releasing it lets every worker exit.
private final class WorkerPool: Sendable {
    private let executable: URL
    private let arguments: [String]
    private let idle = Mutex<[WorkerConnection]>([])

    init(executable: URL, arguments: [String]) {
        self.executable = executable
        self.arguments = arguments
    }

    func take() throws(EcouterError) -> WorkerConnection {
        if let worker = idle.withLock({ $0.popLast() }) { return worker }
        return try WorkerConnection(executable: executable, arguments: arguments)
    }

    func shutdown() async {
        let workers = idle.withLock { idle in defer { idle.removeAll() }; return idle }
        for worker in workers { await worker.close() }
    }

    func give(back worker: WorkerConnection) {
        idle.withLock { $0.append(worker) }
    }
}

/// One worker process and its two pipes; used by one job at a time. An actor on a thread of its
/// own, because reading its answer blocks until the worker has spoken a whole item.
private actor WorkerConnection {
    private let process: ChildProcess
    private var replies: PipeReader
    /// Set once the input is closed, by ``close()`` or by a cancellation (``terminate()``).
    private nonisolated let closed = Mutex(false)
    private nonisolated let thread = DedicatedThread(name: "feed worker")

    nonisolated var unownedExecutor: UnownedSerialExecutor { thread.asUnownedSerialExecutor() }

    /// How long an idle worker told to stop (its input closed) may take to exit before it is killed.
    static let exitTimeout = 30_000

    init(executable: URL, arguments: [String]) throws(EcouterError) {
        do throws(ChildProcessError) {
            process = try ChildProcess(executable: executable.path, arguments: arguments)
        } catch {
            throw EcouterError(.engine, "cannot start the worker \(executable.path): \(error)")
        }
        replies = PipeReader(fileDescriptor: process.output)
    }

    /// Sends one request line, returns the reply line (without its newline).
    func exchange(_ line: Data) -> Result<Data, EcouterError> {
        // Through the package's write loop: a worker that died is EPIPE for this thread, never a
        // SIGPIPE that would end the process (DescriptorWrite blocks it for the write).
        guard process.input >= 0, DescriptorWrite.all(process.input, Array(line)) == nil else { return .failure(died()) }
        guard let reply = replies.readLine() else { return .failure(died()) }
        return .success(Data(reply))
    }

    private func died() -> EcouterError {
        let cancelled = closed.withLock { $0 }
        closed.withLock { $0 = true }
        let termination = process.reap(within: Self.exitTimeout)
        if cancelled, termination == .signalled(SIGTERM) {
            return EcouterError(.cancelled, "reading was cancelled")
        }
        return EcouterError(.engine, "the worker process \(termination) before answering")
    }

    /// Closes the input and reaps the process: it finishes its job, if any, and exits.
    func close() {
        closed.withLock { $0 = true }
        process.reap(within: Self.exitTimeout)
    }

    /// Stops the worker now (the job's task was cancelled); its partial output is its own to remove.
    /// Called while ``exchange(_:)`` is blocked, so it only touches what is safe from any thread.
    nonisolated func terminate() {
        let first = closed.withLock { closed in defer { closed = true }; return !closed }
        if first { process.signal(SIGTERM) }
    }
}
