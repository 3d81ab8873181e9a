// SPDX-License-Identifier: GPL-3.0-or-later

/// Name-based UUIDs, version 5 (RFC 9562 §5.5): SHA-1 of the namespace's 16 bytes followed by the
/// name's UTF-8 bytes, truncated to 16 bytes, with the version and variant bits set.
enum UUIDv5 {
    /// The UUID in its lowercase 8-4-4-4-12 form; nil when `namespace` is not a UUID.
    static func make(namespace: String, name: String) -> String? {
        guard let space = bytes(of: namespace) else { return nil }
        var hash = Array(SHA1.digest(space + Array(name.utf8)).prefix(16))
        hash[6] = hash[6] & 0x0F | 0x50
        hash[8] = hash[8] & 0x3F | 0x80
        let hex = SHA256.hexString(hash)
        let cuts = [8, 12, 16, 20]
        var out = ""
        for (index, character) in hex.enumerated() {
            if cuts.contains(index) { out.append("-") }
            out.append(character)
        }
        return out
    }

    /// The 16 bytes of a UUID written as 32 hex digits with or without hyphens.
    private static func bytes(of uuid: String) -> [UInt8]? {
        let digits = uuid.filter { $0 != "-" }
        guard digits.count == 32 else { return nil }
        var out: [UInt8] = []
        var index = digits.startIndex
        while index < digits.endIndex {
            let next = digits.index(index, offsetBy: 2)
            guard let byte = UInt8(digits[index..<next], radix: 16) else { return nil }
            out.append(byte)
            index = next
        }
        return out
    }
}
