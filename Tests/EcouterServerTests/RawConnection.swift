// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One TCP connection to 127.0.0.1 written by hand, so that a test can hang up in the middle of a
/// request the way a browser tab that closes does (an HTTP client library would not).
final class RawConnection: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()
    private var closed = false

    struct Failure: Error { var step: String; var code: Int32 }

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(step: "socket", code: errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let code = errno
            Glibc.close(fd)
            throw Failure(step: "connect", code: code)
        }
    }

    deinit { close() }

    /// Sends a whole POST (`Connection: close`, so the server ends the connection after answering).
    func sendPost(_ path: String, body: String, contentType: String) throws {
        let bytes = Array(body.utf8)
        let head = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: \(contentType)\r\nContent-Length: \(bytes.count)\r\nConnection: close\r\n\r\n"
        let all = Array(head.utf8) + bytes
        var sent = 0
        while sent < all.count {
            let n = all.withUnsafeBytes { send(fd, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw Failure(step: "send", code: errno) }
            sent += n
        }
    }

    /// Reads until `enough` says the bytes so far suffice, or the server closes; on a thread of its
    /// own, so the blocking reads never hold a thread of Swift's cooperative pool.
    func read(until enough: @escaping @Sendable ([UInt8]) -> Bool = { _ in false }) async -> [UInt8] {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { [self] in
                var received: [UInt8] = []
                var buffer = [UInt8](repeating: 0, count: 64 << 10)
                while !enough(received) {
                    let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                    if n < 0, errno == EINTR { continue }
                    if n <= 0 { break }
                    received += buffer[0..<n]
                }
                continuation.resume(returning: received)
            }
        }
    }

    /// Hangs up (both directions), once.
    func close() {
        let first = lock.withLock { () -> Bool in
            defer { closed = true }
            return !closed
        }
        if first { Glibc.close(fd) }
    }

    /// The status code of a raw HTTP/1.1 response, 0 when there is none.
    static func status(of response: [UInt8]) -> Int {
        let line = String(decoding: response.prefix { $0 != 13 }, as: UTF8.self).split(separator: " ")
        return line.count > 1 ? Int(line[1]) ?? 0 : 0
    }

    /// The body bytes received after the response head.
    static func bodyBytes(of response: [UInt8]) -> Int {
        guard let end = response.firstRange(of: Array("\r\n\r\n".utf8)) else { return 0 }
        return response.count - end.upperBound
    }
}
