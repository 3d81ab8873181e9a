// SPDX-License-Identifier: GPL-3.0-or-later
// Plain text of an HTML fragment, paragraph by paragraph, for the package (feeds).

/// Plain text of an HTML fragment from a feed, paragraph by paragraph: the fallback when page
/// extraction finds no article in it.
///
/// Page extraction is built for whole pages and weighs text against page chrome; a feed's
/// `content:encoded` is already the article body (or a one-line summary) and can be too short for
/// those heuristics. Here every block element (p, h1–h6, li, blockquote, div, br, tr…) ends a
/// paragraph, `script`, `style` and the like are skipped, and entities are decoded by libxml2's
/// HTML parser (through ``HTMLParser``: nothing is fetched).
package enum HTMLFragmentText {
    private static let blocks: Set<String> = [
        "p", "div", "section", "article", "header", "footer", "main", "aside", "blockquote", "li", "ul", "ol",
        "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "table", "pre", "figure", "figcaption", "dd", "dt", "hr",
    ]
    private static let skipped: Set<String> = ["script", "style", "noscript", "template", "iframe", "object", "svg", "head"]

    /// Paragraphs separated by blank lines; empty when there is no text.
    package static func text(ofHTML html: String) -> String {
        let bytes = Array(("<html><body>" + html + "</body></html>").utf8)
        guard let doc = try? HTMLParser.parse(bytes) else { return "" }
        var paragraphs: [String] = []
        var current = ""
        func endParagraph() {
            let line = TextShape.collapsedWhitespace(current)
            if !line.isEmpty { paragraphs.append(line) }
            current = ""
        }
        // Document order with subtree ends: a block's end closes its paragraph.
        var blockEnds: [Int] = []
        var i = 0
        while i < doc.nodes.count {
            while let end = blockEnds.last, end <= i { endParagraph(); blockEnds.removeLast() }
            let node = doc.nodes[i]
            if node.kind == .text {
                current += node.text
            } else if skipped.contains(node.tag) {
                i = node.end
                continue
            } else if blocks.contains(node.tag) {
                endParagraph()
                blockEnds.append(node.end)
            }
            i += 1
        }
        endParagraph()
        return paragraphs.joined(separator: "\n\n")
    }
}
