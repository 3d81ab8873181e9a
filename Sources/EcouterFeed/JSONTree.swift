// SPDX-License-Identifier: GPL-3.0-or-later

/// A JSON document read the way a feed needs it, in one linear pass over the bytes.
///
/// `JSONDecoder` could not serve: it turns numbers into binary values (so the ids `1` and `1.0`
/// became one item, and `12345678901234567890` a rounded double shared with its neighbours), and it
/// rejects the whole document for one lone surrogate escape. Here a number keeps the text it was
/// written with, a lone surrogate becomes U+FFFD, and nesting is capped so a hostile document
/// cannot exhaust the stack.
indirect enum JSONTree: Equatable {
    case object([String: JSONTree])
    case array([JSONTree])
    case string(String)
    /// The number exactly as written (`1`, `1.0`, `1e3`).
    case number(String)
    case bool(Bool)
    case null

    /// Containers nested deeper than this are refused (a JSON Feed needs 4).
    static let maximumDepth = 64

    /// Why a document is not JSON, with the byte offset where that shows.
    struct SyntaxError: Error, Equatable {
        var offset: Int
        var reason: String
    }

    /// Parses a whole document (a UTF-8 byte-order mark and surrounding whitespace allowed).
    static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSONTree {
        var reader = Reader(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.offset = 3 }
        let value = try reader.value(depth: 0)
        reader.skipWhitespace()
        guard reader.offset == bytes.count else { throw reader.error("text after the JSON value") }
        return value
    }

    /// The member `key` of an object; nil for other values.
    subscript(key: String) -> JSONTree? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The string, or nil when this is not a string.
    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The elements of an array (nothing for other values).
    var elements: [JSONTree] {
        if case .array(let items) = self { return items }
        return []
    }
}

private struct Reader {
    let bytes: [UInt8]
    var offset = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    func error(_ reason: String) -> JSONTree.SyntaxError { JSONTree.SyntaxError(offset: offset, reason: reason) }

    mutating func skipWhitespace() {
        while offset < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset]) { offset += 1 }
    }

    mutating func value(depth: Int) throws(JSONTree.SyntaxError) -> JSONTree {
        skipWhitespace()
        guard offset < bytes.count else { throw error("unexpected end of the document") }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw error("unexpected character")
        }
    }

    private mutating func literal(_ word: String) throws(JSONTree.SyntaxError) {
        let expected = Array(word.utf8)
        guard offset + expected.count <= bytes.count, bytes[offset..<offset + expected.count].elementsEqual(expected) else {
            throw error("unexpected character")
        }
        offset += expected.count
    }

    private mutating func object(depth: Int) throws(JSONTree.SyntaxError) -> JSONTree {
        guard depth <= JSONTree.maximumDepth else { throw error("nested more than \(JSONTree.maximumDepth) deep") }
        offset += 1
        var members: [String: JSONTree] = [:]
        skipWhitespace()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") { offset += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw error("expected a member name") }
            let key = try string()
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else { throw error("expected ':'") }
            offset += 1
            // A repeated name: the first one wins (later ones cannot replace what was read).
            let member = try value(depth: depth)
            if members[key] == nil { members[key] = member }
            skipWhitespace()
            guard offset < bytes.count else { throw error("unexpected end of the document") }
            if bytes[offset] == UInt8(ascii: ",") { offset += 1; continue }
            guard bytes[offset] == UInt8(ascii: "}") else { throw error("expected ',' or '}'") }
            offset += 1
            return .object(members)
        }
    }

    private mutating func array(depth: Int) throws(JSONTree.SyntaxError) -> JSONTree {
        guard depth <= JSONTree.maximumDepth else { throw error("nested more than \(JSONTree.maximumDepth) deep") }
        offset += 1
        var items: [JSONTree] = []
        skipWhitespace()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") { offset += 1; return .array(items) }
        while true {
            items.append(try value(depth: depth))
            skipWhitespace()
            guard offset < bytes.count else { throw error("unexpected end of the document") }
            if bytes[offset] == UInt8(ascii: ",") { offset += 1; continue }
            guard bytes[offset] == UInt8(ascii: "]") else { throw error("expected ',' or ']'") }
            offset += 1
            return .array(items)
        }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, returned as written.
    private mutating func number() throws(JSONTree.SyntaxError) -> String {
        let start = offset
        func digits() -> Int {
            let first = offset
            while offset < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) { offset += 1 }
            return offset - first
        }
        if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        let integer = offset
        guard digits() > 0 else { throw error("a number needs digits") }
        guard bytes[integer] != UInt8(ascii: "0") || offset - integer == 1 else { throw error("a number cannot start with 0") }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            guard digits() > 0 else { throw error("a number needs digits after '.'") }
        }
        if offset < bytes.count, bytes[offset] | 0x20 == UInt8(ascii: "e") {
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") { offset += 1 }
            guard digits() > 0 else { throw error("a number needs digits in its exponent") }
        }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    /// A string; escapes decoded, a lone surrogate escape read as U+FFFD, bytes that are not
    /// UTF-8 read as U+FFFD too (a feed is read, not validated).
    private mutating func string() throws(JSONTree.SyntaxError) -> String {
        offset += 1
        var utf8: [UInt8] = []
        while true {
            let runStart = offset
            while offset < bytes.count, bytes[offset] != UInt8(ascii: "\""), bytes[offset] != UInt8(ascii: "\\") { offset += 1 }
            utf8 += bytes[runStart..<offset]
            guard offset < bytes.count else { throw error("a string is not closed") }
            if bytes[offset] == UInt8(ascii: "\"") {
                offset += 1
                return String(decoding: utf8, as: UTF8.self)
            }
            offset += 1
            guard offset < bytes.count else { throw error("a string is not closed") }
            let escape = bytes[offset]
            offset += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "u"): utf8 += try unicodeEscape()
            default: throw error("unknown escape")
            }
        }
    }

    /// After `\u`: four hex digits, and for a high surrogate its low half when it follows.
    private mutating func unicodeEscape() throws(JSONTree.SyntaxError) -> [UInt8] {
        let unit = try hex4()
        var scalar = Unicode.Scalar(unit)
        if (0xD800..<0xDC00).contains(unit), offset + 6 <= bytes.count,
           bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") {
            let saved = offset
            offset += 2
            let low = try hex4()
            if (0xDC00..<0xE000).contains(low) {
                scalar = Unicode.Scalar(0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00))
            } else {
                offset = saved  // not a pair: the next escape is read on its own
            }
        }
        return Array(String(scalar ?? "\u{FFFD}").utf8)
    }

    private mutating func hex4() throws(JSONTree.SyntaxError) -> UInt16 {
        guard offset + 4 <= bytes.count else { throw error("a \\u escape needs four hex digits") }
        var value: UInt16 = 0
        for byte in bytes[offset..<offset + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("a \\u escape needs four hex digits")
            }
            value = value << 4 | UInt16(digit)
        }
        offset += 4
        return value
    }
}
