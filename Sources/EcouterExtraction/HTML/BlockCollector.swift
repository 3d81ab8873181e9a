// SPDX-License-Identifier: GPL-3.0-or-later
// Visible text of the chosen subtrees -> Article blocks. One loop in document order with a
// stack of open block elements (no recursion): text accumulates until a block element opens
// or closes, then becomes a heading, list item, quote or paragraph by its innermost block.

struct BlockCollector {
    let doc: FlatDocument
    let filter: ChromeFilter
    let rules: CleanupRules

    /// Containers that are dropped when they are mostly links (tag clouds, teaser lists).
    static let linkListTags: Set<String> = ["ul", "ol", "div", "section", "p", "table", "dl"]

    /// A block and the element it came from.
    struct Collected {
        var block: Article.Block
        var element: Int
    }

    /// One `<br>`: a line break inside a paragraph; two in a row separate paragraphs.
    private static let lineBreak: Character = "\u{2028}"

    func blocks(in roots: [Int]) -> [Collected] {
        var collected: [Collected] = []
        for root in roots { collect(root, into: &collected) }
        return collected
    }

    private func collect(_ root: Int, into collected: inout [Collected]) {
        let nodes = doc.nodes
        // Each open block carries the kind its text takes (its own, or the nearest enclosing
        // heading, list item or quote's), so a flush is O(1) however deep the nesting.
        var open: [(end: Int, index: Int, kind: Kind)] = []
        var buffer = ""

        func flush() {
            guard !buffer.isEmpty else { return }
            defer { buffer = "" }
            let kind = (open.last?.kind ?? .paragraph).make
            let element = open.last?.index ?? root
            for piece in paragraphs(buffer) {
                collected.append(Collected(block: kind(piece), element: element))
            }
        }

        var i = root
        let end = nodes[root].end
        while i < end {
            while let top = open.last, top.end <= i {
                flush()
                open.removeLast()
            }
            let node = nodes[i]
            if filter.removed[i] { i = node.end; continue }
            if node.kind == .text {
                // Two inline elements set side by side, which the page's style shows apart
                // ("<span>Verdict</span><strong>FAUX</strong>"): a lower-case letter then a
                // capital across the boundary is two words, not one ("VerdictFAUX").
                if let last = buffer.last, last.isLowercase, node.text.first?.isUppercase == true { buffer.append(" ") }
                buffer += node.text
                i += 1
                continue
            }
            if node.tag == "br" {
                buffer.append(BlockCollector.lineBreak)
                i += 1
                continue
            }
            if i != root, BlockCollector.linkListTags.contains(node.tag), isLinkList(i) {
                i = node.end
                continue
            }
            if ContentLocator.blockTags.contains(node.tag) {
                flush()
                open.append((node.end, i, Kind(tag: node.tag) ?? open.last?.kind ?? .paragraph))
            }
            i += 1
        }
        flush()
    }

    /// Mostly links, with at least a few words: a list of teasers or tags, not prose.
    private func isLinkList(_ index: Int) -> Bool {
        filter.visibleText(doc, index) > 0 && filter.linkDensity(doc, index) >= 0.6
    }

    /// The kind of block text takes inside an element.
    enum Kind {
        case heading, listItem, quote, paragraph

        /// The kind an element gives its text itself; nil when it takes its parent's.
        init?(tag: String) {
            switch tag {
            case "h1", "h2", "h3", "h4", "h5", "h6": self = .heading
            case "li", "dd", "dt": self = .listItem
            case "blockquote": self = .quote
            default: return nil
            }
        }

        var make: (String) -> Article.Block {
            switch self {
            case .heading: return Article.Block.heading
            case .listItem: return Article.Block.listItem
            case .quote: return Article.Block.quote
            case .paragraph: return Article.Block.paragraph
            }
        }
    }

    /// Splits at two or more `<br>` in a row. Lines between single `<br>` are joined with a
    /// space, except lines the rules call chrome ("Imprimer | Envoyer par e-mail"), left out.
    private func paragraphs(_ text: String) -> [String] {
        var paragraphs: [[String]] = [[]]
        var current = ""
        var breaks = 0
        var sawBreak = false
        func endLine() {
            let line = TextShape.collapsedWhitespace(current)
            // Whole blocks are judged later; lines between <br> are judged here.
            if !line.isEmpty, !sawBreak || rules.verdict(for: line) != .drop { paragraphs[paragraphs.count - 1].append(line) }
            current = ""
        }
        for ch in text {
            if ch == BlockCollector.lineBreak { breaks += 1; sawBreak = true; continue }
            if breaks > 0, !ch.isWhitespace {
                endLine()
                if breaks >= 2 { paragraphs.append([]) }
                breaks = 0
            }
            current.append(ch)
        }
        endLine()
        return paragraphs.flatMap(joinedLines).filter { !$0.isEmpty }
    }

    /// Lines between single `<br>` run on into one paragraph, except after a line that is not a
    /// sentence when the next starts a new one with a capital: a headline, a subheading or a
    /// dateline over its text in old table layouts ("<b>Titre</b><br><i>Mis en ligne le…</i>").
    private func joinedLines(_ lines: [String]) -> [String] {
        var out: [String] = []
        for line in lines {
            if let last = out.last, !TextShape.endsSentence(last), !last.hasSuffix(","), line.first?.isUppercase == true,
                !TextShape.isListItem(line), last.count <= 150 {
                out.append(line)
            } else if out.isEmpty {
                out.append(line)
            } else {
                out[out.count - 1] += " " + line
            }
        }
        return out
    }
}
