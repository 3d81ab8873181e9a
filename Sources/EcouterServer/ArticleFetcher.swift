// SPDX-License-Identifier: GPL-3.0-or-later
import AsyncHTTPClient
import EcouterFeed
import Foundation
import NIOCore
import NIOHTTP1

/// Fetches an article page for `{"url": ...}`, only from allowed origins.
///
/// Rules: the origin (`scheme://host[:port]`) must be in the allowlist; every address the host
/// resolves to must be public (not loopback, private, link-local, unique-local, unspecified or
/// multicast) unless ``allowPrivateAddresses``; redirects are not followed by the HTTP client but
/// one by one here, each target checked by the same rules; the body is capped at ``maxBytes`` and the
/// whole exchange at ``timeout`` seconds. The address check happens before the connection, so a
/// host whose DNS answer changes in between (rebinding) could slip through: put the allowlist's
/// hosts in /etc/hosts or a trusted resolver where that matters.
struct ArticleFetcher: Sendable {
    var allowedOrigins: Set<String>
    var allowPrivateAddresses: Bool
    var maxBytes: Int
    var timeout: Double
    var maxRedirects = 5

    var isEnabled: Bool { !allowedOrigins.isEmpty }

    func fetch(_ text: String) async throws(APIError) -> (bytes: [UInt8], isHTML: Bool) {
        guard isEnabled else {
            throw APIError(.forbidden, "url_fetching_disabled", "this server does not fetch articles by URL; send the text or HTML")
        }
        guard var url = URL(string: text), url.scheme != nil else { throw APIError(.badRequest, "bad_url", "url is not an absolute URL") }
        let deadline = Date().addingTimeInterval(timeout)
        for _ in 0...maxRedirects {
            try check(url)
            let answer = try await exchange(url, deadline: deadline)
            switch answer {
            case .redirect(let next):
                url = next
            case .body(let bytes, let type):
                return (bytes, type.map { $0.lowercased().contains("html") } ?? true)
            }
        }
        throw APIError(.badGateway, "fetch_failed", "more than \(maxRedirects) redirects")
    }

    /// Throws 403 unless `url`'s origin is allowed and its host resolves only to allowed addresses.
    func check(_ url: URL) throws(APIError) {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", let host = url.host?.lowercased(), !host.isEmpty else {
            throw APIError(.forbidden, "url_not_allowed", "only http and https URLs are fetched")
        }
        let defaultPort = scheme == "https" ? 443 : 80
        let origin = "\(scheme)://\(host)" + ((url.port ?? defaultPort) == defaultPort ? "" : ":\(url.port!)")
        guard allowedOrigins.contains(origin) else {
            throw APIError(.forbidden, "url_not_allowed", "the origin \(origin) is not in this server's allowlist")
        }
        let addresses = Self.resolve(host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")))
        guard !addresses.isEmpty else { throw APIError(.badGateway, "fetch_failed", "cannot resolve \(host)") }
        if !allowPrivateAddresses, let bad = addresses.first(where: { !AddressPolicy.isPublic($0) }) {
            throw APIError(.forbidden, "url_not_allowed", "\(host) resolves to a non-public address (\(AddressPolicy.describe(bad)))")
        }
    }

    private enum Answer { case redirect(URL), body([UInt8], String?) }

    private func exchange(_ url: URL, deadline: Date) async throws(APIError) -> Answer {
        guard deadline.timeIntervalSinceNow > 0 else { throw timedOut }
        let end = NIODeadline.now() + .nanoseconds(Int64(deadline.timeIntervalSinceNow * 1e9))
        let answer: HTTPHop.Answer
        do {
            answer = try await HTTPHop.get(url, headers: [("User-Agent", "ecouter (article reader)")], maxBytes: maxBytes, deadline: end).get()
        } catch {
            if let client = error as? HTTPClientError, client == .deadlineExceeded || client == .readTimeout || client == .connectTimeout {
                throw timedOut
            }
            throw APIError(.badGateway, "fetch_failed", "cannot fetch the article (\((error as? HTTPClientError)?.shortDescription ?? "the connection failed"))")
        }
        if (300...399).contains(answer.status) {
            guard let location = answer.headers.first(name: "Location"), let next = URL(string: location, relativeTo: url)?.absoluteURL else {
                throw APIError(.badGateway, "fetch_failed", "a redirect without a usable Location")
            }
            return .redirect(next)
        }
        guard !answer.tooLarge else { throw APIError(.contentTooLarge, "too_large", "the article page is larger than \(maxBytes) bytes") }
        guard (200...299).contains(answer.status) else {
            throw APIError(.badGateway, "fetch_failed", "the article's server answered \(answer.status)")
        }
        return .body(answer.body, answer.headers.first(name: "Content-Type"))
    }

    private var timedOut: APIError { APIError(.gatewayTimeout, "fetch_timeout", "no complete answer within \(Int(timeout)) s") }

    /// Every address `host` resolves to (numeric hosts included).
    static func resolve(_ host: String) -> [[UInt8]] {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &list) == 0 else { return [] }
        defer { freeaddrinfo(list) }
        var out: [[UInt8]] = []
        var node = list
        while let info = node?.pointee {
            if info.ai_family == AF_INET, let raw = info.ai_addr {
                raw.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { sin in
                    withUnsafeBytes(of: sin.pointee.sin_addr) { out.append(Array($0)) }
                }
            } else if info.ai_family == AF_INET6, let raw = info.ai_addr {
                raw.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { sin6 in
                    withUnsafeBytes(of: sin6.pointee.sin6_addr) { out.append(Array($0)) }
                }
            }
            node = info.ai_next
        }
        return out
    }
}

/// Which IP addresses a fetch may reach.
enum AddressPolicy {
    /// 4 bytes (IPv4) or 16 (IPv6); IPv4-mapped IPv6 is judged as IPv4.
    static func isPublic(_ address: [UInt8]) -> Bool {
        if address.count == 16 {
            if address[0..<10].allSatisfy({ $0 == 0 }) && address[10] == 0xFF && address[11] == 0xFF {
                return isPublic(Array(address[12...]))
            }
            if address.allSatisfy({ $0 == 0 }) { return false }  // ::
            if address[0..<15].allSatisfy({ $0 == 0 }) && address[15] == 1 { return false }  // ::1
            if address[0] & 0xFE == 0xFC { return false }  // fc00::/7 unique local
            if address[0] == 0xFE && address[1] & 0xC0 == 0x80 { return false }  // fe80::/10 link-local
            if address[0] == 0xFF { return false }  // multicast
            return true
        }
        guard address.count == 4 else { return false }
        let (a, b) = (address[0], address[1])
        switch a {
        case 0, 10, 127: return false
        case 100 where b & 0xC0 == 64: return false  // 100.64/10 carrier-grade NAT
        case 169 where b == 254: return false  // link-local (cloud metadata)
        case 172 where b & 0xF0 == 16: return false
        case 192 where b == 168: return false
        case 224...255: return false  // multicast, reserved, broadcast
        default: return true
        }
    }

    static func describe(_ address: [UInt8]) -> String {
        address.count == 4 ? address.map(String.init).joined(separator: ".") : "IPv6"
    }
}
