// SPDX-License-Identifier: GPL-3.0-or-later
import Dispatch
import Synchronization

/// A first-in first-out queue that a thread of its own waits on: the one hand-over between a
/// producer and a dedicated thread (the engine's executor, the audio encoder).
///
/// `pop()` blocks until an element or the end is there; after ``close()`` the elements pushed
/// before are still handed out, then `pop()` returns nil once. Taking from the front is O(1)
/// amortized: the consumed prefix is dropped only when it is the larger half of the storage.
package final class BlockingFIFO<Element: Sendable>: Sendable {
    private struct State {
        var items: [Element] = []
        var head = 0
        var closed = false
    }

    private let state = Mutex(State())
    /// One signal per element pushed, and one for the end.
    private let available = DispatchSemaphore(value: 0)

    package init() {}

    package func push(_ element: Element) {
        state.withLock { $0.items.append(element) }
        available.signal()
    }

    /// No more elements will come: the consumer's `pop()` returns nil after the last one.
    package func close() {
        state.withLock { $0.closed = true }
        available.signal()
    }

    /// The next element, waiting for it; nil once the queue is closed and empty.
    package func pop() -> Element? {
        while true {
            available.wait()
            // nil: a signal with nothing to take and no end yet (cannot happen with one
            // consumer, but costs nothing to tolerate); .some(nil): the end.
            let next: Element?? = state.withLock { state in
                guard state.head < state.items.count else { return state.closed ? .some(nil) : nil }
                let element = state.items[state.head]
                state.head += 1
                if state.head > 64, state.head * 2 > state.items.count {
                    state.items.removeFirst(state.head)
                    state.head = 0
                }
                return .some(element)
            }
            if let next { return next }
        }
    }
}
