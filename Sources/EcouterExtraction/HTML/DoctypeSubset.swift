// SPDX-License-Identifier: GPL-3.0-or-later

/// Removes the internal subset of a leading `<!DOCTYPE … [ … ]>` before libxml2's HTML parser sees it.
///
/// HTML has no internal DTD subset and libxml2's HTML parser does not read one: the declaration
/// ends at the first `>` inside the subset, and the rest (`<!ENTITY e2 "…"> ]>`) becomes page text,
/// which was then read aloud as the title. The subset declares nothing an HTML page can use
/// (entities are never expanded here), so dropping it loses nothing. One forward pass.
enum DoctypeSubset {
    static func removed(from bytes: [UInt8]) -> [UInt8] {
        let n = bytes.count
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < n, isSpace(bytes[i]) { i += 1 }
        let keyword = Array("<!doctype".utf8)
        guard i + keyword.count <= n, zip(bytes[i..<i + keyword.count], keyword).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) else { return bytes }
        // The subset opens with '[' before the declaration's '>' (quoted identifiers skipped).
        var open = i + keyword.count
        var quote: UInt8 = 0
        while open < n {
            let byte = bytes[open]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return bytes
            } else if byte == UInt8(ascii: "[") {
                break
            }
            open += 1
        }
        guard open < n else { return bytes }
        // It closes with ']' then '>' (spaces between), outside literals and comments.
        var k = open + 1
        quote = 0
        while k < n {
            let byte = bytes[k]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "<"), k + 3 < n, bytes[k + 1] == UInt8(ascii: "!"), bytes[k + 2] == UInt8(ascii: "-"), bytes[k + 3] == UInt8(ascii: "-") {
                k += 4
                while k + 2 < n, !(bytes[k] == UInt8(ascii: "-") && bytes[k + 1] == UInt8(ascii: "-") && bytes[k + 2] == UInt8(ascii: ">")) { k += 1 }
                k += 2
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "]") {
                var m = k + 1
                while m < n, isSpace(bytes[m]) { m += 1 }
                if m < n, bytes[m] == UInt8(ascii: ">") { return Array(bytes[..<open]) + Array(bytes[m...]) }
            }
            k += 1
        }
        return bytes  // never closed: left to libxml2 as it is
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C }
}
