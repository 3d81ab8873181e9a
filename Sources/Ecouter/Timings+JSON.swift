// SPDX-License-Identifier: GPL-3.0-or-later
public import Foundation

extension Timings {
    /// The timings as compact UTF-8 JSON, keys in the order of the documented shape (`text` first).
    ///
    /// Written by hand rather than by `JSONEncoder`, whose key order on Linux changes from run to
    /// run: the same article gives byte-identical files. It decodes with `JSONDecoder` (``Timings``
    /// is `Codable`). Non-ASCII text is kept as UTF-8, control characters are escaped.
    ///
    /// - Throws: `EncodingError.invalidValue` for a time that is not finite (``ArticleReader``
    ///   never makes one).
    public func jsonData() throws -> Data {
        var out = "{\"text\":"
        Self.appendString(text, to: &out)
        out += ",\"duration\":"
        try Self.appendNumber(duration, to: &out)
        out += ",\"sentences\":["
        for (i, sentence) in sentences.enumerated() {
            if i > 0 { out += "," }
            out += "{\"start\":"
            try Self.appendNumber(sentence.start, to: &out)
            out += ",\"end\":"
            try Self.appendNumber(sentence.end, to: &out)
            out += ",\"scalars\":\(Self.list(sentence.scalars)),\"utf16\":\(Self.list(sentence.utf16)),\"words\":["
            for (j, word) in sentence.words.enumerated() {
                if j > 0 { out += "," }
                out += "{\"start\":"
                try Self.appendNumber(word.start, to: &out)
                out += ",\"end\":"
                try Self.appendNumber(word.end, to: &out)
                out += ",\"written\":"
                Self.appendString(word.written, to: &out)
                out += ",\"spoken\":"
                Self.appendString(word.spoken, to: &out)
                out += ",\"scalars\":\(Self.list(word.scalars)),\"utf16\":\(Self.list(word.utf16))}"
            }
            out += "]}"
        }
        out += "]}"
        return Data(out.utf8)
    }

    private static func list(_ values: [Int]) -> String {
        "[" + values.map(String.init).joined(separator: ",") + "]"
    }

    private static func appendNumber(_ value: Double, to out: inout String) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "a time in the timings is not finite"))
        }
        // Swift prints the shortest form that reads back as the same Double ("0.25", "1e-05"): valid JSON.
        out += value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }

    private static func appendString(_ value: String, to out: inout String) {
        out += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
