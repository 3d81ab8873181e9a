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
    /// The page has a fact-check's claim card: its verdict boxes are read too.
    private(set) var pageHasClaim = false

    static let droppedTags: Set<String> = [
        "head", "nav", "footer", "script", "style", "noscript", "form", "button", "iframe", "figcaption",
        "svg", "template", "select", "input", "textarea", "label", "dialog", "object", "embed", "canvas", "video",
        "audio", "map", "menu", "option", "link", "meta", "title", "picture", "source", "img", "math",
    ]

    static let droppedRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar",
        "toolbar", "doc-endnotes", "doc-footnote", "doc-noteref", "doc-biblioref", "doc-bibliography", "button", "tablist",
    ]

    /// Class or id fragments that mark chrome wherever they appear in the attribute. Strong hints
    /// remove an element unless it holds the headline or most of the page's text.
    static let strongFragments: [String] = [
        "related", "cookie", "consent", "gdpr", "rgpd", "newsletter", "comment", "advert", "breadcrumb",
        "sidebar", "outbrain", "taboola", "subscribe", "abonnement", "popup", "modal", "footnote", "pagination",
        "sponsor", "recommend", "mostread", "most-read", "lire-aussi", "lireaussi", "voir-aussi", "see-also",
        "skip-link", "skiplink", "social", "partage", "reseaux", "disqus", "jumplink", "login", "signup", "inscription",
        "tweet", "instagram-media", "tiktok-embed", "articles-lies", "meme-sujet", "a-lire", "alire", "connexe",
        "reaction", "read-also", "readalso", "also-read", "push-app", "app-promo", "rating", "paywall",
        "pullquote", "pull-quote", "exergue",
    ]

    /// Weak fragments: they remove an element only when it holds little prose (a share bar,
    /// a byline, a caption), not when it wraps the article ("share-zone", Blogger's "widget blog").
    static let weakFragments: [String] = [
        "share", "sharing", "teaser", "caption", "credit", "toolbar", "visually-hidden", "sr-only",
        "screen-reader", "tagcloud", "keywords", "author-bio", "authorbio", "byline", "banner", "masthead", "embed-",
        "player", "kicker", "surtitre", "overline", "eyebrow", "legende", "read-more", "readmore",
    ]

    /// Weak hints that count only as a whole word ("ad" but not "shadow" or "heading").
    static let weakWords: Set<String> = [
        "ad", "ads", "pub", "meta", "nav", "menu", "tools", "print", "date", "time", "notes", "note", "ref", "refs",
        "references", "aside", "listen", "audio", "rate", "tags", "tag", "author", "signature", "header", "footer",
        "hidden", "hide", "share", "follow", "also", "more", "timestamp", "dateline", "annonce",
        "publicite",
    ]

    /// Strong hints that count only as a whole word ("promo" but not Drupal's "node-promoted").
    static let strongWords: Set<String> = ["promo", "promos", "promotion", "promotions"]

    /// Fields a reader types into (buttons alone are everywhere: players, share bars, "read more").
    static let formControls: Set<String> = ["input", "select", "textarea"]
    static let boxTags: Set<String> = ["div", "section", "aside", "p", "span"]
    /// Elements that can be a note a reference points to.
    static let noteTags: Set<String> = ["li", "p", "div", "aside", "section", "ol", "ul", "dd", "span"]

    /// Ids targeted by footnote references: `<sup><a href="#id">` or `<a role="doc-noteref" href="#id">`.
    static func footnoteTargets(_ doc: FlatDocument) -> Set<String> {
        var targets: Set<String> = []
        var supEnd = -1
        for (i, node) in doc.nodes.enumerated() where node.kind == .element {
            if node.tag == "sup" { supEnd = max(supEnd, node.end) }
            guard node.tag == "a", let href = node.attribute("href"), href.hasPrefix("#"), href.count > 1 else { continue }
            if i < supEnd || node.attribute("role") == "doc-noteref" { targets.insert(String(href.dropFirst())) }
        }
        return targets
    }

    /// Non-link prose (letters) below which a weakly hinted element is chrome.
    static let weakHintProseLimit = 400

    /// Elements whose own class hints never remove them: the page and its main containers.
    static let protectedTags: Set<String> = ["html", "body", "main"]

    init(_ doc: FlatDocument) {
        let nodes = doc.nodes
        let n = nodes.count
        removed = Array(repeating: false, count: n)

        // Notes that in-text references point to (<sup><a href="#n1">): the note list is skipped.
        let noteTargets = ChromeFilter.footnoteTargets(doc)
        let hasClaim = nodes.contains { ChromeFilter.isClaimCard($0, verdicts: false) }
        pageHasClaim = hasClaim

        // Pass 1: what markup alone removes (tags, roles, hidden state, referenced notes).
        var byMarkup = Array(repeating: false, count: n)
        var controlsPrefix = Array(repeating: 0, count: n + 1)
        for i in 0..<n {
            let node = nodes[i]
            let isControl = node.kind == .element && ChromeFilter.formControls.contains(node.tag)
            controlsPrefix[i + 1] = controlsPrefix[i] + (isControl ? 1 : 0)
            if node.parent >= 0, byMarkup[node.parent] { byMarkup[i] = true; continue }
            guard node.kind == .element else { continue }
            if ChromeFilter.isChromeByMarkup(node) { byMarkup[i] = true; continue }
            if !noteTargets.isEmpty, let id = node.attribute("id"), noteTargets.contains(id),
                ChromeFilter.noteTags.contains(node.tag) {
                byMarkup[i] = true
            }
        }

        // Pass 2: text, link text and headlines left by pass 1, as prefix sums.
        var textPrefix = Array(repeating: 0, count: n + 1)
        var linkTextPrefix = Array(repeating: 0, count: n + 1)
        var h1Prefix = Array(repeating: 0, count: n + 1)
        var openLinks: [Int] = []
        for i in 0..<n {
            while let last = openLinks.last, last <= i { openLinks.removeLast() }
            let node = nodes[i]
            let letters = !byMarkup[i] && node.kind == .text ? ChromeFilter.letterCount(node.text) : 0
            if node.kind == .element, node.tag == "a", !byMarkup[i] { openLinks.append(node.end) }
            textPrefix[i + 1] = textPrefix[i] + letters
            linkTextPrefix[i + 1] = linkTextPrefix[i] + (openLinks.isEmpty ? 0 : letters)
            h1Prefix[i + 1] = h1Prefix[i] + (node.kind == .element && node.tag == "h1" && !byMarkup[i] ? 1 : 0)
        }
        let pageText = textPrefix[n]

        // Pass 3: class and id hints, weighed against what the element holds.
        var insideArticle = Array(repeating: false, count: n)
        var insideCard = Array(repeating: false, count: n)
        for i in 0..<n {
            let node = nodes[i]
            insideArticle[i] = node.parent >= 0 && (insideArticle[node.parent] || nodes[node.parent].tag == "article")
            // A claim card is read whole: its parts' classes ("rating-value") do not remove them.
            insideCard[i] = hasClaim && ((node.parent >= 0 && insideCard[node.parent]) || ChromeFilter.isClaimCard(node, verdicts: true))
            if node.parent >= 0, removed[node.parent] { removed[i] = true; continue }
            if byMarkup[i] { removed[i] = true; continue }
            guard node.kind == .element else { continue }
            if !ChromeFilter.protectedTags.contains(node.tag), node.tag != "article" || ChromeFilter.isTeaserArticle(node) {
                // <aside> is chrome unless it wraps the article (some layouts put the story in one).
                // A <header> inside an <article> is the story's own (kicker, standfirst), not the site's.
                // A fact-check's claim and verdict card is what the article checks, read before it,
                // whatever box it is set in ("aside.claim-card", "div.claim-rating rating-false").
                let hint = insideCard[i] ? .none : node.tag == "aside" ? .strong
                    : node.tag == "header" && !insideArticle[i] ? .weak : ChromeFilter.hintStrength(node)
                if hint != .none {
                    let text = textPrefix[node.end] - textPrefix[i]
                    let prose = text - (linkTextPrefix[node.end] - linkTextPrefix[i])
                    // A wrapper holding the headline or most of the page is content, whatever its class says.
                    let holdsHeadline = h1Prefix[node.end] - h1Prefix[i] > 0
                    let holdsMostText = text * 2 > pageText && text > 1000
                    let chrome = hint == .strong ? !holdsHeadline && !holdsMostText
                        : !holdsHeadline && prose < ChromeFilter.weakHintProseLimit
                    if chrome { removed[i] = true; continue }
                }
            }
            if node.tag == "sup", ChromeFilter.isFootnoteMarker(doc, i) { removed[i] = true; continue }
            if node.tag == "dl", ChromeFilter.isFactCard(doc, i, textPrefix: textPrefix) { removed[i] = true; continue }
            // A code listing ("$ sudo apt install …") is shown, not read aloud.
            if node.tag == "code", node.parent >= 0, nodes[node.parent].tag == "pre" { removed[i] = true; continue }
            // A small box around input fields (newsletter sign-up, poll, search) is not the article.
            if ChromeFilter.boxTags.contains(node.tag), controlsPrefix[node.end] - controlsPrefix[i] > 0 {
                let text = textPrefix[node.end] - textPrefix[i]
                let prose = text - (linkTextPrefix[node.end] - linkTextPrefix[i])
                if prose < 150, h1Prefix[node.end] - h1Prefix[i] == 0 { removed[i] = true }
            }
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

    /// A definition list of short labels and values ("Réalisation / Anne Kerjean / Durée / 1 h 48"):
    /// a data card beside the story, not sentences to read. Looks at direct children only.
    static func isFactCard(_ doc: FlatDocument, _ index: Int, textPrefix: [Int]) -> Bool {
        let nodes = doc.nodes
        var items = 0
        var j = index + 1
        while j < nodes[index].end {
            let child = nodes[j]
            if child.kind == .element, child.tag == "dt" || child.tag == "dd" {
                items += 1
                if textPrefix[child.end] - textPrefix[j] > factCardItemLimit { return false }
            }
            j = child.kind == .element ? max(child.end, j + 1) : j + 1
        }
        return items >= 4
    }

    /// Letters above which a definition is prose (a glossary), not a label or a value.
    static let factCardItemLimit = 60

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

    enum HintStrength { case none, weak, strong }

    static let headingTags: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    static func hintStrength(_ node: FlatNode) -> HintStrength {
        let hint = hintBytes(node)
        guard hint.count > 1 else { return .none }
        for fragment in strongFragmentBytes where CleanupRules.contains(hint, fragment) { return .strong }
        let words = hint.split(whereSeparator: { !isAlphanumeric($0) }).map { String(decoding: $0, as: UTF8.self) }
        if words.contains(where: strongWords.contains) { return .strong }
        // A heading is read unless a strong hint says otherwise (ids like "nav_section_2" are anchors).
        if headingTags.contains(node.tag) { return .none }
        for fragment in weakFragmentBytes where CleanupRules.contains(hint, fragment) { return .weak }
        if words.contains(where: weakWords.contains) { return .weak }
        return .none
    }

    /// Whole words of class or id that name a fact-check's claim ("claim-card", "claim-box"; not
    /// "disclaimer"), and the schema.org type such a card carries.
    static let claimWords: Set<String> = ["claim", "claims"]
    /// Words that name its verdict, on a page that has a claim card: elsewhere a "verdict" box is
    /// a review's pros and cons, not read.
    static let verdictWords: Set<String> = ["verdict", "verdicts"]

    /// A fact-check's claim or verdict card: read, whatever its box (`<aside>`, a "rating" class).
    func isClaimCard(_ node: FlatNode) -> Bool { Self.isClaimCard(node, verdicts: pageHasClaim) }

    static func isClaimCard(_ node: FlatNode, verdicts: Bool) -> Bool {
        guard node.kind == .element else { return false }
        if let type = node.attribute("itemtype"), type.utf8.count <= 200, type.hasSuffix("ClaimReview") { return true }
        let hint = hintBytes(node)
        guard hint.count > 1 else { return false }
        return hint.split(whereSeparator: { !isAlphanumeric($0) }).contains { bytes in
            let word = String(decoding: bytes, as: UTF8.self)
            return claimWords.contains(word) || (verdicts && verdictWords.contains(word))
        }
    }

    private static let strongFragmentBytes = strongFragments.map { Array($0.utf8) }
    private static let weakFragmentBytes = weakFragments.map { Array($0.utf8) }

    /// class and id, ASCII-lowercased, capped (hostile pages can carry megabyte-long attributes).
    static func hintBytes(_ node: FlatNode) -> [UInt8] {
        var bytes: [UInt8] = []
        for name in ["class", "id"] {
            guard let value = node.attribute(name) else { continue }
            for b in value.utf8.prefix(256) { bytes.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b) }
            bytes.append(0x20)
        }
        return bytes
    }

    private static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || b >= 0x80
    }

    /// An `<article>` element is content unless its class says it is a comment or a teaser
    /// (blog engines put words like "tag-…" on every post's article element).
    static func isTeaserArticle(_ node: FlatNode) -> Bool {
        let hint = hintBytes(node)
        return teaserArticleHints.contains { CleanupRules.contains(hint, $0) }
    }

    private static let teaserArticleHints = ["comment", "related", "teaser", "recommend", "promo", "sponsor", "card"].map { Array($0.utf8) }

    /// `<sup>` holding a note reference: a link to "#...", or only digits, brackets, asterisks.
    private static func isFootnoteMarker(_ doc: FlatDocument, _ index: Int) -> Bool {
        var i = index + 1
        let end = doc.nodes[index].end
        // A note reference is a handful of nodes; bigger <sup> subtrees are left alone (and never rescanned).
        guard end - index <= 12 else { return false }
        while i < end {
            let node = doc.nodes[i]
            if node.kind == .element, node.tag == "a", node.attribute("href")?.hasPrefix("#") == true { return true }
            i += 1
        }
        let text = doc.text(of: index).filter { !$0.isWhitespace }
        return !text.isEmpty && text.count <= 6 && text.allSatisfy { $0.isNumber || "[]()*†‡".contains($0) }
    }
}
