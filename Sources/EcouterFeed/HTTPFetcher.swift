// SPDX-License-Identifier: GPL-3.0-or-later
import AsyncHTTPClient
import Foundation
import NIOCore
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
        guard Self.isHTTP(url) else {
            throw FeedError(.usage, "only http and https URLs are fetched, not \(url.absoluteString)")
        }
        let deadline = NIODeadline.now() + .nanoseconds(Int64(limits.timeout * 1e9))
        var current = url
        var redirects = 0
        while true {
            switch try await exchange(current, original: url, deadline: deadline) {
            case .body(let resource):
                return resource
            case .redirect(let status, let location):
                redirects += 1
                guard redirects <= limits.maximumRedirects else {
                    throw FeedError(.redirect, "more than \(limits.maximumRedirects) redirects fetching \(url.absoluteString) (a redirect loop?)")
                }
                guard let location, let next = URL(string: location, relativeTo: current)?.absoluteURL else {
                    throw FeedError(.redirect, "\(url.absoluteString) answered HTTP \(status) without a usable Location")
                }
                guard Self.isHTTP(next) else {
                    throw FeedError(.redirect, "\(url.absoluteString) redirects to a non-http URL")
                }
                current = next
            }
        }
    }

    private static func isHTTP(_ url: URL) -> Bool {
        guard let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else { return false }
        return scheme == "http" || scheme == "https"
    }

    private enum Answer {
        case body(FetchedResource)
        case redirect(status: Int, location: String?)
    }

    /// One request, no redirect followed, bounded by `deadline` from start to last byte
    /// (AsyncHTTPClient's own deadline ends with the response head, not its body).
    private func exchange(_ url: URL, original: URL, deadline: NIODeadline) async throws(FeedError) -> Answer {
        let limits = limits
        do {
            return try await SharedHTTPClients.within(deadline) { try await Self.request(url, original: original, limits: limits, deadline: deadline) }
        } catch let error as FeedError {
            throw error
        } catch {
            throw Self.describe(error, url: original, limits: limits, deadline: deadline)
        }
    }

    private static func request(_ url: URL, original: URL, limits: FetchLimits, deadline: NIODeadline) async throws -> Answer {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.headers.add(name: "User-Agent", value: "ecouter (feed reader)")
        request.headers.add(name: "Accept", value: "*/*")
        request.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
        let response = try await SharedHTTPClients.client(decodedLimit: limits.maximumBytes).execute(request, deadline: deadline)
        let status = Int(response.status.code)
        if [301, 302, 303, 307, 308].contains(status) {
            return .redirect(status: status, location: response.headers.first(name: "Location"))
        }
        guard (200...299).contains(status) else {
            throw FeedError(.http, "\(original.absoluteString) answered HTTP \(status)")
        }
        if let length = response.headers.first(name: "Content-Length").flatMap(Int.init), length > limits.maximumBytes {
            throw FeedError(.tooLarge, "\(original.absoluteString) is \(length) bytes, over the limit of \(limits.maximumBytes)")
        }
        // Bodies arrive decoded (gzip and deflate are undone as they come), so the limit bounds the
        // decoded size; the decoder itself also stops past it, so a compression bomb never expands
        // in memory.
        var bytes: [UInt8] = []
        for try await chunk in response.body {
            guard bytes.count + chunk.readableBytes <= limits.maximumBytes else {
                throw FeedError(.tooLarge, "\(original.absoluteString) sent more than \(limits.maximumBytes) bytes (decoded)")
            }
            bytes.append(contentsOf: chunk.readableBytesView)
        }
        return .body(FetchedResource(bytes: bytes, url: url, contentType: response.headers.first(name: "Content-Type")))
    }

    private static func describe(_ error: any Error, url: URL, limits: FetchLimits, deadline: NIODeadline) -> FeedError {
        if let decompression = error as? NIOHTTPDecompression.DecompressionError, case .limit = decompression {
            return FeedError(.tooLarge, "\(url.absoluteString) sent more than \(limits.maximumBytes) bytes (decoded)")
        }
        if let client = error as? HTTPClientError,
            client == .deadlineExceeded || client == .readTimeout || client == .connectTimeout
        {
            return FeedError(.timeout, "no complete answer from \(url.absoluteString) within \(seconds(limits.timeout))")
        }
        if error is SharedHTTPClients.DeadlinePassed || NIODeadline.now() >= deadline {
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

/// One HTTP client per decoded-size limit, for the life of the process (a client owns a connection
/// pool and must be shut down before it goes, which a value type's `fetch` cannot await on every
/// path; a process uses a handful of limits). Shared with the server's article fetcher.
package enum SharedHTTPClients {
    private static let table = Mutex<[Int: HTTPClient]>([:])

    /// A client that follows no redirect and undoes gzip and deflate, failing past `decodedLimit` bytes.
    package static func client(decodedLimit: Int) -> HTTPClient {
        table.withLock { table in
            if let existing = table[decodedLimit] { return existing }
            var configuration = HTTPClient.Configuration(
                redirectConfiguration: .disallow,
                decompression: .enabled(limit: .size(decodedLimit)))
            configuration.connectionPool = .init(idleTimeout: .seconds(30))
            // A refused connection is an answer (`.network` at once), not something to retry
            // with backoff until the deadline.
            configuration.connectionPool.retryConnectionEstablishment = false
            let made = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            table[decodedLimit] = made
            return made
        }
    }

    package struct DeadlinePassed: Error {}

    /// `operation`'s result, or ``DeadlinePassed`` once `deadline` comes first (the operation is cancelled).
    package static func within<T: Sendable>(_ deadline: NIODeadline, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                let remaining = max(0, (deadline - .now()).nanoseconds)
                try await Task.sleep(nanoseconds: UInt64(remaining))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw DeadlinePassed() }
            return value
        }
    }

}
