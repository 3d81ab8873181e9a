// SPDX-License-Identifier: GPL-3.0-or-later
import Testing
@testable import Ecouter

/// The pre-scan that keeps elements with absurdly many attributes away from libxml2.
@Suite struct MarkupAttributeScanTests {
    static func element(_ attributes: Int, quote: String = "\"") -> [UInt8] {
        let list = (0..<attributes).map { "a\($0)=\(quote)v\(quote)" }.joined(separator: " ")
        return Array("<html><body><div \(list)><p>Texte.</p></div></body></html>".utf8)
    }

    @Test func countsAttributesPerElement() {
        let limit = MarkupAttributeScan.maximumAttributes
        #expect(MarkupAttributeScan.excess(in: Self.element(limit)) == nil)
        #expect(MarkupAttributeScan.excess(in: Self.element(limit + 1)) == limit + 1)
        #expect(MarkupAttributeScan.excess(in: Self.element(50_000, quote: "'")) == limit + 1)
        #expect(MarkupAttributeScan.excess(in: Array("<x \(String(repeating: "a=1 ", count: limit + 1))/>".utf8)) == limit + 1)
    }

    @Test func manySmallElementsAreFine() {
        let page = String(repeating: "<span class=\"a\" id=\"b\">mot</span> ", count: 100_000)
        #expect(MarkupAttributeScan.excess(in: Array(page.utf8)) == nil)
    }

    @Test func proseCommentsAndQuotedValuesAreNotAttributes() {
        let words = String(repeating: "mot ", count: 5000)
        let samples = [
            "a<b \(words) et = rien",  // a stray '<' in prose: words, not `name=`
            "<!-- <div \(String(repeating: "x=1 ", count: 5000))> -->",
            "<div title=\"\(String(repeating: "> y=1 ", count: 5000))\">",
            "<?xml \(String(repeating: "v=1 ", count: 5000))?>",
        ]
        for sample in samples {
            #expect(MarkupAttributeScan.excess(in: Array(sample.utf8)) == nil, "\(sample.prefix(40))")
        }
    }
}
