// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// Typographic clean-up before tokenizing: NFC, one kind of apostrophe, one kind of space,
/// no line breaks, no invisible characters. Quotation marks become spaces (a reader does not say them).
package enum TextCleaner {
    /// The cleaned scalars of `text`; runs of white space become one ASCII space.
    package static func clean(_ text: String) -> [Unicode.Scalar] {
        // One pass maps the text and notes whether it needs NFC; the rare text that does is composed
        // and mapped again (news text almost never needs it, and a separate check cost a pass of its own).
        var none = NoOrigins()
        let (out, needsComposition) = mapped(text, &none)
        guard needsComposition else { return out }
        return mapped(text.precomposedStringWithCanonicalMapping, &none).scalars
    }

    /// The cleaned scalars of `text` (as ``clean(_:)``), and for each one the range of scalar offsets
    /// of `text` it comes from: cleaning drops, merges and composes scalars, and spans shown to a user
    /// must point into the text as given.
    package static func cleanWithOrigins(_ text: String) -> (scalars: [Unicode.Scalar], origins: [Range<Int>]) {
        var origins = ScalarOrigins()
        let (out, needsComposition) = mapped(text, &origins)
        guard needsComposition else { return (out, origins.ranges) }
        let composed = text.precomposedStringWithCanonicalMapping
        var composedOrigins = ScalarOrigins()
        let scalars = mapped(composed, &composedOrigins).scalars
        // Composition stays inside a grapheme cluster: a composed scalar comes from its whole cluster.
        let clusterOf = clusterRanges(original: text, composed: composed)
        let ranges = composedOrigins.ranges.map { r -> Range<Int> in
            guard r.upperBound - 1 < clusterOf.count else { return 0..<text.unicodeScalars.count }
            return clusterOf[r.lowerBound].lowerBound..<clusterOf[r.upperBound - 1].upperBound
        }
        return (scalars, ranges)
    }

    /// For each scalar of `composed`, the scalar range in `original` of the grapheme cluster holding it
    /// (the whole text when the two do not have the same clusters).
    private static func clusterRanges(original: String, composed: String) -> [Range<Int>] {
        let total = original.unicodeScalars.count
        guard original.count == composed.count else {
            return [Range<Int>](repeating: 0..<total, count: composed.unicodeScalars.count)
        }
        var result: [Range<Int>] = []
        result.reserveCapacity(composed.unicodeScalars.count)
        var offset = 0
        for (originalCluster, composedCluster) in zip(original, composed) {
            let width = originalCluster.unicodeScalars.count
            for _ in composedCluster.unicodeScalars { result.append(offset..<offset + width) }
            offset += width
        }
        return result
    }

    /// The mapped scalars of `text`, and whether `text` holds combining marks or other scalars NFC could
    /// change (a cheap over-approximation): a scalar in U+0300…U+037F (combining diacritics) or from U+0800
    /// on, together with any scalar from U+0300 on that is not common precomposed typography.
    private static func mapped<Origins: CleanedOrigins>(
        _ text: String, _ origins: inout Origins
    ) -> (scalars: [Unicode.Scalar], needsComposition: Bool) {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.utf8.count)
        var lastWasSpace = true
        var sawCombiningOrHigh = false
        var sawUncommon = false
        var insideDoubleQuotes = false
        var source = -1
        for scalar in text.unicodeScalars {
            source += 1
            let v = scalar.value
            // Printable ASCII other than the double quote and the backquote is kept as it is.
            if v > 0x22 && v < 0x7F && v != 0x60 {
                // Two apostrophes after "digit'digits" or a digit are a seconds mark too ("3'26''73", "10''49").
                if v == 0x27, out.count >= 2, out[out.count - 1] == "'", Tokenizer.isDigit(out[out.count - 2]) {
                    out[out.count - 1] = "″"
                    origins.extendLast(to: source + 1)
                    lastWasSpace = false
                    continue
                }
                out.append(scalar)
                origins.append(source)
                lastWasSpace = false
                continue
            }
            if v >= 0x300 {
                if v < 0x380 || v >= 0x800 { sawCombiningOrHigh = true }
                if !isCommonPrecomposed(scalar) { sawUncommon = true }
            }
            var mapped = map(scalar)
            // A double quote or ″ right after a digit is a seconds mark ("4'02\"50"): kept as ″ for the chrono
            // rule, unless the double quote closes a quotation it opened (« il a dit "10" fois »).
            if scalar == "\"" {
                if let previous = out.last, Tokenizer.isDigit(previous), !insideDoubleQuotes {
                    mapped = "″"
                } else {
                    insideDoubleQuotes.toggle()
                }
            } else if scalar == "″", let previous = out.last, Tokenizer.isDigit(previous) {
                mapped = "″"
            }
            guard let mapped else { continue }
            if mapped == "'", out.count >= 2, out[out.count - 1] == "'", Tokenizer.isDigit(out[out.count - 2]) {
                out[out.count - 1] = "″"
                origins.extendLast(to: source + 1)
                lastWasSpace = false
                continue
            }
            if mapped == " " {
                if lastWasSpace { continue }
                lastWasSpace = true
            } else {
                lastWasSpace = false
            }
            out.append(mapped)
            origins.append(source)
        }
        if out.last == " " {
            out.removeLast()
            origins.removeLast()
        }
        return (out, sawCombiningOrHigh && sawUncommon)
    }

    private static func isCommonPrecomposed(_ scalar: Unicode.Scalar) -> Bool {
        // Typographic punctuation and spaces are already NFC.
        let v = scalar.value
        return (0x2000...0x206F).contains(v) || (0x20A0...0x20CF).contains(v) || v == 0x202F
            || (0x1D00...0x1DBF).contains(v) || (0x2070...0x209F).contains(v) || (0x2150...0x21FF).contains(v)
            || (0x2200...0x22FF).contains(v)
    }

    /// The replacement of one scalar, or nil to drop it.
    @inline(__always)
    private static func map(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let v = scalar.value
        if v < 0x80 {
            switch v {
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20: return " "
            case 0..<0x20, 0x7F: return " "
            case 0x22: return " "  // "
            case 0x60: return "'"  // `
            default: return scalar
            }
        }
        switch v {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return " "
        case 0x80...0x9F: return " "
        case 0xAD, 0x200B...0x200D, 0x2060, 0xFEFF: return nil  // soft hyphen, zero-width
        case 0x2019, 0x2018, 0x02BC, 0x2032, 0xB4, 0x201B: return "'"
        case 0xAB, 0xBB, 0x201C, 0x201D, 0x201E, 0x201F, 0x2039, 0x203A, 0x2033: return " "
        case 0x2010, 0x2011: return "-"
        case 0x2212: return "−"
        case 0xFFFD: return " "
        // Emoji, pictographs, flags, dingbats and their variation selectors: a news reader skips them.
        case 0x1F000...0x1FAFF, 0x2600...0x27BF, 0x2B50, 0x2B55, 0x2B1B, 0x2B1C: return " "
        case 0xFE0E, 0xFE0F: return nil
        default:
            // Other control or unassigned code points read as nothing.
            if (0xD800...0xDFFF).contains(v) { return " " }
            return scalar
        }
    }
}

