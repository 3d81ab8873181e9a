// SPDX-License-Identifier: GPL-3.0-or-later
@testable import EcouterNormalization
import Testing

/// The shapes `scripts/fuzz-cli.py` throws at `normalize --lines` and `sentences`, as a seeded
/// property test: number-like runs glued to units, symbols, Roman numerals, abbreviations,
/// scripts and emoji. Nothing crashed or hung there; this keeps it so.
@Suite struct FuzzNormalizationTests {
    static let snippets = [
        "1.2.3.4.5.6.7.8.9", "1/2/3/4/5/6", "12:34:56:78", "1 000 000 000 000 000 000 €", "XIXe ", "M. ", "M. M. M. ",
        "99999999999999999999", "9223372036854775807", "9223372036854775808", "18446744073709551616",
        "-9223372036854775808", "1,000000000000000000001", "0,", ",5", "12h60", "25h99", "24:00", "31/02/2025",
        "00/00/0000", "32/13/99999", "1er", "1000000000000e", "MMMMMMMMMMMMMMMM", "IIII", "XLXLXL", "Louis XIV", "10 %",
        "1e10", "1E+308", "10^100", "1/0", "0/0", "12 km/h", "5 m²", "3 °C", "100 000 000 000 000 000 000 000 000 km",
        "06 12 34 56 78", "+33 6 12 34 56 78", "3 500 000 $", "12,50 €", "€12", "£ 5", "−3", "+-+-3", "1..2", "…", "?!?!",
        "c.-à-d.", "etc.", "av. J.-C.", "p. ex.", "n°", "N° 5", "§ 3", "SNCF", "A.B.C.D.", "U.S.A.", "www.example.fr",
        "a.b@c.fr", "http://x.fr/1/2/3", "14h30min", "2025-03-01", "lundi 3 mars 2025", "XXIe siècle", "1ère", "2ème",
        "1,2 milliard", "1.234.567,89", "1\u{A0}000", "1\u{202F}000", "\u{BD}", "\u{2153}", "\u{2460}", "\u{663}",
        "\u{FF15}", "Ⅻ", "½ €", "[[ɛ̃]]", "[[", "]]", "‰", "±", "≥", "→", "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}",
        "\u{1F1EB}\u{1F1F7}", "e\u{301}\u{301}\u{301}", "\u{5D0}\u{5D1} 12", "\u{627}\u{644} ١٢", "\u{202E}12\u{202C}",
        "\u{2028}", "\u{85}", "\u{B}", "\r", "\u{FEFF}", "\u{AD}", "𝟘𝟙", "\u{10FFFD}",
    ]

    static func line(_ rng: inout SeededGenerator) -> String {
        let count = Int.random(in: 1...12, using: &rng)
        let glue = ["", " ", ".", "/", ":", ",", "-", "\u{A0}"].randomElement(using: &rng)!
        return (0..<count).map { _ in snippets.randomElement(using: &rng)! }.joined(separator: glue)
    }

    @Test(arguments: [11, 12, 13] as [UInt64])
    func normalizedItemsStayOnOneLineAndSaySomething(seed: UInt64) {
        var rng = SeededGenerator(state: seed)
        let normalizer = FrenchNormalizer()
        let breaks: Set<Unicode.Scalar> = ["\n", "\r", "\u{B}", "\u{C}", "\u{85}", "\u{2028}", "\u{2029}"]
        for _ in 0..<150 {
            let item = Self.line(&rng)
            let spoken = normalizer.normalize(item)
            // `normalize --lines` prints exactly one line per input line.
            #expect(!spoken.unicodeScalars.contains(where: breaks.contains), "\(item.debugDescription) -> \(spoken.debugDescription)")
            #expect(!spoken.contains("[["), "\(item.debugDescription)")
            if item.unicodeScalars.contains(where: { Tokenizer.isLetter($0) || Tokenizer.isDigit($0) }) {
                #expect(!spoken.isEmpty, "\(item.debugDescription)")
            }
        }
    }

    @Test(arguments: [21, 22] as [UInt64])
    func gluedShapesKeepTheSegmentationContract(seed: UInt64) {
        var rng = SeededGenerator(state: seed)
        for _ in 0..<200 {
            let text = (0..<Int.random(in: 1...4, using: &rng)).map { _ in Self.line(&rng) }.joined(separator: ["\n", " ", "\n\n"].randomElement(using: &rng)!)
            checkSegmentationContract(text)
            checkSegmentationContract(text, segmenter: SentenceSegmenter(options: .init(maximumSentenceLength: 7)))
        }
    }

    @Test(arguments: ["XIXe ", "M. ", "1/", "1,", "1h", "n° ", "1e", "[1]", "-1", "12 km "])
    func repeatedShapesAreLinear(unit: String) {
        // 40 000 repetitions take under a second in release; 4 000 and 8 000 here, in debug.
        let normalizer = FrenchNormalizer()
        let clock = ContinuousClock()
        var times: [Duration] = []
        for count in [4_000, 8_000] {
            let start = clock.now
            let spoken = normalizer.normalize(String(repeating: unit, count: count))
            times.append(clock.now - start)
            #expect(!spoken.isEmpty)
        }
        #expect(times[1] < .seconds(4), "\(unit.debugDescription): \(times)")
    }
}
