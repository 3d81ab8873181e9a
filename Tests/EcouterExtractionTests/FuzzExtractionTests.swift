// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
@testable import EcouterExtraction

/// Inputs found by `scripts/fuzz-cli.py`, kept as regressions, and seeded mutations of the fixture
/// pages: a readable article or an `ExtractionError`, never a crash, a hang or a lost page.
@Suite struct FuzzExtractionTests {
    let extractor = ArticleExtractor()
    static let sentence = "Le conseil municipal a adopte le budget apres une longue seance, marquee par des debats animes."

    // MARK: Conditional comments

    @Test func unclosedConditionalCommentsStayLinear() {
        // Each unclosed "![if" used to rescan the rest of the text for "]>": 10 000 took 35 s.
        let text = String(repeating: "![if x ", count: 200_000)
        let clock = ContinuousClock()
        let start = clock.now
        #expect(HTMLParser.withoutConditionalComments(text) == text)
        let closedLate = String(repeating: "<![if x ", count: 100_000) + "]> fin"
        #expect(HTMLParser.withoutConditionalComments(closedLate) == " fin")
        let elapsed = clock.now - start
        #expect(elapsed < .seconds(5), "took \(elapsed)")
    }

    @Test func conditionalCommentsMatchTheSimpleDefinition() {
        // The linear scanner against the obvious (quadratic) definition on small random texts.
        var rng = SplitMix64(seed: 42)
        let pieces = ["<", "!", "[", "![", "if", "endif", "]", ">", "]>", "x", " ", "é", "<![if ", "<![endif]>"]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...14, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            #expect(HTMLParser.withoutConditionalComments(text) == Self.referenceWithoutConditionals(text), "\(text)")
        }
    }

    /// What `withoutConditionalComments` means: every "![if…]>" or "![endif…]>" (with a "<"
    /// right before it) removed, scanning left to right.
    static func referenceWithoutConditionals(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var i = 0
        outer: while i < bytes.count {
            if i + 1 < bytes.count, bytes[i] == 0x21, bytes[i + 1] == 0x5B {
                let rest = bytes[(i + 2)...]
                if rest.starts(with: Array("if".utf8)) || rest.starts(with: Array("endif".utf8)) {
                    var k = i + 2
                    while k + 1 < bytes.count {
                        if bytes[k] == 0x5D, bytes[k + 1] == 0x3E {
                            if out.last == 0x3C, i > 0, bytes[i - 1] == 0x3C { out.removeLast() }
                            i = k + 2
                            continue outer
                        }
                        k += 1
                    }
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: Deep nesting

    @Test func deepUnclosedBlocksAreCollectedInLinearTime() throws {
        // Each paragraph's kind was found by walking every open block: 40 000 unclosed
        // "<div><p>…<table><tr><td>" (an 11 MB page) took minutes.
        let unit = "<div><p>\(Self.sentence)<table><tr><td>"
        let clock = ContinuousClock()
        var times: [Duration] = []
        for count in [2_000, 4_000] {
            let html = "<html><body>" + String(repeating: unit, count: count)
            let start = clock.now
            let article = try extractor.article(fromHTML: Array(html.utf8))
            times.append(clock.now - start)
            #expect(article.blocks.count == count)
        }
        // Doubling the page must not quadruple the time (some slack for a busy machine).
        #expect(times[1] < times[0] * 3 + .milliseconds(300), "\(times)")
        #expect(times[1] < .seconds(5), "\(times)")
    }

    @Test func nestedEmptyHeadlinesAreSkippedInLinearTime() throws {
        // With no og:title and no headline in the content, the title came from the first visible
        // <h1>, and the text of every empty nested one was gathered on the way: quadratic.
        let count = 20_000
        let html = "<html><body>" + String(repeating: "<h1><div>", count: count) + String(repeating: "</div></h1>", count: count)
            + "<h1>Le vrai titre</h1><div><p>\(Self.sentence)</p><p>\(Self.sentence)</p></div></body></html>"
        let clock = ContinuousClock()
        let start = clock.now
        let article = try extractor.article(fromHTML: Array(html.utf8))
        let elapsed = clock.now - start
        #expect(article.title == "Le vrai titre")
        #expect(article.plainText.contains(Self.sentence))
        #expect(elapsed < .seconds(4), "took \(elapsed)")
    }

    // MARK: Long lines of punctuation

    @Test func megabyteLineOfDotsIsQuick() {
        // Folding removed trailing punctuation one scalar at a time, on the whole line: a 2 MB
        // line of ". " took 2.8 s in release ('ecouter text'), far more in debug.
        let text = "Titre\n\n" + String(repeating: ". ", count: 500_000) + "\nFin du texte, une phrase."
        let clock = ContinuousClock()
        let start = clock.now
        let article = extractor.article(fromText: text)
        let elapsed = clock.now - start
        #expect(article.plainText.contains("Fin du texte, une phrase."))
        #expect(elapsed < .seconds(5), "took \(elapsed)")
    }

    @Test func foldingTrimsTrailingNoiseLikeBefore() {
        // Cut once at the end against removing one trailing scalar at a time.
        var rng = SplitMix64(seed: 7)
        let pieces = [".", "…", ":", "!", "?", ",", ";", " ", "-", "|", "›", ">", "»", "a", "É", "«", "'", "’", "1", "\u{A0}"]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...10, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            var expected = TextShape.folded(text, keepingTrailingPunctuation: true)
            let noise: Set<Unicode.Scalar> = [".", "…", ":", "!", "?", ",", ";", " ", "-", "|", "›", ">", "»"]
            while let last = expected.unicodeScalars.last, noise.contains(last) { expected.unicodeScalars.removeLast() }
            #expect(TextShape.folded(text) == expected, "\(text.debugDescription)")
        }
    }

    // MARK: Declared encodings the bytes do not follow

    static func page(charset: String, body: String = sentence) -> String {
        "<html><head><meta charset=\"\(charset)\"><title>Titre</title></head><body><article><h1>Titre simple</h1><p>\(body)</p></article></body></html>"
    }

    @Test(arguments: ["utf-16", "UTF-16LE", "utf-16be", "utf-32", "cp037", "UTF-7"])
    func asciiIncompatibleDeclarationIsIgnored(charset: String) throws {
        // The declaration was read as ASCII, so the page cannot be in an encoding where ASCII
        // reads otherwise; libxml2 used to decode it as one (CJK soup, or nothing at all).
        let article = try extractor.article(fromHTML: Array(Self.page(charset: charset).utf8))
        #expect(article.title == "Titre simple")
        #expect(article.plainText.contains(Self.sentence))
    }

    @Test func bytesThatBreakTheDeclaredCharsetAreReadAsUTF8() throws {
        // Latin-1 "é" under a Shift_JIS declaration: libxml2 stopped converting there and the rest
        // of the page was lost (and printed "encoding error" on stderr).
        var bytes = Array(Self.page(charset: "shift_jis", body: "Caf").utf8)
        let insertAt = bytes.count - Array("</p></article></body></html>".utf8).count
        bytes.insert(contentsOf: [0xE9] + Array(" et la suite du texte, qui doit rester lisible jusqu'au bout.".utf8), at: insertAt)
        let article = try extractor.article(fromHTML: bytes)
        #expect(article.plainText.contains("Café et la suite du texte, qui doit rester lisible jusqu'au bout."))
    }

    @Test func undefinedWindows1252ByteKeepsThePage() throws {
        // 0x81 has no character in Windows-1252: iconv refuses it, and the page after it was lost.
        let page = Self.page(charset: "windows-1252", body: "Début de l'article ~ puis la fin de l'article, bien présente.")
        let bytes = TextDecodingTestHelper.windows1252(page).map { $0 == UInt8(ascii: "~") ? 0x81 : $0 }
        let article = try extractor.article(fromHTML: bytes)
        #expect(article.plainText.contains("Début de l'article"))
        #expect(article.plainText.contains("puis la fin de l'article, bien présente."))
    }

    @Test(arguments: [false, true])
    func utf16WithAnUnpairedSurrogateKeepsTheRest(oddLength: Bool) throws {
        let head = "<html><body><article><h1>Titre</h1><p>\(Self.sentence)</p>"
        let tail = "<p>Suite du texte apres un demi-caractere, encore une phrase assez longue.</p></article></body></html>"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in head.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        bytes += [0x00, 0xD8]  // a lone high surrogate
        for unit in tail.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        if oddLength { bytes.append(0x41) }
        let article = try extractor.article(from: bytes)
        #expect(article.plainText.contains(Self.sentence))
        #expect(article.plainText.contains("Suite du texte apres un demi-caractere"))
    }

    // MARK: Seeded mutations of the fixture pages

    static let tokens: [[UInt8]] = [
        "<div>", "</div>", "<p>", "</p>", "<article>", "</article>", "<script>", "</script>", "<!--", "-->",
        "<br>", "<li>", "<table>", "<td>", "&amp;", "&#233;", "&#0;", "&#xD800;", "&#99999999999;", "&", "<", ">",
        "\"", "<h1>", "</h1>", "<meta charset=\"utf-16\">", "<![if x", "]>", "<sup><a href=\"#n\">1</a></sup>",
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":\"", "\\ud800",
        "Lire aussi", "\n", "\u{2028}", "[1]", " | ",
    ].map { Array($0.utf8) } + [[0x00], [0xFF, 0xFE], [0xC3], [0xE9], [0xED, 0xA0, 0x80]]

    static func mutated(_ page: [UInt8], using rng: inout SplitMix64) -> [UInt8] {
        var data = page
        for _ in 0..<Int.random(in: 1...20, using: &rng) {
            let position = data.isEmpty ? 0 : Int.random(in: 0...data.count, using: &rng)
            switch Int.random(in: 0..<6, using: &rng) {
            case 0 where !data.isEmpty: data[min(position, data.count - 1)] = UInt8.random(in: 0...255, using: &rng)
            case 1: data.insert(contentsOf: tokens.randomElement(using: &rng)!, at: position)
            case 2: data.removeSubrange(position..<min(data.count, position + Int.random(in: 1...300, using: &rng)))
            case 3: data.removeSubrange(position...)
            case 4:
                let piece = data[position..<min(data.count, position + Int.random(in: 1...200, using: &rng))]
                data.insert(contentsOf: Array(repeating: Array(piece), count: Int.random(in: 1...10, using: &rng)).joined(), at: position)
            default: data.insert(contentsOf: Array(repeating: tokens.randomElement(using: &rng)!, count: Int.random(in: 2...500, using: &rng)).joined(), at: position)
            }
        }
        return data
    }

    @Test func mutatedFixturePagesGiveAnArticleOrAClearError() throws {
        var rng = SplitMix64(seed: 2026)
        let pages = try (FixturePages.pages(withExtension: "html") + FixturePages.pages(withExtension: "txt")).map { try FixturePages.bytes($0) }
        #expect(pages.count >= 12)
        let known: [ExtractionError.Code] = [.noContent, .unparsable, .tooDeep]
        let clock = ContinuousClock()
        let start = clock.now
        var articles = 0
        for round in 0..<120 {
            let input = Self.mutated(pages[round % pages.count], using: &rng)
            for format in [InputFormat.auto, .html, .text] {
                do {
                    let article = try extractor.article(from: input, format: format)
                    #expect(!article.isEmpty)
                    #expect(!article.plainText.contains("\u{0}"))
                    articles += 1
                } catch {
                    #expect(known.contains(error.code), "round \(round): \(error)")
                    #expect(!error.message.contains("\n"))
                }
            }
        }
        #expect(articles > 120, "mutations this small should mostly leave an article")
        #expect(clock.now - start < .seconds(60))
    }
}

/// A small seeded generator (SplitMix64), so every run tries the same inputs.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
