// SPDX-License-Identifier: GPL-3.0-or-later
// Where the article is: readability-style scoring (each text block scores its parent and,
// half, its grandparent by length and commas, discounted by link density), then the nearest
// <article> or a tight <main> around the best candidate, else the candidate with its
// similarly scored siblings. Everything is a linear pass over the flat node arrays.

struct ContentLocator {
    /// Elements that make a block of text (their inline content is one paragraph).
    static let blockTags: Set<String> = [
        "p", "div", "section", "article", "main", "body", "html", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
        "ol", "dl", "dd", "dt", "blockquote", "pre", "td", "th", "tr", "table", "tbody", "thead", "header",
        "figure", "address", "details", "summary", "center", "caption", "hr", "br", "fieldset",
    ]

    /// Blocks that are paragraphs themselves; other blocks holding text directly are containers.
    static let paragraphTags: Set<String> = [
        "p", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dd", "dt", "blockquote", "td", "th", "address",
        "summary", "caption",
    ]

    static let listItemTags: Set<String> = ["li", "dd", "dt"]

    let doc: FlatDocument
    let filter: ChromeFilter

    /// The subtrees to read, in document order. Empty when the page has no visible text.
    func roots() -> [Int] {
        let nodes = doc.nodes
        let n = nodes.count
        guard n > 0 else { return [] }

        // Nearest block element of every node; which elements have block children.
        var blockOf = Array(repeating: -1, count: n)
        var hasBlockChild = Array(repeating: false, count: n)
        for i in 0..<n {
            let node = nodes[i]
            let isBlock = node.kind == .element && ContentLocator.blockTags.contains(node.tag) && node.tag != "br"
            if isBlock {
                blockOf[i] = i
                if node.parent >= 0 { hasBlockChild[node.parent] = true }
            } else if node.parent >= 0 {
                blockOf[i] = blockOf[node.parent]
            }
        }

        // Each run of prose (a block's inline text up to a <br>) scores its holder fully and the
        // holder's parent by half. A paragraph's holder is its parent; text lying directly in a
        // container that also has block children is a paragraph of that container (as readability
        // wraps such text in <p>).
        var score = Array(repeating: 0.0, count: n)
        var runText = Array(repeating: 0, count: n)
        var runCommas = Array(repeating: 0, count: n)
        func closeRun(_ b: Int) {
            defer { runText[b] = 0; runCommas[b] = 0 }
            guard runText[b] >= 25 else { return }
            let contribution = 1.0 + Double(runCommas[b]) + min(Double(runText[b]) / 100.0, 3.0)
            let isParagraph = ContentLocator.paragraphTags.contains(nodes[b].tag) || !hasBlockChild[b]
            var holder = isParagraph && nodes[b].parent >= 0 ? nodes[b].parent : b
            // A list item scores the list's container, so that a long list does not outbid the article.
            if ContentLocator.listItemTags.contains(nodes[b].tag), nodes[holder].parent >= 0 { holder = nodes[holder].parent }
            score[holder] += contribution
            let next = nodes[holder].parent
            if next >= 0 { score[next] += contribution / 2 }
        }
        for i in 0..<n where !filter.removed[i] {
            let node = nodes[i]
            guard blockOf[i] >= 0 else { continue }
            if node.kind == .text {
                runText[blockOf[i]] += ChromeFilter.letterCount(node.text)
                runCommas[blockOf[i]] += node.text.utf8.reduce(0) { $1 == UInt8(ascii: ",") ? $0 + 1 : $0 }
            } else if node.tag == "br" {
                closeRun(blockOf[i])
            }
        }
        for b in 0..<n where runText[b] > 0 { closeRun(b) }

        // The five best candidates, by score discounted for link density.
        var top: [(index: Int, score: Double)] = []
        for i in 0..<n where score[i] > 0 && !filter.removed[i] {
            let adjusted = score[i] * (1 - filter.linkDensity(doc, i))
            guard top.count < 5 || adjusted > top[top.count - 1].score else { continue }
            top.append((i, adjusted))
            top.sort { $0.score > $1.score }
            if top.count > 5 { top.removeLast() }
        }
        var best = top.first?.index ?? -1
        let bestScore = top.first?.score ?? 0
        // Content split into several similar containers: when three other strong candidates share an
        // ancestor with the best one, that ancestor holds the article (as readability does).
        let alternatives = top.dropFirst().filter { $0.score >= 0.75 * bestScore }.map(\.index)
        if best >= 0, alternatives.count >= 3 {
            var ancestor = nodes[best].parent
            while ancestor >= 0, nodes[ancestor].tag != "body", nodes[ancestor].tag != "html" {
                if alternatives.filter({ doc.contains(ancestor, $0) }).count >= 3 { best = ancestor; break }
                ancestor = nodes[ancestor].parent
            }
        }
        guard best >= 0 else {
            // No prose anywhere: read whatever is visible in <body> (or the whole page).
            return [doc.elements(named: "body").first ?? 0]
        }

        if let article = nearestAncestor(of: best, where: { $0.tag == "article" }) {
            return withSiblingArticles(article)
        }
        if let main = nearestAncestor(of: best, where: { $0.tag == "main" || $0.attribute("role") == "main" }),
            filter.visibleText(doc, main) <= 2 * filter.visibleText(doc, best) {
            return [main]
        }
        return withSiblings(best, scores: score, bestScore: bestScore)
    }

