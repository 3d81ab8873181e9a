// SPDX-License-Identifier: GPL-3.0-or-later
import Hummingbird
import NIOCore
import Synchronization

/// Tells a request that its client has gone: the connection's input ended (EOF) or the
/// connection closed, seen at the socket, not in the HTTP request stream.
///
/// Hummingbird's own `consumeWithCancellationOnInboundClose` watches the request-part stream, which
/// also ends after a request that says `Connection: close`: good requests were cancelled. This
/// watches the channel instead. A client that half-closes its side after the request is taken for
/// gone too (TCP cannot tell a half-close from a close until the server writes; nginx and Go's
/// net/http judge the same way).
final class HangUpSignal: Sendable {
    private struct State {
        var fired = false
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
        var next = 0
    }
    private let state = Mutex(State())

    /// Marks the client gone and wakes every waiter; later calls do nothing.
    func fire() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            guard !state.fired else { return [] }
            state.fired = true
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    var hasFired: Bool { state.withLock { $0.fired } }

    /// Returns once the client has gone, or when the calling task is cancelled.
    func wait() async {
        let ticket = state.withLock { state -> Int in
            state.next += 1
            return state.next
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.fired || Task.isCancelled { return true }
                    state.waiters[ticket] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { $0.waiters.removeValue(forKey: ticket) }
            waiter?.resume()
        }
    }

    /// `operation`'s result; if the client goes first, the operation is cancelled and this throws
    /// `CancellationError` (the answer would reach nobody).
    func cancellingOnHangUp<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                await self.wait()
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw CancellationError() }
            return value
        }
    }
}

/// The channel handler that fires a connection's ``HangUpSignal`` (one per connection, placed after
/// the HTTP codec; it passes everything on unchanged).
final class HangUpHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny
    let signal = HangUpSignal()

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, case .inputClosed = event { signal.fire() }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        signal.fire()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.fireChannelRead(data)
    }
}

/// The server's request context: Hummingbird's basic one plus the connection, so that a route can
/// find its ``HangUpSignal``.
struct ServerContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }

    /// This connection's signal; a signal that never fires when the handler is missing.
    func hangUp() async -> HangUpSignal {
        (try? await channel.pipeline.handler(type: HangUpHandler.self).map { $0.signal }.get()) ?? HangUpSignal()
    }
}
