// SPDX-License-Identifier: GPL-3.0-or-later

/// Checks that input bytes are text we can read, and decodes them.
enum InputText {
    /// Decodes UTF-8 (a byte-order mark is dropped; CRLF and CR become LF).
    ///
    /// - Throws: ``EcouterError/Code/input`` for empty or whitespace-only input, NUL bytes (binary
    ///   data), or bytes that are not UTF-8, naming the offset of the first bad byte.
    static func decode(_ bytes: [UInt8]) throws(EcouterError) -> String {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let nul = body.firstIndex(of: 0) {
            throw EcouterError(.input, "the input looks binary (a NUL byte at offset \(nul)): give a text or HTML file")
        }
        // The standard library's validation is fast; the scalar-by-scalar walk only names the bad byte.
        let decoded: String
        if let valid = String(validating: body, as: UTF8.self) {
            decoded = valid
        } else {
            if let bad = firstInvalidUTF8Offset(body) {
                throw EcouterError(.input, "the input is not valid UTF-8 (bad byte at offset \(bad)); convert it, e.g. with iconv -f latin1 -t utf-8")
            }
            decoded = String(decoding: body, as: UTF8.self)
        }
        let text = body.contains(13) ? decoded.replacingLineBreaks() : decoded
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw EcouterError(.input, "the input is empty: there is no text to read")
        }
        return text
    }

    /// The offset (in the original bytes) of the first byte that breaks UTF-8, or nil.
    static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int? {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = bytes.startIndex
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}

extension String {
    /// CRLF and lone CR become LF, so paragraph detection sees one kind of line break.
    fileprivate func replacingLineBreaks() -> String {
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in unicodeScalars {
            if scalar == "\r" { out.append("\n"); previousWasCR = true; continue }
            if scalar == "\n" && previousWasCR { previousWasCR = false; continue }
            previousWasCR = false
            out.append(scalar)
        }
        return String(out)
    }
}
