// SPDX-License-Identifier: GPL-3.0-or-later
import AsyncHTTPClient
public import Foundation
package import NIOCore
package import NIOHTTP1
import NIOHTTPCompression
import Synchronization

/// Limits for fetching a feed or an article over HTTP(S).
public struct FetchLimits: Sendable, Equatable {
    /// Seconds for the whole exchange, redirects included.
    public var timeout: Double
    /// Bodies larger than this are cut off with an error.
    public var maximumBytes: Int
    /// Redirects followed before giving up (a loop ends here).
    public var maximumRedirects: Int

    /// Limits: 20 s, 16 MiB and 5 redirects by default.
    public init(timeout: Double = 20, maximumBytes: Int = 16 << 20, maximumRedirects: Int = 5) {
        self.timeout = timeout
        self.maximumBytes = maximumBytes
        self.maximumRedirects = maximumRedirects
    }

    /// Timeouts accepted, in seconds: beyond an hour a fetch is stuck, and far beyond, the
    /// deadline's arithmetic (`DispatchTime + 1e19`) would trap.
    public static let timeoutRange: ClosedRange<Double> = 0.001...3600
    /// Body sizes accepted: 1 byte to 1 GiB (the body is held in memory).
    public static let maximumBytesRange: ClosedRange<Int> = 1...(1 << 30)
    /// Redirects accepted.
    public static let maximumRedirectsRange: ClosedRange<Int> = 0...20

    /// Checks every limit against its range (NaN and infinity included).
    /// - Throws: ``FeedError/Code/usage`` naming the limit and its range.
    public func validate() throws(FeedError) {
        guard Self.timeoutRange.contains(timeout) else {
            throw FeedError(.usage, "a fetch timeout is 0.001 to \(Int(Self.timeoutRange.upperBound)) seconds, not \(timeout)")
        }
        guard Self.maximumBytesRange.contains(maximumBytes) else {
            throw FeedError(.usage, "a fetch size limit is 1 byte to 1 GiB, not \(maximumBytes) bytes")
        }
        guard Self.maximumRedirectsRange.contains(maximumRedirects) else {
            throw FeedError(.usage, "at most \(Self.maximumRedirectsRange.upperBound) redirects are followed, not \(maximumRedirects)")
        }
    }
}

/// A fetched body.
public struct FetchedResource: Sendable {
    /// The body.
    public var bytes: [UInt8]
    /// The URL after redirects.
    public var url: URL
    /// The `Content-Type` header, if any.
    public var contentType: String?
}

/// Fetches http(s) URLs with AsyncHTTPClient (swift-nio), enforcing ``FetchLimits`` as bytes arrive.
///
/// Redirects are followed here, one hop at a time, so each target's scheme is checked before it is
/// requested. (Foundation's `URLSession` was dropped: on Linux its redirect callback races its own
/// request timer and any cancel, and the loser traps inside FoundationNetworking, "Received
/// callback for HTTP redirection, but we're not waiting for it", taking the process down.)
///
/// The whole exchange, redirects included, runs on the client's event loop as chained futures, and
/// the deadline is its timer: the outcome never depends on when Swift's cooperative pool gets round
/// to resuming a task (when the whole test suite runs, that can take tens of seconds).
public struct HTTPFetcher: Sendable {
    /// Time, size and redirect limits.
    public var limits: FetchLimits

    /// A fetcher with these limits.
    public init(limits: FetchLimits = FetchLimits()) {
        self.limits = limits
    }

    /// GETs `url`.
    ///
    /// - Throws: ``FeedError`` `.usage` (not http or https, limits out of range), `.http` (status outside 200–299),
    ///   `.timeout`, `.redirect` (too many, or to another scheme), `.tooLarge`, `.network`.
    public func fetch(_ url: URL) async throws(FeedError) -> FetchedResource {
        try limits.validate()
        guard HTTPHop.isHTTP(url) else {
            throw FeedError(.usage, "only http and https URLs are fetched, not \(url.absoluteString)")
        }
        let deadline = NIODeadline.now() + .nanoseconds(Int64(limits.timeout * 1e9))
        do {
            return try await follow(url, original: url, redirects: 0, deadline: deadline).get()
        } catch let error as FeedError {
            throw error
        } catch {
            throw Self.describe(error, url: url, limits: limits)
        }
    }

    /// One hop, then the next one if it is a redirect, all on the event loop.
    private func follow(_ url: URL, original: URL, redirects: Int, deadline: NIODeadline) -> EventLoopFuture<FetchedResource> {
        let limits = limits
        let headers = [("User-Agent", "ecouter (feed reader)"), ("Accept", "*/*")]
        return HTTPHop.get(url, headers: headers, maxBytes: limits.maximumBytes, deadline: deadline).flatMap { answer in
            let loop = HTTPHop.eventLoop
            if answer.isRedirect {
                guard redirects < limits.maximumRedirects else {
                    return loop.makeFailedFuture(FeedError(.redirect, "more than \(limits.maximumRedirects) redirects fetching \(original.absoluteString) (a redirect loop?)"))
                }
                guard let location = answer.headers.first(name: "Location"), let next = URL(string: location, relativeTo: url)?.absoluteURL else {
                    return loop.makeFailedFuture(FeedError(.redirect, "\(original.absoluteString) answered HTTP \(answer.status) without a usable Location"))
                }
                guard HTTPHop.isHTTP(next) else {
                    return loop.makeFailedFuture(FeedError(.redirect, "\(original.absoluteString) redirects to a non-http URL"))
                }
                return follow(next, original: original, redirects: redirects + 1, deadline: deadline)
            }
            if answer.tooLarge {
                return loop.makeFailedFuture(FeedError(.tooLarge, "\(original.absoluteString) sent more than \(limits.maximumBytes) bytes (decoded)"))
            }
            guard (200...299).contains(answer.status) else {
                return loop.makeFailedFuture(FeedError(.http, "\(original.absoluteString) answered HTTP \(answer.status)"))
            }
            return loop.makeSucceededFuture(FetchedResource(bytes: answer.body, url: url, contentType: answer.headers.first(name: "Content-Type")))
        }
    }

