// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterNormalization
import Testing

/// A small deterministic generator (SplitMix64) so failures reproduce; shared by this target's
/// property and fuzz tests.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct PropertyTests {
    /// Scalars drawn mostly from what news text holds, plus anything else Unicode allows.
    static func randomString(_ rng: inout SeededGenerator, length: Int) -> String {
        let pool = Array("0123456789 ,.;:!?-–—/%€$°²³[]()«»'’&@#+=<>xXhHeèéMmIVXLCDkKgGsSnN°ᵉʳ½\u{00A0}\u{202F}\u{0301}\n\t".unicodeScalars)
        var s = ""
        for _ in 0..<length {
            if Int.random(in: 0..<4, using: &rng) == 0 {
                let v = UInt32.random(in: 0...0x10FFFF, using: &rng)
                if let c = Unicode.Scalar(v) { s.unicodeScalars.append(c) }
            } else {
                s.unicodeScalars.append(pool[Int.random(in: 0..<pool.count, using: &rng)])
            }
        }
        return s
    }

    static func hasLetterOrDigit(_ s: String) -> Bool {
        s.unicodeScalars.contains { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }

    @Test func randomUnicodeNeverCrashesAndSaysSomething() {
        var rng = SeededGenerator(state: 20_250_630)
        let normalizer = FrenchNormalizer()
        for _ in 0..<3000 {
            let input = Self.randomString(&rng, length: Int.random(in: 0..<40, using: &rng))
            let output = normalizer.normalize(input)
            #expect(!output.contains("\n"))
            #expect(!output.contains("[["), "brackets leaked for \(input.debugDescription)")
            if input.unicodeScalars.contains(where: { ("a"..."z").contains($0) || ("0"..."9").contains($0) }) {
                #expect(Self.hasLetterOrDigit(output), "empty reading for \(input.debugDescription)")
            }
        }
    }

    @Test func everyRegionReadsEveryNumberBelowAThousand() {
        for region in FrenchRegion.allCases {
            let normalizer = FrenchNormalizer(options: NormalizerOptions(region: region))
            for n in 0..<1000 {
                let spoken = normalizer.normalize(String(n))
                let hasDigit = spoken.contains(where: \.isNumber)
                #expect(!spoken.isEmpty && !hasDigit, "\(region) \(n) → \(spoken)")
            }
        }
    }

    @Test func megabyteOfDigitsIsReadInGroups() {
        let input = String(repeating: "1234567890", count: 100_000)
        let output = FrenchNormalizer().normalize(input)
        let hasBad = output.contains(where: \.isNumber)
        #expect(!hasBad)
        #expect(output.hasPrefix("cent vingt-trois quatre cent cinquante-six"))
    }

    @Test func megabyteOfDotsStaysPunctuation() {
        let output = FrenchNormalizer().normalize(String(repeating: ".", count: 1_000_000))
        let hasBad = output.contains(where: \.isLetter)
        #expect(!hasBad)
        #expect(!output.contains("\n"))
    }

    @Test func longWordPassesThrough() {
        let word = String(repeating: "a", count: 100_000)
        #expect(FrenchNormalizer().normalize(word) == word)
        let upper = String(repeating: "B", count: 100_000)
        #expect(FrenchNormalizer().normalize(upper).count == 199_999)
    }

    @Test func nestedBracketsLeaveNoDoubleBrackets() {
        let input = String(repeating: "[", count: 10_000) + "texte 3" + String(repeating: "]", count: 10_000)
        let output = FrenchNormalizer().normalize(input)
        #expect(output == "texte trois")
        let parens = String(repeating: "(", count: 10_000) + "x" + String(repeating: ")", count: 10_000)
        #expect(FrenchNormalizer().normalize(parens).contains("x"))
    }

    @Test func manyDottedWordsAreLinear() {
        // Addresses are scanned once per word start; a long dotted run must not rescan.
        let input = String(repeating: "a.", count: 200_000)
        let output = FrenchNormalizer().normalize(input)
        #expect(output.count >= 200_000)
    }
}
