// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Hummingbird

/// Serves an immutable file: strong ETag, one-year immutable caching, `If-None-Match` → 304, and a
/// single byte range (206, or 416 when it is past the end). Several ranges get the whole file
/// (RFC 9110 lets a server ignore Range), which every player accepts.
enum StaticFile {
    static let cacheControl = "public, max-age=31536000, immutable"

    /// The answer to a GET or HEAD of `contents`; a range is a slice of the same storage (no copy).
    static func respond(to request: Request, contents: ByteBuffer, contentType: String, etag: String, head: Bool) throws(APIError) -> Response {
        let size = contents.readableBytes
        var headers: HTTPFields = [
            .eTag: etag, .cacheControl: cacheControl, .acceptRanges: "bytes", .contentType: contentType,
        ]
        if let match = request.headers[.ifNoneMatch], matches(match, etag: etag) {
            headers[.contentType] = nil
            return Response(status: .notModified, headers: headers)
        }
        var status = HTTPResponse.Status.ok
        var range = 0...(size - 1)
        if let header = request.headers[.range], size > 0 {
            switch ByteRange.parse(header, size: size) {
            case .some(.satisfiable(let r)):
                status = .partialContent
                range = r
                headers[.contentRange] = "bytes \(r.lowerBound)-\(r.upperBound)/\(size)"
            case .some(.unsatisfiable):
                throw APIError(.rangeNotSatisfiable, "range_not_satisfiable", "the range is outside the file's \(size) bytes", headers: [.contentRange: "bytes */\(size)"])
            case .none:
                break
            }
        }
        headers[.contentLength] = String(size == 0 ? 0 : range.count)
        if head || size == 0 { return Response(status: status, headers: headers) }
        let slice = contents.getSlice(at: contents.readerIndex + range.lowerBound, length: range.count) ?? contents
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: slice))
    }

    /// `If-None-Match`: `*` or a list of (possibly weak) tags.
    static func matches(_ header: String, etag: String) -> Bool {
        header.split(separator: ",").contains { item in
            let tag = item.trimmingCharacters(in: .whitespaces)
            return tag == "*" || tag == etag || tag == "W/" + etag
        }
    }
}

/// One `Range: bytes=...` request.
enum ByteRange: Equatable {
    case satisfiable(ClosedRange<Int>)
    case unsatisfiable

    /// nil when the header is not a single byte range we serve (then the whole file is sent).
    static func parse(_ header: String, size: Int) -> ByteRange? {
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        guard trimmed.lowercased().hasPrefix("bytes="), size > 0 else { return nil }
        let spec = trimmed.dropFirst(6)
        guard !spec.contains(",") else { return nil }
        let ends = spec.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard ends.count == 2 else { return nil }
        func number(_ s: String) -> Int?? {
            if s.isEmpty { return .some(nil) }
            guard s.utf8.allSatisfy({ (0x30...0x39).contains($0) }), s.utf8.count <= 18, let n = Int(s) else { return nil }
            return .some(n)
        }
        guard let first = number(ends[0]), let last = number(ends[1]) else { return nil }
        switch (first, last) {
        case (nil, nil): return nil
        case (nil, let suffix?):
            // The last N bytes.
            guard suffix > 0 else { return .unsatisfiable }
            return .satisfiable(max(0, size - suffix)...(size - 1))
        case (let start?, nil):
            guard start < size else { return .unsatisfiable }
            return .satisfiable(start...(size - 1))
        case (let start?, let end?):
            guard start <= end else { return nil }
            guard start < size else { return .unsatisfiable }
            return .satisfiable(start...min(end, size - 1))
        }
    }
}
