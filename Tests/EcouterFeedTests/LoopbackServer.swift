// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 (an ephemeral port) for tests: canned responses by path,
/// optional delays, one thread per connection. Never reachable from outside the machine.
final class LoopbackServer: @unchecked Sendable {
    struct Response: Sendable {
        var status: Int = 200
        var headers: [String: String] = [:]
        var body: [UInt8] = []
        /// Seconds to wait before answering (for timeouts).
        var delay: Double = 0
        /// Answers `Range: bytes=…` requests with 206 and a slice, as static file servers do
        /// (browsers seek in audio only where the server does).
        var servesRanges = false

        static func ok(_ text: String, type: String = "application/xml") -> Response {
            Response(status: 200, headers: ["Content-Type": type], body: Array(text.utf8))
        }
        static func redirect(to location: String) -> Response {
            Response(status: 302, headers: ["Location": location])
        }
    }

    let port: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var routes: [String: Response] = [:]
    private var requests: [String] = []
    private var stopped = false

    init() throws {
        struct SocketError: Error { let step: String; let code: Int32 }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SocketError(step: "socket", code: errno) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else { close(fd); throw SocketError(step: "bind/listen", code: errno) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [weak self] in self?.acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    /// `http://127.0.0.1:PORT/path`.
    func url(_ path: String) -> URL { URL(string: "http://127.0.0.1:\(port)\(path)")! }

    func set(_ path: String, _ response: Response) { lock.withLock { routes[path] = response } }

    /// Paths requested so far, in order.
    var requestedPaths: [String] { lock.withLock { requests } }

    /// Closes the listener, once. `deinit` calls this too, after a test's own `stop()`: a second
    /// `close` would hit whatever file the descriptor number had been given to meanwhile (another
    /// test's pipe, whose `readDataToEndOfFile` then trapped with EBADF).
    func stop() {
        let first = lock.withLock { () -> Bool in
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return  // the listener was closed
            }
            Thread { [weak self] in self?.serve(client) }.start()
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        var request: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while request.count < 65536 {
            let n = chunk.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            if n <= 0 { return }
            request += chunk[0..<n]
            if request.firstRange(of: Array("\r\n\r\n".utf8)) != nil { break }
        }
        let line = String(decoding: request.prefix { $0 != 13 }, as: UTF8.self).split(separator: " ")
        let path = line.count > 1 ? String(line[1]) : "/"
        var response = lock.withLock { () -> Response in
            requests.append(path)
            return routes[path] ?? Response(status: 404, body: Array("not found".utf8))
        }
        if response.delay > 0 { Thread.sleep(forTimeInterval: response.delay) }
        var extraHeaders: [String: String] = [:]
        if response.servesRanges {
            extraHeaders["Accept-Ranges"] = "bytes"
            if let range = Self.byteRange(in: request, size: response.body.count) {
                extraHeaders["Content-Range"] = "bytes \(range.lowerBound)-\(range.upperBound - 1)/\(response.body.count)"
                response.body = Array(response.body[range])
                response.status = 206
            }
        }
        var head = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\nContent-Length: \(response.body.count)\r\nConnection: close\r\n"
        for (name, value) in response.headers.merging(extraHeaders, uniquingKeysWith: { $1 }) { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        let bytes = Array(head.utf8) + response.body
        var sent = 0
        while sent < bytes.count {
            // MSG_NOSIGNAL: a client that gave up (timeout tests) must not kill the test process with SIGPIPE.
            let n = bytes.withUnsafeBytes { send(client, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return }
            sent += n
        }
    }

    /// The first range of a `Range: bytes=FROM-[TO]` header, clamped to the body; nil for none.
    private static func byteRange(in request: [UInt8], size: Int) -> Range<Int>? {
        let head = String(decoding: request, as: UTF8.self)
        guard let line = head.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("range: bytes=") }) else { return nil }
        let spec = line.dropFirst("range: bytes=".count).split(separator: ",")[0].split(separator: "-", omittingEmptySubsequences: false)
        guard spec.count == 2, let from = Int(spec[0].trimmingCharacters(in: .whitespaces)), from < size else { return nil }
        let to = Int(spec[1].trimmingCharacters(in: .whitespaces)).map { min($0, size - 1) } ?? size - 1
        return to >= from ? from..<(to + 1) : nil
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 206: "Partial Content"
        case 302: "Found"
        case 404: "Not Found"
        case 500: "Internal Server Error"
        default: "Status"
        }
    }
}
