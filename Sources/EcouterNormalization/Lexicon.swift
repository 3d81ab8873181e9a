// SPDX-License-Identifier: GPL-3.0-or-later
public import EcouterCore


/// A pronunciation lexicon: `written<TAB>respelling or [[espeak phonemes]]` per line.
public struct Lexicon: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var written: String
        public var spoken: String
        public init(written: String, spoken: String) { self.written = written; self.spoken = spoken }
    }
    public private(set) var entries: [Entry]
    public init(entries: [Entry] = []) { self.entries = entries }

    /// Parses TSV text; `name` appears in error messages.
    public init(tsv: String, name: String) throws(LexiconError) {
        // Read as UTF-8 bytes: splitting the String by Characters (grapheme clusters) made parsing
        // the shipped lexicon cost more than building the rest of the normalizer.
        var entries: [Entry] = []
        let isBlank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        for (number, raw) in tsv.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let line = raw.last == 0x0D ? raw.dropLast() : raw  // a CRLF file reads as LF
            guard let first = line.firstIndex(where: { !isBlank($0) }), line[first] != UInt8(ascii: "#") else { continue }
            let fields = line.split(separator: 0x09, omittingEmptySubsequences: false)
            guard fields.count == 2, !fields[0].isEmpty, !fields[1].isEmpty else {
                throw LexiconError(message: "\(name):\(number + 1): expected written<TAB>spoken")
            }
            entries.append(Entry(written: String(decoding: fields[0], as: UTF8.self), spoken: String(decoding: fields[1], as: UTF8.self)))
        }
        self.entries = entries
    }

    /// This lexicon with `other`'s entries added; `other` wins on the same written form.
    public func merging(_ other: Lexicon) -> Lexicon {
        if entries.isEmpty { return other }
        let overridden = Set(other.entries.map(\.written))
        return Lexicon(entries: entries.filter { !overridden.contains($0.written) } + other.entries)
    }
}

/// A lexicon file that cannot be read as `written<TAB>spoken` lines.
public typealias LexiconError = CodedError<LexiconErrorDomain>

/// The codes of ``LexiconError``.
public enum LexiconErrorDomain {}

extension ErrorCode where Domain == LexiconErrorDomain {
    /// A line that is not `written<TAB>spoken`.
    public static var malformed: Self { Self("malformed") }
}

extension CodedError where Domain == LexiconErrorDomain {
    package init(message: String) { self.init(.malformed, message) }
}
