// SPDX-License-Identifier: GPL-3.0-or-later

/// A linear pre-scan of markup for elements with absurdly many attributes.
///
/// libxml2 checks each new attribute of an element against the ones before it, so an element with
/// tens of thousands of attributes costs quadratic time (minutes, in pages and feeds alike). No real
/// page or feed comes near ``maximumAttributes``; such a document is refused before it is parsed.
package enum MarkupAttributeScan {
    /// More attributes than this on one element make the document hostile.
    package static let maximumAttributes = 1000

    /// The number of attributes of the first element that has more than ``maximumAttributes``, or
    /// nil when none has. Counts `name=` inside start tags, skipping quoted values, comments and
    /// declarations (`<!…>`, `<?…>`); one pass, no allocation.
    package static func excess(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer(excess(in:))
    }

    private static func excess(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < count else { index += 1; continue }
            let next = bytes[index + 1]
            if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                index = skipDeclaration(bytes, from: index + 2)
                continue
            }
            guard isNameStart(next) else { index += 1; continue }
            // Inside a start tag: the element name, then attributes up to an unquoted '>'.
            index += 1
            while index < count, isNameCharacter(bytes[index]) { index += 1 }
            var attributes = 0
            var quote: UInt8 = 0
            var previousWasSpace = false
            while index < count {
                let byte = bytes[index]
                if quote != 0 {
                    if byte == quote { quote = 0 }
                } else if byte == UInt8(ascii: ">") || byte == UInt8(ascii: "<") {
                    break  // the tag's end, or it was no tag ("a<b" in prose)
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if isSpace(byte) || byte == UInt8(ascii: "/") {
                    previousWasSpace = true
                    index += 1
                    continue
                } else if previousWasSpace, isNameStart(byte) || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "@") {
                    // `name=`: an attribute (prose after a stray '<' has words, not `name=`).
                    while index < count, isNameCharacter(bytes[index]) || bytes[index] == UInt8(ascii: "@") { index += 1 }
                    while index < count, isSpace(bytes[index]) { index += 1 }
                    if index < count, bytes[index] == UInt8(ascii: "=") {
                        attributes += 1
                        if attributes > maximumAttributes { return attributes }
                        index += 1
                    }
                    previousWasSpace = false
                    continue
                }
                previousWasSpace = false
                index += 1
            }
        }
        return nil
    }

    /// After `<!` or `<?`: the index just past the comment (`-->`) or the declaration's `>`.
    private static func skipDeclaration(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: "-") {
            index += 2
            while index + 2 < bytes.count {
                if bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: "-"), bytes[index + 2] == UInt8(ascii: ">") { return index + 3 }
                index += 1
            }
            return bytes.count
        }
        while index < bytes.count, bytes[index] != UInt8(ascii: ">") { index += 1 }
        return index + 1
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C }
    private static func isNameStart(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || byte == UInt8(ascii: "_") || byte >= 0x80
    }
    private static func isNameCharacter(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
    }
}
