// SPDX-License-Identifier: GPL-3.0-or-later
// Which encoding to hand libxml2. The declared charset is honoured unless the bytes say
// otherwise: valid non-ASCII UTF-8 declared as Latin-1 is UTF-8 (legacy text is almost never
// valid UTF-8 by accident), and bytes that are not UTF-8 under a UTF-8 (or missing)
// declaration are repaired byte by byte as Windows-1252, so a page with a few stray Latin-1
// bytes keeps its good UTF-8 too.

internal import CLibXML2

enum HTMLEncoding {
    struct Prepared {
        var bytes: [UInt8]
        var encoding: String
    }

    /// The bytes and encoding to hand libxml2. With `honouringDeclaration` false the declared
    /// charset is ignored (used again when libxml2 could not convert the page from it).
    static func prepare(_ bytes: [UInt8], honouringDeclaration: Bool = true) -> Prepared {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            // Decoded here rather than by libxml2, whose UTF-16 reader stops the whole page at the
            // first unpaired surrogate or odd trailing byte; here those become U+FFFD.
            return Prepared(bytes: Array(TextDecoding.string(fromUnlabelled: bytes).utf8), encoding: "UTF-8")
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        let declared = honouringDeclaration ? declaredCharset(body).map(normalizedLabel) : nil
        let valid = TextDecoding.isValidUTF8(body)

        if let declared, !isUTF8Label(declared), !(valid && TextDecoding.hasNonASCII(body)) {
            // A legacy declaration the bytes do not contradict: libxml2 (iconv) converts it. The
            // declaration was just read as ASCII, so an encoding in which ASCII reads differently
            // (UTF-16, UTF-32, UTF-7, EBCDIC) cannot be the page's: browsers ignore it too.
            if isASCIICompatible(declared) { return Prepared(bytes: body, encoding: declared) }
        }
        if valid { return Prepared(bytes: body, encoding: "UTF-8") }
        return Prepared(bytes: repairedUTF8(body), encoding: "UTF-8")
    }

    /// The charset named in the first 4 KiB: `<meta charset=...>` or `content="...; charset=..."`.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(4096)
        let needle = Array("charset".utf8)
        var i = head.startIndex
        while i + needle.count < head.endIndex {
            var matches = true
            for (k, c) in needle.enumerated() where head[i + k] | 0x20 != c {
                matches = false
                break
            }
            if !matches { i += 1; continue }
            var j = i + needle.count
            while j < head.endIndex, head[j] == 0x20 { j += 1 }
            guard j < head.endIndex, head[j] == UInt8(ascii: "=") else { i += 1; continue }
            j += 1
            while j < head.endIndex, head[j] == 0x20 || head[j] == 0x22 || head[j] == 0x27 { j += 1 }
            var label: [UInt8] = []
            while j < head.endIndex, label.count < 40, isLabelByte(head[j]) { label.append(head[j]); j += 1 }
            if !label.isEmpty { return String(decoding: label, as: UTF8.self) }
            i += 1
        }
        return nil
    }

    private static func isLabelByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == 0x2D || b == 0x5F || b == 0x3A || b == 0x2E
    }

    private static func normalizedLabel(_ label: String) -> String {
        let lower = label.lowercased()
        // Browsers read "latin1"/"iso-8859-1"/"ascii" as windows-1252; so do we.
        switch lower {
        case "latin1", "latin-1", "iso-8859-1", "iso8859-1", "iso_8859-1", "l1", "us-ascii", "ascii", "cp1252", "windows-1252", "x-cp1252":
            return "windows-1252"
        case "utf8": return "utf-8"
        default: return lower
        }
    }

    private static func isUTF8Label(_ label: String) -> Bool {
        label == "utf-8" || label == "unicode-1-1-utf-8"
    }

    /// Whether libxml2 (with iconv) converts from `label` and decodes ASCII markup to itself: a
    /// sample with the characters markup and UTF-7 shifts use is converted and compared.
    /// Call it under HTMLParser's error handler (a failed conversion is reported, not printed).
    private static func isASCIICompatible(_ label: String) -> Bool {
        // The handler may be a fresh iconv pair, so it is closed again.
        guard let handler = label.withCString({ xmlFindCharEncodingHandler($0) }) else { return false }
        defer { xmlCharEncCloseFunc(handler) }
        let sample = Array("<meta charset=\"a-Z_09\"> +-&#;:/.'=\n".utf8)
        guard let input = xmlBufferCreate(), let output = xmlBufferCreate() else { return false }
        defer { xmlBufferFree(input); xmlBufferFree(output) }
        _ = sample.withUnsafeBufferPointer { xmlBufferAdd(input, $0.baseAddress, Int32($0.count)) }
        guard xmlCharEncInFunc(handler, output, input) >= 0, let content = xmlBufferContent(output) else { return false }
        let converted = UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(output)))
        return converted.elementsEqual(sample)
    }

    /// Valid UTF-8 sequences are kept; each byte of an invalid one is read as Windows-1252.
    static func repairedUTF8(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var i = 0
        while i < bytes.count {
            let length = validSequenceLength(bytes, at: i)
            if length > 0 {
                out.append(contentsOf: bytes[i..<(i + length)])
                i += length
            } else {
                out.append(contentsOf: Array(TextDecoding.windows1252([bytes[i]]).utf8))
                i += 1
            }
        }
        return out
    }

    /// Length of the well-formed UTF-8 sequence starting at `i`, 0 when it is not one.
    private static func validSequenceLength(_ b: [UInt8], at i: Int) -> Int {
        let lead = b[i]
        if lead < 0x80 { return 1 }
        func cont(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            i + k < b.count && b[i + k] >= low && b[i + k] <= high
        }
        switch lead {
        case 0xC2...0xDF: return cont(1) ? 2 : 0
        case 0xE0: return cont(1, 0xA0) && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return cont(1) && cont(2) ? 3 : 0
        case 0xED: return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0
        case 0xF0: return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4: return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0
        default: return 0
        }
    }
}
