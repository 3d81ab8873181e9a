// SPDX-License-Identifier: GPL-3.0-or-later
import Hummingbird

/// Decides when renderings run: identical requests share one rendering (single flight), at most
/// `jobs` run at once, at most `queueLimit` wait for a slot, and beyond that a new rendering is
/// refused with 503 and `Retry-After` at once (a joined rendering never is: it costs nothing).
///
/// A rendering is cancelled when every request waiting for it has gone (its client disconnected),
/// and not before: one impatient client does not stop the audio another is waiting for.
actor RenderScheduler {
    private final class Flight {
        let task: Task<AudioCache.Entry, any Error>
        var waiters = 1
        init(task: Task<AudioCache.Entry, any Error>) { self.task = task }
    }

    private let jobs: Int
    private let queueLimit: Int
    private let metrics: ServerMetrics
    private var flights: [String: Flight] = [:]
    private var running = 0
    private var waiting: [(ticket: Int, continuation: CheckedContinuation<Void, any Error>)] = []
    private var nextTicket = 0

    init(jobs: Int, queueLimit: Int, metrics: ServerMetrics) {
        self.jobs = jobs
        self.queueLimit = queueLimit
        self.metrics = metrics
    }

    /// Renderings waiting for a slot.
    var queueLength: Int { waiting.count }

    /// Runs `work` for `id`, or joins the rendering of `id` already under way.
    /// - Returns: the entry, and whether this request joined another's rendering.
    func render(id: String, work: @escaping @Sendable () async throws -> AudioCache.Entry) async throws -> (AudioCache.Entry, joined: Bool) {
        let flight: Flight
        let joined: Bool
        if let existing = flights[id] {
            existing.waiters += 1
            flight = existing
            joined = true
        } else {
            if running >= jobs && waiting.count >= queueLimit {
                metrics.rejected.increment()
                throw APIError(
                    .serviceUnavailable, "busy", "every synthesis slot and queue place is taken; retry shortly",
                    headers: [.retryAfter: "5"])
            }
            flight = Flight(task: Task {
                try await self.acquireSlot()
                defer { Task { self.releaseSlot() } }
                try Task.checkCancellation()
                return try await work()
            })
            flights[id] = flight
            joined = false
        }
        let task = flight.task
        do {
            let entry = try await withTaskCancellationHandler {
                try await task.value
            } onCancel: {
                Task { await self.leave(id, flight: task) }
            }
            finish(id, task: task)
            return (entry, joined)
        } catch {
            finish(id, task: task)
            throw error
        }
    }

    /// A waiter's request was cancelled: the rendering stops if nobody else waits for it.
    private func leave(_ id: String, flight task: Task<AudioCache.Entry, any Error>) {
        guard let flight = flights[id], flight.task == task else { return }
        flight.waiters -= 1
        if flight.waiters <= 0 {
            flights[id] = nil
            metrics.renderingsCancelled.increment()
            task.cancel()
        }
    }

    private func finish(_ id: String, task: Task<AudioCache.Entry, any Error>) {
        if let flight = flights[id], flight.task == task { flights[id] = nil }
    }

    private func acquireSlot() async throws {
        if running < jobs {
            running += 1
            return
        }
        nextTicket += 1
        let ticket = nextTicket
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                waiting.append((ticket, continuation))
                metrics.queueLength.set(Double(waiting.count))
            }
        } onCancel: {
            Task { await self.abandon(ticket) }
        }
    }

    private func abandon(_ ticket: Int) {
        guard let index = waiting.firstIndex(where: { $0.ticket == ticket }) else { return }
        let waiter = waiting.remove(at: index)
        metrics.queueLength.set(Double(waiting.count))
        waiter.continuation.resume(throwing: CancellationError())
    }

    private func releaseSlot() {
        if waiting.isEmpty {
            running -= 1
        } else {
            // The slot passes straight to the oldest waiter.
            let next = waiting.removeFirst()
            metrics.queueLength.set(Double(waiting.count))
            next.continuation.resume()
        }
    }
}
