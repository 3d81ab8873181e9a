// SPDX-License-Identifier: GPL-3.0-or-later
// A small JSON reader for schema.org JSON-LD blocks. This target cannot import Foundation
// (its bundled ICU clashes with libxml2's headers), so no JSONSerialization. Nesting is
// capped, so hostile input cannot exhaust the stack; malformed JSON gives nil.

indirect enum JSONValue {
    case object([(key: String, value: JSONValue)])
    case array([JSONValue])
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    static let maximumDepth = 48

    static func parse(_ text: String) -> JSONValue? {
        var reader = Reader(scalars: Array(text.unicodeScalars))
        reader.skipSpace()
        guard let value = reader.value(depth: 0) else { return nil }
        reader.skipSpace()
        return reader.atEnd ? value : nil
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members.first(where: { $0.key == key })?.value }
        return nil
    }

    var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// A string, the first string of an array, or an object's "name".
    var name: String? {
        switch self {
        case .string(let s): return s
        case .array(let items): return items.lazy.compactMap(\.name).first
        case .object: return self["name"]?.string
        default: return nil
        }
    }

    /// Strings of a string or an array of strings ("@type" is either).
    var strings: [String] {
        switch self {
        case .string(let s): return [s]
        case .array(let items): return items.compactMap(\.string)
        default: return []
        }
    }

    private struct Reader {
        let scalars: [Unicode.Scalar]
        var i = 0

        var atEnd: Bool { i >= scalars.count }

        mutating func skipSpace() {
            while i < scalars.count, scalars[i] == " " || scalars[i] == "\n" || scalars[i] == "\r" || scalars[i] == "\t" { i += 1 }
        }

        mutating func value(depth: Int) -> JSONValue? {
            guard depth < JSONValue.maximumDepth, i < scalars.count else { return nil }
            switch scalars[i] {
            case "{": return object(depth: depth)
            case "[": return array(depth: depth)
            case "\"": return string().map(JSONValue.string)
            case "t": return literal("true", .bool(true))
            case "f": return literal("false", .bool(false))
            case "n": return literal("null", .null)
            default: return number()
            }
        }

        mutating func object(depth: Int) -> JSONValue? {
            i += 1
            var members: [(key: String, value: JSONValue)] = []
            skipSpace()
            if i < scalars.count, scalars[i] == "}" { i += 1; return .object(members) }
            while true {
                skipSpace()
                guard i < scalars.count, scalars[i] == "\"", let key = string() else { return nil }
                skipSpace()
                guard i < scalars.count, scalars[i] == ":" else { return nil }
                i += 1
                skipSpace()
                guard let v = value(depth: depth + 1) else { return nil }
                members.append((key, v))
                skipSpace()
                guard i < scalars.count else { return nil }
                if scalars[i] == "," { i += 1; continue }
                if scalars[i] == "}" { i += 1; return .object(members) }
                return nil
            }
        }

        mutating func array(depth: Int) -> JSONValue? {
            i += 1
            var items: [JSONValue] = []
            skipSpace()
            if i < scalars.count, scalars[i] == "]" { i += 1; return .array(items) }
            while true {
                skipSpace()
                guard let v = value(depth: depth + 1) else { return nil }
                items.append(v)
                skipSpace()
                guard i < scalars.count else { return nil }
                if scalars[i] == "," { i += 1; continue }
                if scalars[i] == "]" { i += 1; return .array(items) }
                return nil
            }
        }

        /// A string literal; raw control characters are tolerated (pages put newlines in them).
        mutating func string() -> String? {
            i += 1
            var out = String.UnicodeScalarView()
            while i < scalars.count {
                let s = scalars[i]
                i += 1
                if s == "\"" { return String(out) }
                if s != "\\" { out.append(s); continue }
                guard i < scalars.count else { return nil }
                let e = scalars[i]
                i += 1
                switch e {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "r": out.append("\r")
                case "b", "f": out.append(" ")
                case "u":
                    guard var code = hex4() else { return nil }
                    if (0xD800..<0xDC00).contains(code), i + 1 < scalars.count, scalars[i] == "\\", scalars[i + 1] == "u" {
                        i += 2
                        guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    out.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                default: out.append(e)
                }
            }
            return nil
        }

        mutating func hex4() -> UInt32? {
            guard i + 4 <= scalars.count else { return nil }
            var code: UInt32 = 0
            for _ in 0..<4 {
                guard let digit = scalars[i].properties.numericType != nil ? UInt32(String(scalars[i])) : hexLetter(scalars[i]) else { return nil }
                code = code * 16 + digit
                i += 1
            }
            return code
        }

        func hexLetter(_ s: Unicode.Scalar) -> UInt32? {
            switch s {
            case "a"..."f": return s.value - 0x61 + 10
            case "A"..."F": return s.value - 0x41 + 10
            default: return nil
            }
        }

        mutating func literal(_ word: String, _ result: JSONValue) -> JSONValue? {
            for expected in word.unicodeScalars {
                guard i < scalars.count, scalars[i] == expected else { return nil }
                i += 1
            }
            return result
        }

        mutating func number() -> JSONValue? {
            let start = i
            while i < scalars.count, "+-0123456789.eE".unicodeScalars.contains(scalars[i]) { i += 1 }
            return i > start ? .number(String(String.UnicodeScalarView(scalars[start..<i]))) : nil
        }
    }
}
