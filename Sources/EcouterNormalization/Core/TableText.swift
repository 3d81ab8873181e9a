// SPDX-License-Identifier: GPL-3.0-or-later

/// Lines and tab-separated fields of the embedded word tables, split on UTF-8 bytes.
///
/// Splitting a String by Characters walks its grapheme clusters; on the tables every reading loads
/// at start (units, currencies, acronyms, abbreviations, feminine nouns) that was most of the cost of
/// building a normalizer. Line feeds and tabs are single bytes, never part of another scalar.
enum TableText {
    /// The non-empty lines of `text`, split at line feeds; a carriage return before one is dropped.
    static func lines(_ text: String) -> [Substring] {
        text.utf8.split(separator: 0x0A).compactMap { raw in
            let line = raw.last == 0x0D ? raw.dropLast() : raw
            return line.isEmpty ? nil : Substring(line)
        }
    }

    /// The fields of `line` between tabs, empty ones kept.
    static func fields(_ line: Substring) -> [Substring] {
        line.utf8.split(separator: 0x09, omittingEmptySubsequences: false).map { Substring($0) }
    }
}
