// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterNormalization

/// Maps scalar offsets in the text eSpeak NG was given back to offsets in the normalized sentence.
///
/// Between normalization and the engine the text is rewritten: pronunciation respellings
/// ("Bayrou" → "Baïrou"), `[[phoneme]]` words, repairs of numbers and elisions, or, on a retry after
/// a crash, the ``DefusedText`` form (letters and digits only). Both texts are cut into tokens (runs
/// of letters and digits); equal tokens (ignoring case) are matched in order, and a stretch that
/// differs is resynchronized at the nearest pair of equal tokens within ``window`` tokens on either
/// side, its tokens shared out in order. The mapping never goes backwards. Linear time: each step
/// looks at most `window`² pairs.
struct TokenAlignment {
    /// How far ahead a resynchronization looks, in tokens, on each side.
    static let window = 6

    private struct Token {
        var range: Range<Int>
        var key: [Unicode.Scalar]
    }

    /// For each engine token, the normalized token it stands for.
    private let target: [Int]
    private let engineTokens: [Token]
    private let normalizedTokens: [Token]

    init(engine: String, normalized: String) {
        engineTokens = Self.tokens(engine)
        normalizedTokens = Self.tokens(normalized)
        target = Self.align(engineTokens, normalizedTokens)
    }

    /// The normalized offset for an engine offset: the start of the normalized token that the engine
    /// token at (or after) `engineOffset` stands for; the end of the text past the last token.
    func normalizedOffset(_ engineOffset: Int) -> Int? {
        guard !normalizedTokens.isEmpty else { return nil }
        // The first engine token that ends after the offset (tokens are sorted).
        var low = 0, high = engineTokens.count
        while low < high {
            let mid = (low + high) / 2
            if engineTokens[mid].range.upperBound <= engineOffset { low = mid + 1 } else { high = mid }
        }
        guard low < engineTokens.count else { return nil }
        return normalizedTokens[target[low]].range.lowerBound
    }

    private static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var start: Int?
        var key: [Unicode.Scalar] = []
        var offset = 0
        for scalar in text.unicodeScalars {
            if Tokenizer.isLetter(scalar) || Tokenizer.isDigit(scalar) {
                if start == nil { start = offset }
                key.append(Tokenizer.lower(scalar))
            } else if let from = start {
                tokens.append(Token(range: from..<offset, key: key))
                start = nil
                key.removeAll(keepingCapacity: true)
            }
            offset += 1
        }
        if let from = start { tokens.append(Token(range: from..<offset, key: key)) }
        return tokens
    }

    /// Greedy alignment with bounded look-ahead; the result is non-decreasing.
    private static func align(_ engine: [Token], _ normalized: [Token]) -> [Int] {
        guard !normalized.isEmpty else { return Array(repeating: 0, count: engine.count) }
        var target = Array(repeating: 0, count: engine.count)
        var e = 0, n = 0
        while e < engine.count {
            if n >= normalized.count {
                target[e] = normalized.count - 1
                e += 1
                continue
            }
            if engine[e].key == normalized[n].key {
                target[e] = n
                e += 1
                n += 1
                continue
            }
            // The nearest equal pair ahead, fewest tokens skipped in all.
            var best: (de: Int, dn: Int)?
            search: for total in 1...(2 * window) {
                for de in max(0, total - window)...min(total, window) {
                    let dn = total - de
                    guard e + de < engine.count, n + dn < normalized.count else { continue }
                    if engine[e + de].key == normalized[n + dn].key { best = (de, dn); break search }
                }
            }
            if let (de, dn) = best {
                // Engine tokens e..<e+de stand for normalized tokens n..<n+dn, shared out in order.
                for k in 0..<de { target[e + k] = n + (dn == 0 ? 0 : k * dn / de) }
                e += de
                n += dn
            } else {
                target[e] = n  // one for one, until they agree again
                e += 1
                n += 1
            }
        }
        return target
    }
}