/// Receives where each cleaned scalar comes from, as ``TextCleaner`` writes it.
package protocol CleanedOrigins {
    /// A cleaned scalar was appended for source scalar `offset`.
    mutating func append(_ offset: Int)
    /// The last cleaned scalar now also stands for the source scalars up to `end` (two merged marks).
    mutating func extendLast(to end: Int)
    mutating func removeLast()
}

/// Keeps nothing: the plain cleaning path, specialized to no work.
package struct NoOrigins: CleanedOrigins {
    /// One byte so the type is not zero-sized: ThreadSanitizer (Swift 6.3) instruments an `inout`
    /// of a zero-sized generic value at a meaningless address and crashes in its own runtime
    /// (a SEGV in `__tsan::MemoryAccess` under `mapped`, which made the TSan suite run die).
    private var byte: UInt8 = 0
    @inline(__always) package mutating func append(_ offset: Int) {}
    @inline(__always) package mutating func extendLast(to end: Int) {}
    @inline(__always) package mutating func removeLast() {}
}

/// The source scalar range of every cleaned scalar.
package struct ScalarOrigins: CleanedOrigins {
    package var ranges: [Range<Int>] = []
    package mutating func append(_ offset: Int) { ranges.append(offset..<offset + 1) }
    package mutating func extendLast(to end: Int) {
        if let last = ranges.last { ranges[ranges.count - 1] = last.lowerBound..<end }
    }
    package mutating func removeLast() { ranges.removeLast() }
}
