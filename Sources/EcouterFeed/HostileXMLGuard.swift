// SPDX-License-Identifier: GPL-3.0-or-later

/// Refuses XML that declares entities, before libxml2 sees it.
///
/// Feeds never need `<!ENTITY>`: the five predefined entities and character references cover
/// everything. Declared entities are what external-entity attacks (XXE: `SYSTEM "file:///etc/passwd"`)
/// and expansion bombs ("billion laughs") are made of, so any declaration is refused rather than
/// handled. The parser is also run without entity substitution and without DTD loading, and the
/// parsed tree is checked again (``XMLFeedParser``): this scan is the cheap first gate.
enum HostileXMLGuard {
    /// Scans the prolog — the bytes before the first start tag — for `<!ENTITY`, in one pass.
    ///
    /// An entity value may itself contain `<tag>`, but only after its own `<!ENTITY`, which was
    /// seen first; comments and processing instructions are skipped so `<!-- <!ENTITY -->` is harmless.
    static func check(_ bytes: [UInt8]) throws(FeedError) {
        let entity = Array("<!ENTITY".utf8)
        var i = 0
        let n = bytes.count
        while i < n {
            guard bytes[i] == UInt8(ascii: "<"), i + 1 < n else { i += 1; continue }
            let next = bytes[i + 1]
            if isNameStart(next) { return }  // the root element: the prolog is over
            if hasPrefix(bytes, at: i, Array("<!--".utf8)) {
                i = skip(bytes, from: i + 4, past: Array("-->".utf8))
                continue
            }
            if next == UInt8(ascii: "?") {
                i = skip(bytes, from: i + 2, past: Array("?>".utf8))
                continue
            }
            if hasPrefix(bytes, at: i, entity, caseInsensitive: true) {
                throw FeedError(.hostile, "the feed declares XML entities (<!ENTITY>), which feeds never need; refused to guard against external-entity and expansion attacks")
            }
            i += 1
        }
    }

    private static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte >= 0x80
    }

    private static func hasPrefix(_ bytes: [UInt8], at index: Int, _ prefix: [UInt8], caseInsensitive: Bool = false) -> Bool {
        guard index + prefix.count <= bytes.count else { return false }
        for k in 0..<prefix.count {
            var b = bytes[index + k]
            if caseInsensitive, b >= 0x61, b <= 0x7A { b -= 0x20 }
            if b != prefix[k] { return false }
        }
        return true
    }

    /// The index just after the next `terminator` at or after `from` (the end when there is none).
    private static func skip(_ bytes: [UInt8], from: Int, past terminator: [UInt8]) -> Int {
        var i = from
        while i + terminator.count <= bytes.count {
            if bytes[i] == terminator[0], hasPrefix(bytes, at: i, terminator) { return i + terminator.count }
            i += 1
        }
        return bytes.count
    }
}