    /// The article and the sibling `<article>` elements of comparable size (a live blog's
    /// entries, a story split in parts), in document order.
    private func withSiblingArticles(_ article: Int) -> [Int] {
        let parent = doc.nodes[article].parent
        guard parent >= 0 else { return [article] }
        let size = filter.visibleText(doc, article)
        // Siblings with a headline of their own, beside an article that has one, are the stories
        // of an endless page (« Article suivant »), not parts of one: the page's own story is the
        // first of them, wherever the densest text is.
        let hasHeadline = holdsHeadline(article)
        var result: [Int] = []
        var headlinedSeen = false
        var j = parent + 1
        while j < doc.nodes[parent].end {
            let node = doc.nodes[j]
            let isCandidate = j == article || (node.kind == .element && node.tag == "article" && !filter.removed[j]
                && filter.visibleText(doc, j) * 10 >= size * 3 && filter.linkDensity(doc, j) < 0.3)
            if isCandidate {
                if hasHeadline, holdsHeadline(j) {
                    if !headlinedSeen { result.append(j) }
                    headlinedSeen = true
                } else {
                    result.append(j)
                }
            }
            j = node.end
        }
        return result
    }

    /// Whether an <h1> lies inside element `index` (its subtree, once).
    private func holdsHeadline(_ index: Int) -> Bool {
        var i = index + 1
        while i < doc.nodes[index].end {
            if doc.nodes[i].kind == .element, doc.nodes[i].tag == "h1", !filter.removed[i] { return true }
            i += 1
        }
        return false
    }

    /// Long paragraphs between a headline that lies outside the content and the content itself:
    /// the standfirst ("chapô") that many layouts put in the page header.
    func standfirst(before roots: [Int]) -> [Int] {
        guard let first = roots.first else { return [] }
        var headline = -1
        for i in 0..<first where doc.nodes[i].kind == .element && doc.nodes[i].tag == "h1" && !filter.removed[i] {
            headline = i
            break
        }
        guard headline >= 0 else { return [] }
        // A content root with its own headline has its standfirst inside it too.
        for r in roots {
            var i = r
            while i < doc.nodes[r].end {
                if doc.nodes[i].kind == .element, doc.nodes[i].tag == "h1", !filter.removed[i] { return [] }
                i += 1
            }
        }
        var result: [Int] = []
        var j = doc.nodes[headline].end
        while j < first {
            let node = doc.nodes[j]
            if filter.removed[j] { j = node.end; continue }
            if node.kind == .element, node.tag == "p" || (node.tag == "div" && !hasBlockChild(j)) {
                if isStandfirstShaped(j) { result.append(j) }
                if result.count == 2 { break }
                j = node.end
                continue
            }
            j += 1
        }
        return result
    }

