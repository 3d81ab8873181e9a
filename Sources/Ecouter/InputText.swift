// SPDX-License-Identifier: GPL-3.0-or-later

/// Checks that input bytes are text we can read, and decodes them.
package enum InputText {
    /// Compressed and archive formats, by their first bytes: such input is refused whatever the
    /// format asked for (with `--input-format html`, gzip bytes were parsed as a page and read aloud).
    private static let signatures: [(bytes: [UInt8], name: String, hint: String)] = [
        ([0x1F, 0x8B], "gzip-compressed", "gunzip -c FILE"),
        ([0x28, 0xB5, 0x2F, 0xFD], "zstd-compressed", "zstd -dc FILE"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz-compressed", "xz -dc FILE"),
        (Array("BZh".utf8), "bzip2-compressed", "bzip2 -dc FILE"),
        ([0x50, 0x4B, 0x03, 0x04], "a zip archive", "unzip -p FILE"),
    ]

    /// Why `bytes` cannot be an article whatever its format (compressed data), or nil.
    package static func binaryFormatProblem(_ bytes: [UInt8]) -> String? {
        for signature in signatures where bytes.starts(with: signature.bytes) {
            // "BZh" is also how a text could start: bzip2 has a block size digit after it.
            if signature.name.hasPrefix("bzip2"), bytes.count < 4 || !(0x31...0x39).contains(bytes[3]) { continue }
            return "the input is \(signature.name): decompress it first (\(signature.hint) | ecouter - …)"
        }
        return nil
    }

    /// Decodes UTF-8 (a byte-order mark is dropped; CRLF and CR become LF; runs of blank lines
    /// become one blank line).
    ///
    /// - Throws: ``EcouterError/Code/input`` for empty or whitespace-only input, compressed data,
    ///   NUL bytes (binary data), bytes that are not UTF-8 (naming the offset of the first bad
    ///   byte), or text without a letter or a digit (emoji only: nothing would be spoken).
    static func decode(_ bytes: [UInt8]) throws(EcouterError) -> String {
        if let problem = binaryFormatProblem(bytes) { throw EcouterError(.input, problem) }
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
        let text = (body.contains(13) ? decoded.replacingLineBreaks() : decoded).collapsingBlankLines()
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw EcouterError(.input, "the input is empty: there is no text to read")
        }
        guard text.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) else {
            throw EcouterError.nothingToSay("nothing to read: the text has no letters or digits (emoji and symbols alone are not spoken)")
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
    /// Keeps the first blank line of every run and drops the others, in one pass over the bytes.
    ///
    /// Paragraphs are separated by one blank line as well as by a thousand, but the page-text
    /// cleaner holds every line: 20 MB of line breaks took 1.1 GB there (about 55 times the input).
    /// A line is blank when it holds only spaces and tabs; LF, LS and PS end lines.
    fileprivate func collapsingBlankLines() -> String {
        var contiguous = self
        contiguous.makeContiguousUTF8()
        return contiguous.utf8.withContiguousStorageIfAvailable(Self.collapsingBlankLines) ?? contiguous
    }

    private static func collapsingBlankLines(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var lineStart = 0, lineIsBlank = true, previousLineWasBlank = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            var breakWidth = 0
            if byte == 0x0A {
                breakWidth = 1
            } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                breakWidth = 3
            }
            if breakWidth > 0 {
                if lineIsBlank && previousLineWasBlank {
                    out.removeSubrange(lineStart...)  // a further blank line: dropped with its break
                } else {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<index + breakWidth]))
                    previousLineWasBlank = lineIsBlank
                }
                lineStart = out.count
                lineIsBlank = true
                index += breakWidth
                continue
            }
            out.append(byte)
            if byte != 0x20, byte != 0x09 { lineIsBlank = false }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

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
