// SPDX-License-Identifier: GPL-3.0-or-later

/// A stable, non-cryptographic hash (FNV-1a, 64-bit) of text, for fingerprints that must not
/// change between runs or machines (Swift's `Hasher` is seeded per process).
package enum StableHash {
    package static func value(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// 16 lowercase hex digits.
    package static func hex(_ text: String) -> String {
        let v = String(value(text), radix: 16)
        return String(repeating: "0", count: 16 - v.count) + v
    }
}
