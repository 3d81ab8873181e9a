// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// A quick "certainly not in the table" test for the String-keyed tables of the classes, answered
/// from a token's scalars without building a String (building one per word, then hashing it, cost
/// more than all the rules of a plain word together).
///
/// A 65 536-bit Bloom-style filter with one hash: `false` is exact (the word is not a key), `true`
/// means "look it up" (a false positive costs only the look-up the rule did before). The filter is
/// derived from the table's own keys, so it never drifts from it.
struct WordFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 1024)

    /// A filter over `keys`. Each key is added as written and in NFC (a String key is found by any
    /// canonically equivalent spelling, and the cleaned text is NFC).
    init<S: Sequence>(_ keys: S) where S.Element == String {
        for key in keys {
            add(key.unicodeScalars)
            add(key.precomposedStringWithCanonicalMapping.unicodeScalars)
        }
    }

    private mutating func add(_ scalars: String.UnicodeScalarView) {
        var h = Self.seed
        for c in scalars { h = Self.mix(h, c) }
        let b = Self.finish(h)
        bits[b >> 6] |= 1 << UInt64(b & 63)
    }

    private static let seed: UInt32 = 2_166_136_261

    @inline(__always)
    private static func mix(_ h: UInt32, _ c: Unicode.Scalar) -> UInt32 { (h ^ c.value) &* 16_777_619 }

    @inline(__always)
    private static func finish(_ h: UInt32) -> Int { Int((h ^ (h >> 16)) & 0xFFFF) }

    /// False when the scalars `s[from..<to]` spelled exactly are no key.
    ///
    /// Below U+0300 a spelling is the only one of its canonical equivalence class (no combining
    /// marks), so comparing scalars is comparing Strings; a word with a scalar beyond that answers
    /// true and goes to the table's own look-up.
    @inline(__always)
    func mightContain(_ s: [Unicode.Scalar], _ from: Int, _ to: Int) -> Bool {
        var h = Self.seed
        var k = from
        while k < to {
            let c = s[k]
            if c.value >= 0x300 { return true }
            h = Self.mix(h, c)
            k += 1
        }
        let b = Self.finish(h)
        return bits[b >> 6] & (1 << UInt64(b & 63)) != 0
    }

    /// False when `s[from..<to]` lower-cased scalar by scalar (``Tokenizer/lower(_:)``, as
    /// ``Verbalizer/lowerText(_:)`` does) is no key.
    @inline(__always)
    func mightContainLowered(_ s: [Unicode.Scalar], _ from: Int, _ to: Int) -> Bool {
        var h = Self.seed
        var k = from
        while k < to {
            let c = s[k]
            if c.value >= 0x300 { return true }
            h = Self.mix(h, Tokenizer.lower(c))
            k += 1
        }
        let b = Self.finish(h)
        return bits[b >> 6] & (1 << UInt64(b & 63)) != 0
    }
}

/// A set of scalars with an ASCII bitmap in front: most punctuation of a text is ASCII, and a bit
/// test is far cheaper than hashing a scalar into a Set or Dictionary.
struct ScalarFilter: Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    private var others: Set<Unicode.Scalar> = []

    init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        for c in scalars {
            let v = c.value
            if v < 64 {
                low |= 1 << UInt64(v)
            } else if v < 128 {
                high |= 1 << UInt64(v - 64)
            } else {
                others.insert(c)
            }
        }
    }

    @inline(__always)
    func contains(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 64 { return low & (1 << UInt64(v)) != 0 }
        if v < 128 { return high & (1 << UInt64(v - 64)) != 0 }
        return others.contains(c)
    }
}
