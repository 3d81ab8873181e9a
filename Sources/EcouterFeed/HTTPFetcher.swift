// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

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

/// Fetches http(s) URLs with Foundation's `URLSession`, enforcing ``FetchLimits`` as bytes arrive.
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
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw FeedError(.usage, "only http and https URLs are fetched, not \(url.absoluteString)")
        }
        let exchange = Exchange(url: url, limits: limits)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = limits.timeout
        configuration.timeoutIntervalForResource = limits.timeout
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpAdditionalHeaders = ["User-Agent": "ecouter (feed reader)", "Accept": "*/*"]
        let session = URLSession(configuration: configuration, delegate: exchange, delegateQueue: nil)
        defer { session.invalidateAndCancel() }
        var request = URLRequest(url: url)
        request.timeoutInterval = limits.timeout
        let task = session.dataTask(with: request)
        // URLSession's own timeouts are per idle period; this one bounds the whole exchange.
        let result: Result<FetchedResource, FeedError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                exchange.start(task: task, continuation: continuation)
            }
        } onCancel: {
            task.cancel()
        }
        return try result.get()
    }
}

/// One request's state, fed by `URLSession`'s delegate callbacks on its own queue.
private final class Exchange: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private let url: URL
    private let limits: FetchLimits
    private var body: [UInt8] = []
    private var redirects = 0
    private var failure: FeedError?
    private var response: HTTPURLResponse?
    private var continuation: CheckedContinuation<Result<FetchedResource, FeedError>, Never>?
    /// Signalled when the caller has its answer, so the deadline thread ends early.
    private let answered = DispatchSemaphore(value: 0)

    init(url: URL, limits: FetchLimits) {
        self.url = url
        self.limits = limits
    }

    func start(task: URLSessionDataTask, continuation: CheckedContinuation<Result<FetchedResource, FeedError>, Never>) {
        lock.withLock { self.continuation = continuation }
        // The deadline runs on its own thread and answers the caller itself: when the process is
        // busy (Dispatch's pool full of blocked work), neither a Dispatch timer nor URLSession's
        // delegate queue can be relied on to run in time.
        let deadline = limits.timeout
        let answered = self.answered
        Thread.detachNewThread { [weak self, weak task] in
            guard answered.wait(timeout: .now() + deadline) == .timedOut, let self else { return }
            let error = FeedError(.timeout, "no complete answer from \(self.url.absoluteString) within \(Self.seconds(deadline))")
            self.fail(error)
            self.resume(with: .failure(error))
            task?.cancel()
        }
        task.resume()
    }

    /// Answers the caller once; later answers are dropped.
    private func resume(with result: Result<FetchedResource, FeedError>) {
        let continuation = lock.withLock { () -> CheckedContinuation<Result<FetchedResource, FeedError>, Never>? in
            defer { self.continuation = nil }
            return self.continuation
        }
        if let continuation {
            continuation.resume(returning: result)
            answered.signal()
        }
    }

    /// Records the first failure; later ones (the cancellation it causes) are ignored.
    private func fail(_ error: FeedError) {
        lock.withLock { if failure == nil { failure = error } }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        let count = lock.withLock { redirects += 1; return redirects }
        // The Location as the server wrote it: libcurl resolves a scheme it does not follow
        // (`file:///etc/passwd`) as a path on the same server, so the new request looks like http.
        let written = response.value(forHTTPHeaderField: "Location").flatMap(Self.scheme(of:))
        let scheme = written ?? request.url?.scheme?.lowercased()
        if count > limits.maximumRedirects {
            fail(FeedError(.redirect, "more than \(limits.maximumRedirects) redirects fetching \(url.absoluteString) (a redirect loop?)"))
            // Declining the redirect ends the task with the 3xx response, and the failure recorded
            // above is what the caller gets. No `task.cancel()` here: URLSession delivers the
            // completion on its own queue, and a cancel that overtakes it traps inside
            // FoundationNetworking ("Received callback for HTTP redirection, but we're not waiting").
            completionHandler(nil)
        } else if scheme != "http" && scheme != "https" {
            fail(FeedError(.redirect, "\(url.absoluteString) redirects to a non-http URL"))
            completionHandler(nil)  // as above: no cancel
        } else {
            completionHandler(request)
        }
    }

    /// The scheme of an absolute URL reference (RFC 3986: a letter, then letters, digits, + - .,
    /// then a colon), lowercased; nil for a relative reference.
    static func scheme(of reference: String) -> String? {
        let trimmed = reference.drop { $0 == " " || $0 == "\t" }
        guard let colon = trimmed.firstIndex(of: ":") else { return nil }
        let candidate = trimmed[..<colon]
        guard let first = candidate.first, first.isASCII, first.isLetter,
              candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return nil }
        return candidate.lowercased()
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse, completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        guard let http = response as? HTTPURLResponse else {
            completionHandler(.allow)
            return
        }
        lock.withLock { self.response = http }
        if !(200...299).contains(http.statusCode) {
            fail(FeedError(.http, "\(url.absoluteString) answered HTTP \(http.statusCode)"))
            completionHandler(.cancel)
        } else if http.expectedContentLength > Int64(limits.maximumBytes) {
            fail(FeedError(.tooLarge, "\(url.absoluteString) is \(http.expectedContentLength) bytes, over the limit of \(limits.maximumBytes)"))
            completionHandler(.cancel)
        } else {
            completionHandler(.allow)
        }
    }

    /// Bodies arrive decoded (URLSession always lets libcurl undo gzip and deflate), so the limit
    /// bounds the decoded size. Once over it, or once failed, nothing more is kept: a compression
    /// bomb's later chunks, still queued, are dropped as they come.
    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let tooLarge = lock.withLock { () -> Bool in
            guard failure == nil else { return false }
            guard body.count + data.count <= limits.maximumBytes else { return true }
            data.withUnsafeBytes { body.append(contentsOf: $0) }
            return false
        }
        if tooLarge {
            // Answered at once: the cancellation reaches libcurl's thread only later.
            let error = FeedError(.tooLarge, "\(url.absoluteString) sent more than \(limits.maximumBytes) bytes (decoded)")
            fail(error)
            dataTask.cancel()
            resume(with: .failure(error))
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let result = lock.withLock { () -> Result<FetchedResource, FeedError> in
            if let failure {
                return .failure(failure)
            } else if let error {
                return .failure(Self.describe(error, url: url, timeout: limits.timeout))
            }
            // A redirect without a Location never reaches `didReceive response`: URLSession ends the
            // task with that response and an empty body, which once read as an empty feed.
            guard let response = response ?? (task.response as? HTTPURLResponse) else {
                return .failure(FeedError(.network, "\(url.absoluteString) gave no HTTP response"))
            }
            if (300...399).contains(response.statusCode) {
                return .failure(FeedError(.redirect, "\(url.absoluteString) answered HTTP \(response.statusCode) without a usable Location"))
            } else if !(200...299).contains(response.statusCode) {
                return .failure(FeedError(.http, "\(url.absoluteString) answered HTTP \(response.statusCode)"))
            } else {
                let finalURL = response.url ?? task.currentRequest?.url ?? url
                return .success(FetchedResource(bytes: body, url: finalURL, contentType: response.value(forHTTPHeaderField: "Content-Type")))
            }
        }
        resume(with: result)
    }

    private static func describe(_ error: any Error, url: URL, timeout: Double) -> FeedError {
        let nsError = error as NSError
        if nsError.domain == NSURLErrorDomain {
            switch nsError.code {
            case NSURLErrorTimedOut: return FeedError(.timeout, "no answer from \(url.absoluteString) within \(seconds(timeout))")
            case NSURLErrorHTTPTooManyRedirects: return FeedError(.redirect, "too many redirects fetching \(url.absoluteString)")
            case NSURLErrorCancelled: return FeedError(.network, "fetching \(url.absoluteString) was cancelled")
            default: break
            }
        }
        return FeedError(.network, "cannot fetch \(url.absoluteString): \(nsError.localizedDescription)")
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
