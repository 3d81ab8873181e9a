// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterCore

/// Lines and tab-separated fields of the embedded word tables (units, currencies, acronyms,
/// abbreviations, feminine nouns), split on UTF-8 bytes: by Characters, that was most of the cost of
/// building a normalizer. Tabs are single bytes, never part of another scalar.
enum TableText {
    /// The non-empty lines of `text` (``TextLines/split(_:)``: a CRLF is one break).
    static func lines(_ text: String) -> [Substring] {
        TextLines.split(text).filter { !$0.isEmpty }
    }

    /// The fields of `line` between tabs, empty ones kept.
    static func fields(_ line: Substring) -> [Substring] {
        line.utf8.split(separator: 0x09, omittingEmptySubsequences: false).map { Substring($0) }
    }
}
