// SPDX-License-Identifier: GPL-3.0-or-later

/// Builds an ID3v2.3 tag (the version every player reads) from ``AudioTags``.
///
/// Written by hand rather than through LAME's `id3tag_*` calls: LAME takes Latin-1 or UTF-16 with its
/// own conventions and grows the tag with padding; here the bytes are exactly what the tests check.
/// Text is stored as ISO-8859-1 when every character fits, otherwise as UTF-16 with a byte-order mark.
package enum ID3v2Tag {
    /// Longest text kept in one frame, in characters: feeds can carry huge descriptions.
    static let maximumFrameCharacters = 1024

    /// The whole tag (10-byte header + frames), or an empty array when `tags` holds nothing.
    package static func bytes(for tags: AudioTags) -> [UInt8] {
        var frames: [UInt8] = []
        func add(_ id: String, _ text: String?) {
            guard let text, let cleaned = clean(text) else { return }
            frames += textFrame(id: id, text: cleaned)
        }
        add("TIT2", tags.title)
        add("TPE1", tags.artist)
        add("TALB", tags.album)
        add("TYER", tags.date.flatMap(year(in:)))
        if let comment = tags.comment.flatMap(clean) {
            frames += commentFrame(text: comment)
        }
        guard !frames.isEmpty else { return [] }
        return [0x49, 0x44, 0x33, 3, 0, 0] + syncsafe(frames.count) + frames
    }

    /// The first four-digit run in `date` that stands alone (e.g. "2026" in RFC 822 or ISO 8601 dates).
    package static func year(in date: String) -> String? {
        var run: [Character] = []
        for character in date + " " {
            if character.isASCII, character.isNumber {
                run.append(character)
            } else {
                if run.count == 4, run[0] == "1" || run[0] == "2" { return String(run) }
                run.removeAll()
            }
        }
        return nil
    }

    /// Control characters become spaces, surrounding blanks go, long text is cut; nil when nothing is left.
    static func clean(_ text: String) -> String? {
        var out = ""
        for scalar in text.unicodeScalars.prefix(maximumFrameCharacters) {
            out.unicodeScalars.append(scalar.properties.generalCategory == .control ? " " : scalar)
        }
        let trimmed = out.trimmingBlanks()
        return trimmed.isEmpty ? nil : trimmed
    }

    static func textFrame(id: String, text: String) -> [UInt8] {
        frame(id: id, body: encoded(text))
    }

    /// COMM: encoding, language "fre", an empty description, then the text.
    ///
    /// In ID3v2.3, encoding 1 means every string of the frame starts with its own byte-order mark:
    /// the description's and the text's (without the second one ffprobe reported the frame broken).
    static func commentFrame(text: String) -> [UInt8] {
        let latin1 = isLatin1(text)
        var body: [UInt8] = [latin1 ? 0 : 1] + Array("fre".utf8)
        // The empty description, terminated (one NUL in Latin-1, BOM + two NULs in UTF-16).
        body += latin1 ? [0] : [0xFF, 0xFE, 0, 0]
        body += latin1 ? latin1Bytes(text) : utf16LEWithBOM(text)
        return frame(id: "COMM", body: body)
    }

    /// Encoding byte + text: 0 = ISO-8859-1, 1 = UTF-16 with BOM.
    static func encoded(_ text: String) -> [UInt8] {
        isLatin1(text) ? [0] + latin1Bytes(text) : [1] + utf16LEWithBOM(text)
    }

    static func frame(id: String, body: [UInt8]) -> [UInt8] {
        let size = UInt32(body.count)
        return Array(id.utf8) + [UInt8(size >> 24), UInt8(size >> 16 & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size & 0xFF), 0, 0] + body
    }

    static func isLatin1(_ text: String) -> Bool { text.unicodeScalars.allSatisfy { $0.value < 0x100 } }
    static func latin1Bytes(_ text: String) -> [UInt8] { text.unicodeScalars.map { UInt8($0.value) } }
    static func utf16LEWithBOM(_ text: String) -> [UInt8] {
        var out: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { out += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        return out
    }

    /// A 28-bit size as four 7-bit bytes (the ID3v2 header's "syncsafe" integer).
    static func syncsafe(_ value: Int) -> [UInt8] {
        [UInt8(value >> 21 & 0x7F), UInt8(value >> 14 & 0x7F), UInt8(value >> 7 & 0x7F), UInt8(value & 0x7F)]
    }
}

extension String {
    /// The string without leading and trailing whitespace, without Foundation.
    func trimmingBlanks() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
