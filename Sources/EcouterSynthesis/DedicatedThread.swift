// SPDX-License-Identifier: GPL-3.0-or-later
import Dispatch
import EcouterCore
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A serial executor that runs everything on one thread of its own.
///
/// For actors whose work blocks: libespeak-ng's synthesis (``SpeechEngine``), or waiting on a worker
/// process's pipe. Their jobs then never occupy Swift's small cooperative pool, and a C library with
/// global state is only ever entered from one thread. As GRDB's `DispatchQueueActor` does with a
/// queue, an actor adopts it by returning ``asUnownedSerialExecutor()`` from `unownedExecutor`.
///
/// The thread ends when the executor is released (its actor is gone, so no job can be pending).
package final class DedicatedThread: SerialExecutor {
    private let queue = WorkQueue()

    private let name: String

    /// Starts the thread; `name` is what a failed isolation check reports.
    ///
    /// A bare pthread rather than Foundation's `Thread`: the speech worker executable links this
    /// module, and loading Foundation would double its start-up time.
    package init(name: String) {
        self.name = name
        let queue = self.queue
        let started = DispatchSemaphore(value: 0)
        let start = ThreadStart {
            queue.markCurrent()
            started.signal()
            queue.run()
        }
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { context in
            let start = Unmanaged<ThreadStart>.fromOpaque(context!).takeRetainedValue()
            start.body()
            return nil
        }, Unmanaged.passRetained(start).toOpaque())
        precondition(status == 0, "cannot start the \(name) thread (pthread_create: \(status))")
        pthread_detach(thread)
        started.wait()  // so `isCurrent` knows the thread from the start
    }

    deinit { queue.stop() }

    package func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedSerialExecutor()
        queue.push { job.runSynchronously(on: executor) }
    }

    package func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }

    /// True on this executor's thread: what `assumeIsolated` asks when no task is running.
    package var isCurrent: Bool {
        guard let thread = queue.thread else { return false }
        return pthread_equal(thread, pthread_self()) != 0
    }

    package func checkIsolated() {
        precondition(isCurrent, "not on the \(name) thread")
    }

    package func isIsolatingCurrentContext() -> Bool? { isCurrent }

    /// Runs `body` on the thread and waits for it: the bridge for synchronous callers. Calling it
    /// from the thread itself would wait for ever, so that is a programming error.
    package func runAndWait<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T {
        precondition(!isCurrent, "runAndWait called on its own thread")
        let slot = Slot<T>()
        let done = DispatchSemaphore(value: 0)
        queue.push {
            slot.value.withLock { $0 = body() }
            done.signal()
        }
        done.wait()
        return slot.value.withLock { $0! }
    }
}

/// What a new thread runs, passed through pthread_create's one pointer.
private final class ThreadStart {
    let body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }
}

/// Work items in order, the thread that runs them, and the way to stop it.
private final class WorkQueue: Sendable {
    private let items = BlockingFIFO<@Sendable () -> Void>()
    private let current = Mutex<pthread_t?>(nil)

    var thread: pthread_t? { current.withLock { $0 } }

    func markCurrent() { current.withLock { $0 = pthread_self() } }

    func push(_ item: @escaping @Sendable () -> Void) { items.push(item) }

    func stop() { items.close() }

    /// The thread's loop: one item at a time, until stopped with nothing left to do.
    func run() {
        while let next = items.pop() { next() }
    }
}

/// Where a result waits for the thread that asked for it.
private final class Slot<T: Sendable>: Sendable {
    let value = Mutex<T?>(nil)
}
