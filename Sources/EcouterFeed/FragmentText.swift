// SPDX-License-Identifier: GPL-3.0-or-later
import CLibXML2

/// Plain text of an HTML fragment from a feed, paragraph by paragraph: the fallback when page
/// extraction finds no article in it.
///
/// Page extraction is built for whole pages and weighs text against page chrome; a feed's
/// `content:encoded` is already the article body (or a one-line summary) and can be too short for
/// those heuristics. Here every block element (p, h1–h6, li, blockquote, div, br, tr…) ends a
/// paragraph, `script`, `style` and the like are skipped, and entities are decoded by libxml2's
/// HTML parser (`htmlReadMemory`, with `HTML_PARSE_NONET`: nothing is fetched).
enum FragmentText {
    private static let blocks: Set<String> = [
        "p", "div", "section", "article", "header", "footer", "main", "aside", "blockquote", "li", "ul", "ol",
        "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "table", "pre", "figure", "figcaption", "dd", "dt", "hr",
    ]
    private static let skipped: Set<String> = ["script", "style", "noscript", "template", "iframe", "object", "svg", "head"]

    /// Paragraphs separated by blank lines; empty when there is no text.
    static func text(ofHTML html: String) -> String {
        let bytes = Array(("<html><body>" + html + "</body></html>").utf8)
        let options = Int32(bitPattern: HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NOIMPLIED.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { htmlReadMemory($0.baseAddress, Int32($0.count), "item.html", "UTF-8", options) }
        }
        guard let document else { return "" }
        defer { xmlFreeDoc(document) }
        var paragraphs: [String] = []
        var current: [UInt8] = []
        func endParagraph() {
            if let line = collapseWhitespace(String(decoding: current, as: UTF8.self)) { paragraphs.append(line) }
            current.removeAll(keepingCapacity: true)
        }
        // Iterative walk; a closing marker (nil node + name) ends a block after its children.
        var stack: [(node: xmlNodePtr?, closes: Bool)] = []
        var child = document.pointee.children
        var roots: [xmlNodePtr] = []
        while let c = child { roots.append(c); child = c.pointee.next }
        stack = roots.reversed().map { ($0, false) }
        while let (node, closes) = stack.popLast() {
            guard let node else { continue }
            if closes { endParagraph(); continue }
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if var p = node.pointee.content {
                    while p.pointee != 0 { current.append(p.pointee); p += 1 }
                }
            case XML_ELEMENT_NODE:
                let name = String(cString: node.pointee.name).lowercased()
                if skipped.contains(name) { continue }
                let isBlock = blocks.contains(name)
                if isBlock { endParagraph(); stack.append((node, true)) }
                var kids: [xmlNodePtr] = []
                var k = node.pointee.children
                while let c = k { kids.append(c); k = c.pointee.next }
                stack.append(contentsOf: kids.reversed().map { ($0, false) })
            default:
                break
            }
        }
        endParagraph()
        return paragraphs.joined(separator: "\n\n")
    }
}