    /// A fact-check's claim and verdict cards (``ChromeFilter/isClaimCard(_:)``) set between the
    /// page's `<h1>` headline and the text, or between two parts of the text, outside the content roots: they
    /// are what the article checks, read where the page sets them. Cards further down the page
    /// (a sidebar of other fact-checks) are not looked at. One pass up to the last root.
    func claimCards(around roots: [Int]) -> [Int] {
        guard let first = roots.first, let last = roots.last,
            let headline = (0..<first).first(where: { doc.nodes[$0].kind == .element && doc.nodes[$0].tag == "h1" && !filter.removed[$0] })
        else { return [] }
        let start = doc.nodes[headline].end
        let rootSet = Set(roots)
        var result: [Int] = []
        var j = start
        while j < last {
            let node = doc.nodes[j]
            if filter.removed[j] || rootSet.contains(j) { j = max(node.end, j + 1); continue }
            if node.kind == .element, filter.isClaimCard(node), filter.visibleText(doc, j) > 0 {
                result.append(j)
                j = node.end
                continue
            }
            j += 1
        }
        return result
    }

    /// Long enough, or a shorter sentence (« Sociologue des mobilités, Inès Garnier a suivi… »):
    /// a byline or a date above the text is neither.
    private func isStandfirstShaped(_ index: Int) -> Bool {
        let letters = filter.visibleText(doc, index)
        guard letters >= Self.shortStandfirstLetters, filter.linkDensity(doc, index) < 0.3 else { return false }
        if letters >= Self.standfirstLetters { return true }
        let text = TextShape.collapsedWhitespace(doc.text(of: index))
        // One sentence, few figures: a release card above a review (« Six épisodes de 52 minutes.
        // Sur France Plateforme à partir du 4 décembre. ») is set in fragments with numbers.
        let digits = text.unicodeScalars.filter { $0.properties.numericType != nil }.count
        return TextShape.endsSentence(text) && !TextShape.isBylineLine(text) && text.split(separator: " ").count >= 10
            && digits <= 4 && !text.dropLast().contains(where: { ".!?".contains($0) })
    }

    static let standfirstLetters = 100
    static let shortStandfirstLetters = 60

    private func hasBlockChild(_ index: Int) -> Bool {
        var j = index + 1
        while j < doc.nodes[index].end {
            let node = doc.nodes[j]
            if node.kind == .element, ContentLocator.blockTags.contains(node.tag), node.tag != "br" { return true }
            j = node.end
        }
        return false
    }

    private func nearestAncestor(of index: Int, where matches: (FlatNode) -> Bool) -> Int? {
        var i = index
        while i >= 0 {
            if !filter.removed[i], matches(doc.nodes[i]) { return i }
            i = doc.nodes[i].parent
        }
        return nil
    }

    /// The best candidate, plus siblings that score at least a fifth of it or are long paragraphs
    /// (bodies split by an ad slot into several containers).
    private func withSiblings(_ best: Int, scores: [Double], bestScore: Double) -> [Int] {
        let parent = doc.nodes[best].parent
        guard parent >= 0 else { return [best] }
        let threshold = max(10, bestScore * 0.2)
        var result: [Int] = []
        var j = parent + 1
        while j < doc.nodes[parent].end {
            let node = doc.nodes[j]
            if j == best {
                result.append(j)
            } else if !filter.removed[j], node.kind == .element {
                let density = filter.linkDensity(doc, j)
                let adjusted = scores[j] * (1 - density)
                let longParagraph = node.tag == "p" && filter.visibleText(doc, j) >= 80 && density < 0.25
                if adjusted >= threshold || longParagraph { result.append(j) }
            }
            j = node.end
        }
        return result
    }
}
