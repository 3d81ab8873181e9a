// SPDX-License-Identifier: GPL-3.0-or-later
public import Ecouter

/// Turns the bytes of a feed into a ``Feed``: RSS 2.0 (and 1.0), Atom or JSON Feed, detected from the content.
public struct FeedParser: Sendable {
    /// Documents above this size are refused before parsing (16 MiB by default).
    public var maximumBytes: Int

    /// A parser refusing documents over `maximumBytes`.
    public init(maximumBytes: Int = 16 << 20) {
        self.maximumBytes = maximumBytes
    }

    /// Parses `bytes`.
    ///
    /// - Throws: ``FeedError`` `.tooLarge`, `.malformed` (not well-formed XML or JSON), `.notAFeed`,
    ///   `.hostile` (XML declaring entities: external entities and expansion bombs are never resolved;
    ///   an element with more than ``MarkupAttributeScan/maximumAttributes`` attributes).
    public func parse(_ bytes: [UInt8]) throws(FeedError) -> Feed {
        guard bytes.count <= maximumBytes else {
            throw FeedError(.tooLarge, "the feed is \(bytes.count) bytes, over the limit of \(maximumBytes) bytes")
        }
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        guard start < bytes.count else { throw FeedError(.malformed, "the feed is empty") }
        if bytes[start] == UInt8(ascii: "{") { return try JSONFeedParser.parse(Array(bytes[start...])) }
        // libxml2 spends quadratic time on an element's attributes: bound them before it sees them.
        if let count = MarkupAttributeScan.excess(in: bytes) {
            throw FeedError(.hostile, "an element of the feed has more than \(count - 1) attributes: refused as hostile")
        }
        return try XMLFeedParser.parse(bytes)
    }
}
