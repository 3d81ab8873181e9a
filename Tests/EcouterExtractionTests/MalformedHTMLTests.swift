// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
@testable import EcouterExtraction

/// Broken pages give a sensible article or a clear error — never a crash, never a hang.
@Suite struct MalformedHTMLTests {
    let extractor = ArticleExtractor()
    static let sentence = "Le conseil municipal a adopté le budget après une longue séance, marquée par des débats animés."

    @Test func unclosedTags() throws {
        let html = "<html><body><article><h1>Titre<p>\(Self.sentence)<p>Deuxième paragraphe, non fermé, qui continue le récit<div><span>Fin du texte, sans balise fermante."
        let article = try extractor.article(fromHTML: Array(html.utf8))
        #expect(article.title == "Titre")
        #expect(article.plainText.contains(Self.sentence))
        #expect(article.plainText.contains("Fin du texte, sans balise fermante."))
    }

    @Test func latin1BytesDeclaredUTF8AreRepaired() throws {
        let html = "<html><head><meta charset=\"utf-8\"></head><body><article><h1>Été</h1><p>\(Self.sentence) Café, œuvre, à côté.</p></article></body></html>"
        let bytes = Array(TextDecodingTestHelper.windows1252(html))
        #expect(!TextDecoding.isValidUTF8(bytes))
        let article = try extractor.article(fromHTML: bytes)
        #expect(article.title == "Été")
        #expect(article.plainText.contains("Café, œuvre, à côté."))
    }

    @Test func utf8BytesDeclaredLatin1AreReadAsUTF8() throws {
        let html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body><article><h1>Été</h1><p>\(Self.sentence) Café, œuvre, « à côté ».</p></article></body></html>"
        let article = try extractor.article(fromHTML: Array(html.utf8))
        #expect(article.title == "Été")
        #expect(article.plainText.contains("Café, œuvre, « à côté »."))
        #expect(!article.plainText.contains("Ã"))
    }

    @Test func declaredLatin1WithLatin1BytesIsHonoured() throws {
        let article = try extractor.article(fromHTML: try FixturePages.bytes("secheresse-gers.page.html"))
        #expect(article.title == "Sécheresse : les agriculteurs du Gers réclament un plan d'urgence")
        #expect(article.plainText.contains("préfecture d'Auch"))
    }

    @Test func mixedUTF8WithAStrayLatin1Byte() throws {
        var bytes = Array("<html><body><article><h1>Élan</h1><p>\(Self.sentence) Déjà vu, ".utf8)
        bytes += [0x63, 0x61, 0x66, 0xE9]  // "café" in Latin-1
        bytes += Array(" et « fin ».</p></article></body></html>".utf8)
        let article = try extractor.article(fromHTML: bytes)
        #expect(article.plainText.contains("Déjà vu, café et « fin »."))
    }

    @Test func tenMegabytePageIsReadQuickly() throws {
        var html = "<html><head><title>Très longue page</title></head><body><nav>" + String(repeating: "<a href='/x'>Rubrique</a> ", count: 2000) + "</nav><article><h1>Très longue page</h1>"
        let paragraph = "<p>\(Self.sentence) Encore une phrase, pour allonger le paragraphe.</p>\n"
        while html.utf8.count < 10 * 1024 * 1024 { html += paragraph }
        html += "</article></body></html>"
        let clock = ContinuousClock()
        let start = clock.now
        let article = try extractor.article(fromHTML: Array(html.utf8))
        let elapsed = clock.now - start
        #expect(article.blocks.count > 50_000)
        #expect(!article.plainText.contains("Rubrique"))
        #expect(elapsed < .seconds(60), "10 MB took \(elapsed)")
    }

    @Test func hundredThousandNestedElements() throws {
        let depth = 100_000
        var html = "<html><body>"
        html += String(repeating: "<div>", count: depth)
        html += "<p>\(Self.sentence)</p>"
        html += String(repeating: "</div>", count: depth)
        html += "</body></html>"
        // Parsed with XML_PARSE_HUGE (no depth cap) and walked without recursion: the text survives.
        let article = try extractor.article(fromHTML: Array(html.utf8))
        #expect(article.plainText == Self.sentence)
    }

    @Test func hundredThousandNestedInlineElementsWithText() throws {
        let depth = 100_000
        let html = "<html><body><article><h1>T</h1><p>" + String(repeating: "<span>mot ", count: depth) + String(repeating: "</span>", count: depth) + "</p></article></body></html>"
        let article = try extractor.article(fromHTML: Array(html.utf8))
        #expect(article.blocks.first?.text.split(separator: " ").count == depth)
    }

