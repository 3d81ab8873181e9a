// SPDX-License-Identifier: GPL-3.0-or-later

/// Splits text into lines by its UTF-8 bytes, for the page-text cleaner and the embedded word tables.
///
/// Splitting a String by Characters walks its grapheme clusters: that was a quarter of cleaning a
/// long page and most of building a normalizer from its tables. Line breaks are single bytes or
/// whole three-byte scalars, never part of another scalar, so the cuts fall between scalars.
package enum TextLines {
    /// The lines of `text`, split at LF, CR, CRLF (one break), U+2028 and U+2029; empty lines kept.
    package static func split(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var i = start
        while i != utf8.endIndex {
            let byte = utf8[i]
            var next = utf8.index(after: i)
            var isBreak = false
            if byte == 0x0A {
                isBreak = true
            } else if byte == 0x0D {
                isBreak = true
                if next != utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
            } else if byte == 0xE2, next != utf8.endIndex, utf8[next] == 0x80 {
                let third = utf8.index(after: next)
                if third != utf8.endIndex, utf8[third] == 0xA8 || utf8[third] == 0xA9 {
                    isBreak = true
                    next = utf8.index(after: third)
                }
            }
            if isBreak {
                lines.append(Substring(utf8[start..<i]))
                start = next
            }
            i = next
        }
        lines.append(Substring(utf8[start..<utf8.endIndex]))
        return lines
    }
}
