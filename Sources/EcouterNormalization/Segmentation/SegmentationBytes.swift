// SPDX-License-Identifier: GPL-3.0-or-later

/// Read-only view of a string's UTF-8 bytes, with scalar decoding at any byte offset.
///
/// The segmenter works on byte offsets rather than `String.Index` so that every step is O(1)
/// and the scan stays linear; offsets are turned back into indices once, at the end.
struct SegmentationBytes {
    let bytes: UnsafeBufferPointer<UInt8>

    var count: Int { bytes.count }

    subscript(offset: Int) -> UInt8 { bytes[offset] }

    /// The scalar starting at `offset` and its length in bytes.
    ///
    /// Swift strings are always valid UTF-8, but a truncated or malformed sequence still decodes
    /// (as U+FFFD, one byte) instead of trapping, so no input can crash the scanner.
    @inline(__always)
    func scalar(at offset: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = bytes[offset]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
        default: return ("\u{FFFD}", 1)
        }
        guard offset + length <= bytes.count else { return ("\u{FFFD}", 1) }
        for k in 1..<length {
            let byte = bytes[offset + k]
            guard byte & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// The offset where the scalar ending just before `offset` starts (`offset` > 0).
    @inline(__always)
    func scalarStart(before offset: Int) -> Int {
        var start = offset - 1
        // At most three continuation bytes precede a lead byte in valid UTF-8.
        while start > 0, offset - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }

    /// The scalar ending just before `offset` (`offset` > 0) and where it starts.
    @inline(__always)
    func scalar(before offset: Int) -> (scalar: Unicode.Scalar, start: Int) {
        let start = scalarStart(before: offset)
        return (scalar(at: start).scalar, start)
    }

    /// The bytes in `range` as a string (used only for short tokens).
    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