    @Test func hostileMarkupStaysLinear() throws {
        let clock = ContinuousClock()
        // Deeply nested <sup> (footnote checks must not rescan subtrees) and huge class attributes.
        let depth = 50_000
        var html = "<html><head><title>" + String(repeating: "Titre - ", count: 20_000) + "</title></head><body><article><p>\(Self.sentence)<span>"
        html += String(repeating: "<sup>1", count: depth) + String(repeating: "</sup>", count: depth) + "</span></p>"
        let longClass = String(repeating: "a-share-like-class-", count: 300)
        for _ in 0..<1_000 { html += "<div class=\"\(longClass)\" id=\"\(longClass)\"><p>\(Self.sentence)</p></div>" }
        html += "</article></body></html>"
        let start = clock.now
        let article = try extractor.article(fromHTML: Array(html.utf8))
        let elapsed = clock.now - start
        #expect(article.plainText.contains(Self.sentence))
        #expect(elapsed < .seconds(30), "took \(elapsed)")
    }

    @Test func utf16PageWithByteOrderMark() throws {
        let html = "<html><head><title>Titre</title></head><body><article><p>\(Self.sentence) Éàü « ».</p></article></body></html>"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in html.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(InputFormat.detect(bytes) == .html)
        let article = try extractor.article(from: bytes)
        #expect(article.plainText.contains("Éàü « »."))
        var text: [UInt8] = [0xFE, 0xFF]
        for unit in "Titre\n\nÉté, café.".utf16 { text += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        #expect(try extractor.article(from: text).plainText == "Titre\n\nÉté, café.")
    }

    @Test func conditionalCommentDebrisIsNotRead() throws {
        #expect(HTMLParser.withoutConditionalComments("a <![if !lte IE 9]> b <![endif]> c ![ d") == "a  b  c ![ d")
        let html = "<html><body><![if !IE]><p>\(Self.sentence)</p><![endif]></body></html>"
        let article = try extractor.article(fromHTML: Array(html.utf8))
        #expect(article.plainText == Self.sentence)
    }

    @Test func noArticleAtAllIsAClearError() {
        let html = "<html><head><title>Accueil</title><script>var x = 1;</script></head><body><nav><a href='/'>Accueil</a><a href='/a'>Rubrique</a></nav><footer>© Journal</footer></body></html>"
        #expect(throws: ExtractionError.self) { try extractor.article(fromHTML: Array(html.utf8)) }
        do {
            _ = try extractor.article(fromHTML: Array(html.utf8))
        } catch {
            #expect(error.code == .noContent)
        }
    }

    @Test func emptyAndGarbageInput() {
        for bytes: [UInt8] in [[], [0], Array("<".utf8), Array("<<<>>>&&&;;".utf8), (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }] {
            do {
                let article = try extractor.article(fromHTML: bytes)
                _ = article.plainText
            } catch {
                #expect([ExtractionError.Code.noContent, .unparsable].contains(error.code))
            }
        }
    }

    @Test func inputAboveTheCapIsRefused() {
        let bytes = [UInt8](repeating: 0x20, count: ArticleExtractor.maximumInputSize + 1)
        do {
            _ = try extractor.article(fromHTML: bytes)
            Issue.record("expected tooLarge")
        } catch {
            #expect(error.code == .tooLarge)
        }
    }

    @Test func hostileJSONLDDoesNotCrash() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let html = "<html><head><script type='application/ld+json'>\(deep)</script><script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"Ti\\u00e9\\ud83d\\ude00\", \"articleBody\": 12</script></head><body><article><p>\(MalformedHTMLTests.sentence)</p></article></body></html>"
        let article = try extractor.article(fromHTML: Array(html.utf8))
        #expect(article.plainText.contains(MalformedHTMLTests.sentence))
        #expect(JSONValue.parse(deep) == nil)
        #expect(JSONValue.parse("{\"headline\":\"Ti\\u00e9\\ud83d\\ude00\"}")?["headline"]?.string == "Tié😀")
    }
}

enum TextDecodingTestHelper {
    /// Encodes to Windows-1252 (test input only; characters outside it become "?").
    static func windows1252(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 || (scalar.value >= 0xA0 && scalar.value <= 0xFF) {
                out.append(UInt8(scalar.value))
            } else if let byte = (0x80...0x9F).first(where: { TextDecoding.windows1252([UInt8($0)]).unicodeScalars.first == scalar }) {
                out.append(UInt8(byte))
            } else {
                out.append(0x3F)
            }
        }
        return out
    }
}
