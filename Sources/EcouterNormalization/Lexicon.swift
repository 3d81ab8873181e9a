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
        var entries: [Entry] = []
        for (number, line) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2, !fields[0].isEmpty, !fields[1].isEmpty else {
                throw LexiconError(message: "\(name):\(number + 1): expected written<TAB>spoken")
            }
            entries.append(Entry(written: String(fields[0]), spoken: String(fields[1])))
        }
        self.entries = entries
    }

    /// This lexicon with `other`'s entries added; `other` wins on the same written form.
    public func merging(_ other: Lexicon) -> Lexicon {
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

extension Substring {
    fileprivate func trimmingCharacters(in set: Character.WhitespaceSet) -> Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
        return s
    }
}
extension Character {
    fileprivate enum WhitespaceSet { case whitespaces }
}
