// SPDX-License-Identifier: GPL-3.0-or-later
// Bytes -> String for inputs that carry no reliable label: UTF-8 when the bytes are valid
// UTF-8 (a legacy encoding almost never produces valid multi-byte UTF-8 by accident),
// otherwise Windows-1252, the superset of Latin-1 that French pages actually use.

enum TextDecoding {
    /// True when `bytes` are well-formed UTF-8.
    static func isValidUTF8(_ bytes: some Collection<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// True when some byte is outside ASCII.
    static func hasNonASCII(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.contains { $0 >= 0x80 }
    }

    /// UTF-16 when a UTF-16 byte-order mark says so, else UTF-8 if valid, else Windows-1252.
    /// A leading byte-order mark is dropped.
    static func string(fromUnlabelled bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let littleEndian = bytes[0] == 0xFF
            let units = stride(from: 2, to: bytes.count - 1, by: 2).map { i -> UInt16 in
                littleEndian ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
            }
            return String(decoding: units, as: UTF16.self)
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if isValidUTF8(body) { return String(decoding: body, as: UTF8.self) }
        return windows1252(body)
    }

    /// Decodes Windows-1252 (undefined bytes map to the C1 control of the same value, as browsers do).
    static func windows1252(_ bytes: some Collection<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if byte >= 0x80, byte < 0xA0, let mapped = Unicode.Scalar(cp1252High[Int(byte - 0x80)]) {
                scalars.append(mapped)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    /// Windows-1252 0x80...0x9F.
    private static let cp1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