    private static func describe(_ error: any Error, url: URL, limits: FetchLimits) -> FeedError {
        if let client = error as? HTTPClientError,
            client == .deadlineExceeded || client == .readTimeout || client == .connectTimeout
        {
            return FeedError(.timeout, "no complete answer from \(url.absoluteString) within \(seconds(limits.timeout))")
        }
        if error is CancellationError || (error as? HTTPClientError) == .cancelled {
            return FeedError(.network, "fetching \(url.absoluteString) was cancelled")
        }
        return FeedError(.network, "cannot fetch \(url.absoluteString): \(String(describing: error))")
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}

/// One HTTP GET, no redirect followed, its body kept up to a size (decoded), done by a deadline:
/// the primitive under ``HTTPFetcher`` and the server's article fetcher (package access).
package enum HTTPHop {
    /// What a server answered.
    package struct Answer: Sendable {
        package var status: Int
        package var headers: HTTPHeaders
        package var body: [UInt8]
        /// The body (declared or decoded) passed the size limit; `body` is then incomplete.
        package var tooLarge: Bool

        /// A redirect status the fetchers follow (300, 304 and 305 are not redirects to follow).
        package var isRedirect: Bool { [301, 302, 303, 307, 308].contains(status) }
    }

    /// The event loop every hop runs on (one is plenty for fetching).
    static let eventLoop = HTTPClient.defaultEventLoopGroup.next()

    package static func isHTTP(_ url: URL) -> Bool {
        guard let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else { return false }
        return scheme == "http" || scheme == "https"
    }

    /// GETs `url`; fails with AsyncHTTPClient's errors (`.deadlineExceeded` at the deadline).
    package static func get(_ url: URL, headers: [(String, String)], maxBytes: Int, deadline: NIODeadline) -> EventLoopFuture<Answer> {
        let request: HTTPClient.Request
        do {
            var fields = HTTPHeaders(headers)
            fields.replaceOrAdd(name: "Accept-Encoding", value: "gzip, deflate")
            request = try HTTPClient.Request(url: url.absoluteString, method: .GET, headers: fields)
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
        let collector = BoundedBody(maxBytes: maxBytes)
        let task = client(decodedLimit: maxBytes).execute(
            request: request, delegate: collector, eventLoop: .delegateAndChannel(on: eventLoop), deadline: deadline)
        return task.futureResult.flatMapErrorThrowing { error in
            // Cut off past the limit (by us, or by the decoder for a compression bomb).
            if collector.tooLarge { return collector.answer }
            if let decompression = error as? NIOHTTPDecompression.DecompressionError, case .limit = decompression {
                var answer = collector.answer
                answer.tooLarge = true
                return answer
            }
            throw error
        }
    }

    private static let clients = Mutex<[Int: HTTPClient]>([:])

    /// One client per decoded-size limit, for the life of the process (a client owns a connection
    /// pool and must be shut down before it goes; a process uses a handful of limits). It follows no
    /// redirect, undoes gzip and deflate (failing past `decodedLimit`), and does not retry a
    /// refused connection (that is an answer: `.network` at once).
    private static func client(decodedLimit: Int) -> HTTPClient {
        clients.withLock { table in
            if let existing = table[decodedLimit] { return existing }
            var configuration = HTTPClient.Configuration(
                redirectConfiguration: .disallow,
                decompression: .enabled(limit: .size(decodedLimit)))
            configuration.connectionPool = .init(idleTimeout: .seconds(30))
            configuration.connectionPool.retryConnectionEstablishment = false
            let made = HTTPClient(eventLoopGroupProvider: .shared(eventLoop), configuration: configuration)
            table[decodedLimit] = made
            return made
        }
    }
}

/// Keeps a response's head and its body up to `maxBytes`, cancelling the request past it.
/// AsyncHTTPClient calls it on the request's event loop and the fetch reads it from a future's
/// callback; the lock is uncontended and makes that sharing checked rather than promised.
private final class BoundedBody: HTTPClientResponseDelegate, Sendable {
    typealias Response = HTTPHop.Answer
    private let maxBytes: Int
    private let state = Mutex(HTTPHop.Answer(status: 0, headers: [:], body: [], tooLarge: false))
    var answer: HTTPHop.Answer { state.withLock { $0 } }
    var tooLarge: Bool { state.withLock { $0.tooLarge } }

    init(maxBytes: Int) { self.maxBytes = maxBytes }

    func didReceiveHead(task: HTTPClient.Task<Response>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
        let refused = state.withLock { answer in
            answer.status = Int(head.status.code)
            answer.headers = head.headers
            guard !answer.isRedirect, let length = head.headers.first(name: "Content-Length").flatMap(Int.init), length > maxBytes
            else { return false }
            answer.tooLarge = true
            return true
        }
        if refused { task.cancel() }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didReceiveBodyPart(task: HTTPClient.Task<Response>, _ buffer: ByteBuffer) -> EventLoopFuture<Void> {
        let refused = state.withLock { answer in
            guard !answer.tooLarge else { return false }
            guard answer.body.count + buffer.readableBytes <= maxBytes else {
                answer.tooLarge = true
                return true
            }
            answer.body.append(contentsOf: buffer.readableBytesView)
            return false
        }
        if refused { task.cancel() }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didFinishRequest(task: HTTPClient.Task<Response>) throws -> Response { answer }
}
