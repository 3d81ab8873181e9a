// SPDX-License-Identifier: GPL-3.0-or-later
import Synchronization

extension WorkerExecutable {
    /// Starts a speech worker from this executable now, before any reader needs one; the next
    /// ``ArticleReader`` with ``Synthesis/isolated(_:)`` of the same executable takes it over.
    ///
    /// For a program that knows, as soon as it starts, that it is going to speak: the worker loads
    /// libespeak-ng and its voice (some 10 ms) while the program parses its options, builds its
    /// normalizer and cleans the input, instead of after. A worker never taken over exits with the
    /// program (its input pipe closes). A start failure is not reported here: the reader that needs a
    /// worker starts one itself and reports it.
    public func prestart() {
        guard let connection = try? SpeechWorkerConnection(self) else { return }
        WarmWorkers.park(ParkedWorker(executable: self, connection: connection))
    }
}

/// Workers started by ``WorkerExecutable/prestart()`` and not taken yet.
enum WarmWorkers {
    private static let parked = Mutex<[ParkedWorker]>([])

    static func park(_ worker: ParkedWorker) {
        parked.withLock { $0.append(worker) }
    }

    /// A parked worker of `executable`, handed over once; nil when there is none.
    static func take(_ executable: WorkerExecutable) -> SpeechWorkerConnection? {
        let found = parked.withLock { list -> ParkedWorker? in
            guard let index = list.firstIndex(where: { $0.executable == executable }) else { return nil }
            return list.remove(at: index)
        }
        return found?.connection
    }
}

/// A started worker waiting for its supervisor. `@unchecked Sendable`: the connection is not
/// thread-safe, but it is used by no one while parked and by its one supervisor after ``WarmWorkers/take(_:)``
/// removed it from the list under the lock, so it is never shared.
final class ParkedWorker: @unchecked Sendable {
    let executable: WorkerExecutable
    let connection: SpeechWorkerConnection

    init(executable: WorkerExecutable, connection: SpeechWorkerConnection) {
        self.executable = executable
        self.connection = connection
    }
}
