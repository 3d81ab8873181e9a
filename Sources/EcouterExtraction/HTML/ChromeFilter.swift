// SPDX-License-Identifier: GPL-3.0-or-later
// Marks the page's chrome: elements that are never read (by tag, ARIA role, hidden state,
// or class/id hints such as "share", "related", "cookie"). One forward pass in document order;
// a node is removed when its parent is. Also keeps prefix sums of visible text and link text
// so that any subtree's text length and link density are O(1).

struct ChromeFilter {
    /// removed[i]: node i is not read.
    private(set) var removed: [Bool]
    /// visiblePrefix[i]: visible text characters in nodes 0..<i.
    private(set) var visiblePrefix: [Int]
    /// linkPrefix[i]: visible text characters inside links in nodes 0..<i.
    private(set) var linkPrefix: [Int]

    static let droppedTags: Set<String> = [
        "head", "nav", "footer", "aside", "script", "style", "noscript", "form", "button", "iframe", "figcaption",
        "svg", "template", "select", "input", "textarea", "label", "dialog", "object", "embed", "canvas", "video",
        "audio", "map", "menu", "option", "link", "meta", "title", "picture", "source", "img", "math",
    ]

    static let droppedRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar",
        "toolbar", "doc-endnotes", "doc-footnote", "doc-noteref", "doc-biblioref", "doc-bibliography", "button", "tablist",
    ]

    /// Class or id words that mark chrome when they appear anywhere in the attribute.
    static let chromeFragments: [String] = [
        "related", "share", "sharing", "social", "cookie", "consent", "gdpr", "rgpd", "newsletter", "comment",
        "promo", "advert", "breadcrumb", "byline", "sidebar", "outbrain", "taboola", "subscribe", "abonnement",
        "popup", "modal", "footnote", "rating", "pagination", "widget", "sponsor", "recommend", "mostread",
        "most-read", "lire-aussi", "lireaussi", "read-more", "readmore", "voir-aussi", "see-also", "teaser",
        "caption", "credit", "toolbar", "skip-link", "skiplink", "visually-hidden", "sr-only", "screen-reader",
        "login", "signup", "inscription", "partage", "reseaux", "disqus", "jumplink", "tagcloud", "keywords",
        "author-bio", "authorbio", "banner", "masthead", "paywall", "embed-", "player", "kicker", "surtitre",
        "overline", "eyebrow", "legende", "tweet", "instagram-media", "tiktok-embed", "articles-lies", "meme-sujet",
        "a-lire", "alire", "connexe", "reaction", "read-also", "readalso", "also-read", "newsletter", "push-app", "app-promo",
    ]

    /// Class or id words that mark chrome only as a whole word ("ad" but not "shadow").
    static let chromeWords: Set<String> = [
        "ad", "ads", "pub", "meta", "nav", "menu", "tools", "print", "date", "time", "notes", "note", "ref", "refs",
        "references", "aside", "listen", "audio", "rate", "tags", "tag", "author", "signature", "header", "footer",
        "hidden", "hide", "share", "follow", "also", "more", "timestamp", "dateline", "publicite", "annonce",
    ]

    /// Elements whose own class hints never remove them: the page and its main containers.
    static let protectedTags: Set<String> = ["html", "body", "main"]

    init(_ doc: FlatDocument) {
        let nodes = doc.nodes
        let n = nodes.count
        removed = Array(repeating: false, count: n)

        // Raw text prefix sums and h1 counts, used to protect wrappers from class hints.
        var rawPrefix = Array(repeating: 0, count: n + 1)
        var h1Prefix = Array(repeating: 0, count: n + 1)
        for i in 0..<n {
            rawPrefix[i + 1] = rawPrefix[i] + (nodes[i].kind == .text ? nodes[i].text.utf8.count : 0)
            h1Prefix[i + 1] = h1Prefix[i] + (nodes[i].kind == .element && nodes[i].tag == "h1" ? 1 : 0)
        }
        let pageText = rawPrefix[n]

        for i in 0..<n {
            let node = nodes[i]
            if node.parent >= 0, removed[node.parent] { removed[i] = true; continue }
            guard node.kind == .element else { continue }
            if ChromeFilter.isChromeByMarkup(node) { removed[i] = true; continue }
            if (node.tag == "header" || ChromeFilter.hasChromeHint(node)), !ChromeFilter.protectedTags.contains(node.tag),
                node.tag != "article" || ChromeFilter.isTeaserArticle(node) {
                // A wrapper holding the headline or most of the page is content, whatever its class says.
                let holdsHeadline = h1Prefix[node.end] - h1Prefix[i] > 0
                let subtreeText = rawPrefix[node.end] - rawPrefix[i]
                let holdsMostText = subtreeText * 2 > pageText && subtreeText > 2000
                if !holdsHeadline && !holdsMostText { removed[i] = true; continue }
            }
            if node.tag == "sup", ChromeFilter.isFootnoteMarker(doc, i) { removed[i] = true }
        }

        // Visible text and link text prefix sums.
        visiblePrefix = Array(repeating: 0, count: n + 1)
        linkPrefix = Array(repeating: 0, count: n + 1)
        var linkDepthEnds: [Int] = []  // ends of open <a> subtrees
        for i in 0..<n {
            while let last = linkDepthEnds.last, last <= i { linkDepthEnds.removeLast() }
            let node = nodes[i]
            var visible = 0
            if !removed[i], node.kind == .text { visible = ChromeFilter.letterCount(node.text) }
            if node.kind == .element, node.tag == "a", !removed[i] { linkDepthEnds.append(node.end) }
            visiblePrefix[i + 1] = visiblePrefix[i] + visible
            linkPrefix[i + 1] = linkPrefix[i] + (linkDepthEnds.isEmpty ? 0 : visible)
        }
    }

    func visibleText(_ doc: FlatDocument, _ index: Int) -> Int {
        visiblePrefix[doc.nodes[index].end] - visiblePrefix[index]
    }

    func linkDensity(_ doc: FlatDocument, _ index: Int) -> Double {
        let text = visibleText(doc, index)
        guard text > 0 else { return 0 }
        return Double(linkPrefix[doc.nodes[index].end] - linkPrefix[index]) / Double(text)
    }

    /// Non-space characters: what a text length means here.
    static func letterCount(_ text: String) -> Int {
        var count = 0
        for s in text.unicodeScalars where !TextShape.isSpace(s) { count += 1 }
        return count
    }

    private static func isChromeByMarkup(_ node: FlatNode) -> Bool {
        if droppedTags.contains(node.tag) { return true }
        if node.attribute("hidden") != nil { return true }
        if node.attribute("aria-hidden")?.lowercased() == "true" { return true }
        if let role = node.attribute("role")?.lowercased(), droppedRoles.contains(role) { return true }
        if let style = node.attribute("style")?.lowercased().filter({ $0 != " " }),
            style.contains("display:none") || style.contains("visibility:hidden") {
            return true
        }
        if node.tag == "li", let id = node.attribute("id")?.lowercased(),
            id.hasPrefix("fn") || id.hasPrefix("note") || id.hasPrefix("cite_note") || id.hasPrefix("footnote") {
            return true
        }
        return false
    }

    static func hasChromeHint(_ node: FlatNode) -> Bool {
        let hint = ((node.attribute("class") ?? "") + " " + (node.attribute("id") ?? "")).lowercased()
        guard hint.count > 1 else { return false }
        for fragment in chromeFragments where hint.contains(fragment) { return true }
        for word in hint.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) where chromeWords.contains(String(word)) {
            return true
        }
        return false
    }

    /// An `<article>` element is content unless its class says it is a comment or a teaser
    /// (blog engines put words like "tag-…" on every post's article element).
    static func isTeaserArticle(_ node: FlatNode) -> Bool {
        let hint = ((node.attribute("class") ?? "") + " " + (node.attribute("id") ?? "")).lowercased()
        return ["comment", "related", "teaser", "recommend", "promo", "sponsor", "card"].contains(where: { hint.contains($0) })
    }

    /// `<sup>` holding a note reference: a link to "#...", or only digits, brackets, asterisks.
    private static func isFootnoteMarker(_ doc: FlatDocument, _ index: Int) -> Bool {
        var i = index + 1
        let end = doc.nodes[index].end
        while i < end {
            let node = doc.nodes[i]
            if node.kind == .element, node.tag == "a", node.attribute("href")?.hasPrefix("#") == true { return true }
            i += 1
        }
        let text = doc.text(of: index).filter { !$0.isWhitespace }
        return !text.isEmpty && text.count <= 6 && text.allSatisfy { $0.isNumber || "[]()*†‡".contains($0) }
    }
}
