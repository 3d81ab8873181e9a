// SPDX-License-Identifier: GPL-3.0-or-later
// Pull quotes: magazines set a sentence of the article again, large, between two paragraphs
// (« Nous avons dépassé le point… »). Scraped, it reads like a subheading and would be heard
// twice. A short block whose words stand, in order, inside a neighbouring block is that echo.

enum EchoedBlocks {
    /// Shortest echo looked for: a subheading of a few words may well repeat the paragraph's opening.
    static let minimumWords = 7
    /// Longest block taken for a pull quote.
    static let maximumCharacters = 320

    /// For each block, whether it repeats the text of a block at most `reach` before or after it
    /// (the shorter of two such blocks is the echo). Linear: each block is searched for in a
    /// fixed number of neighbours with a rolling hash.
    static func flags(_ blocks: [String], reach: Int = 2) -> [Bool] {
        var keys: [[UInt8]?] = Array(repeating: nil, count: blocks.count)
        func key(_ i: Int) -> [UInt8] {
            if let known = keys[i] { return known }
            let made = wordBytes(blocks[i])
            keys[i] = made
            return made
        }
        var flags = [Bool](repeating: false, count: blocks.count)
        let sizes = blocks.map(\.utf8.count)
        for i in blocks.indices where sizes[i] <= maximumCharacters * 4 && blocks[i].unicodeScalars.count <= maximumCharacters {
            // Only a longer neighbour can hold the block (checked on bytes first: folding costs more).
            let nearby = max(0, i - reach)...min(blocks.count - 1, i + reach)
            guard nearby.contains(where: { sizes[$0] > sizes[i] }) else { continue }
            let needle = key(i)
            guard needle.reduce(0, { $0 + ($1 == 0x20 ? 1 : 0) }) + 1 >= minimumWords else { continue }
            for distance in 1...max(reach, 1) {
                for j in [i - distance, i + distance] where j >= 0 && j < blocks.count {
                let haystack = key(j)
                    if haystack.count > needle.count, contains(haystack, needle) { flags[i] = true }
                }
                if flags[i] { break }
            }
        }
        return flags
    }

    /// The block's words, folded, separated by single spaces, with a space at each end (so a
    /// match starts and ends on word boundaries).
    static func wordBytes(_ text: String) -> [UInt8] {
        var out: [UInt8] = [0x20]
        for byte in TextShape.folded(text).utf8 {
            let isWord = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
            if isWord { out.append(byte) } else if out.last != 0x20 { out.append(0x20) }
        }
        if out.last != 0x20 { out.append(0x20) }
        return out
    }

    /// Rabin–Karp: linear in the haystack, whatever the text.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        let m = needle.count
        guard m > 0, haystack.count >= m else { return m == 0 }
        let base: UInt64 = 257
        var power: UInt64 = 1
        for _ in 1..<m { power = power &* base }
        var target: UInt64 = 0, window: UInt64 = 0
        for k in 0..<m {
            target = target &* base &+ UInt64(needle[k])
            window = window &* base &+ UInt64(haystack[k])
        }
        var start = 0
        while true {
            if window == target, haystack[start..<(start + m)].elementsEqual(needle) { return true }
            let next = start + m
            guard next < haystack.count else { return false }
            window = (window &- UInt64(haystack[start]) &* power) &* base &+ UInt64(haystack[next])
            start += 1
        }
    }
}
