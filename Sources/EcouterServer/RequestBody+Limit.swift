// SPDX-License-Identifier: GPL-3.0-or-later
import Hummingbird
import NIOCore

extension RequestBody {
    /// The whole body, or 413 once it passes `limit` bytes (checked on `Content-Length` first, so
    /// an honest oversize upload is refused before it is read).
    func collect(limit: Int, declaredLength: String?) async throws -> ByteBuffer {
        if let declaredLength, let length = Int(declaredLength), length > limit {
            throw APIError(.contentTooLarge, "too_large", "the request body is larger than \(limit) bytes")
        }
        do { return try await collect(upTo: limit) } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, "too_large", "the request body is larger than \(limit) bytes")
        }
    }
}

extension Request {
    /// The query string as a dictionary (last value wins).
    var queryDictionary: [String: String] {
        var out: [String: String] = [:]
        for (key, value) in uri.queryParameters { out[String(key)] = String(value) }
        return out
    }
}
