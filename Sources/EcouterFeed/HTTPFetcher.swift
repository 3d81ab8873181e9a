// SPDX-License-Identifier: GPL-3.0-or-later
internal import CCurlLoader
import Foundation

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

/// Fetches http(s) URLs with libcurl (loaded on first use), enforcing ``FetchLimits`` as bytes arrive.
public struct HTTPFetcher: Sendable {
    /// Time, size and redirect limits.
    public var limits: FetchLimits

    /// A fetcher with these limits.
    public init(limits: FetchLimits = FetchLimits()) {
        self.limits = limits
    }

    /// GETs `url`.
    ///
    /// The transfer runs on a thread of its own (libcurl blocks), so a busy Dispatch pool cannot
    /// delay its deadline. Cancelling the calling task does not stop a transfer under way; the
    /// timeout bounds it.
    /// - Throws: ``FeedError`` `.usage` (not http or https), `.http` (status outside 200–299),
    ///   `.timeout`, `.redirect` (too many, or to another scheme), `.tooLarge`, `.network`
    ///   (including libcurl missing).
    public func fetch(_ url: URL) async throws(FeedError) -> FetchedResource {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw FeedError(.usage, "only http and https URLs are fetched, not \(url.absoluteString)")
        }
        let limits = self.limits
        let result: Result<FetchedResource, FeedError> = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(returning: Self.get(url, limits: limits))
            }
        }
        return try result.get()
    }

    /// The blocking transfer, through `ecouter_curl_get` (CCurlLoader).
    private static func get(_ url: URL, limits: FetchLimits) -> Result<FetchedResource, FeedError> {
        let body = Body(limit: limits.maximumBytes)
        var answer = ecouter_fetch_result()
        let context = Unmanaged.passRetained(body)
        defer { context.release() }
        let status = ecouter_curl_get(
            url.absoluteString, Int(limits.timeout * 1000), limits.maximumRedirects, "ecouter (feed reader)",
            { data, count, context in
                let body = Unmanaged<Body>.fromOpaque(context!).takeUnretainedValue()
                return body.append(UnsafeRawBufferPointer(start: data, count: count)) ? 1 : 0
            },
            context.toOpaque(), &answer)
        let message = withUnsafeBytes(of: &answer.error) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let address = url.absoluteString
        guard status == 0 else { return .failure(FeedError(.network, "cannot fetch \(address): \(message)")) }
        if answer.aborted != 0 {
            return .failure(FeedError(.tooLarge, "\(address) sent more than \(limits.maximumBytes) bytes"))
        }
        switch answer.curl_code {
        case 0: break
        case Int32(ECOUTER_CURLE_OPERATION_TIMEDOUT):
            return .failure(FeedError(.timeout, "no answer from \(address) within \(seconds(limits.timeout))"))
        case Int32(ECOUTER_CURLE_TOO_MANY_REDIRECTS):
            return .failure(FeedError(.redirect, "more than \(limits.maximumRedirects) redirects fetching \(address) (a redirect loop?)"))
        case Int32(ECOUTER_CURLE_UNSUPPORTED_PROTOCOL):
            return .failure(FeedError(.redirect, "\(address) redirects to a non-http URL"))
        default:
            return .failure(FeedError(.network, "cannot fetch \(address): \(message)"))
        }
        if (300...399).contains(answer.status) {
            return .failure(FeedError(.redirect, "\(address) answered HTTP \(answer.status) without a usable Location"))
        }
        guard (200...299).contains(answer.status) else {
            return .failure(FeedError(.http, "\(address) answered HTTP \(answer.status)"))
        }
        let effective = withUnsafeBytes(of: &answer.effective_url) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let type = withUnsafeBytes(of: &answer.content_type) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return .success(FetchedResource(
            bytes: body.bytes, url: URL(string: effective) ?? url, contentType: type.isEmpty ? nil : type))
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}

/// The body as it arrives; refuses bytes past the limit (the transfer then stops).
private final class Body {
    let limit: Int
    var bytes: [UInt8] = []
    init(limit: Int) { self.limit = limit }

    func append(_ data: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count + data.count <= limit else { return false }
        bytes.append(contentsOf: data)
        return true
    }
}
