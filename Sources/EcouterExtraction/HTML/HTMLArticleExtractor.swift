// SPDX-License-Identifier: GPL-3.0-or-later
// HTML page -> Article: parse (libxml2), mark chrome, locate the content, collect blocks,
// then tidy them with the same rules as scraped text, and pick the title and metadata.

import Logging

struct HTMLArticleExtractor {
    var rules: CleanupRules
    var logger: Logger
    private let shapeFilter = HTMLBlockShapeFilter()

    func article(from bytes: [UInt8]) throws(ExtractionError) -> Article {
        let doc = try HTMLParser.parse(bytes)
        let meta = PageMetadata(doc)
        let filter = ChromeFilter(doc)
        let locator = ContentLocator(doc: doc, filter: filter)
        let content = locator.roots()
        var roots = locator.standfirst(before: content) + content
        let cards = locator.claimCards(around: roots)
        if !cards.isEmpty {
            // A standfirst found inside a card is read with the card, once.
            let inside = { (r: Int) in cards.contains { r > $0 && r < doc.nodes[$0].end } }
            roots = (roots.filter { !inside($0) } + cards).sorted()
        }
        logger.debug("content roots", metadata: ["roots": "\(roots.map { doc.nodes[$0].tag + "#\($0)" })", "nodes": "\(doc.nodes.count)"])

        let collected = roots.isEmpty ? [] : BlockCollector(doc: doc, filter: filter, rules: rules).blocks(in: roots)
        let headline = headlineIndex(collected, doc: doc, documentTitle: meta.documentTitle, visibleH1: { visibleH1(doc, filter) })
        var title = headline.map { collected[$0].block.text } ?? chooseTitle(meta: meta, doc: doc, filter: filter, roots: roots, collected: collected)
        // A claim card's lines ("Un député, le 27 novembre", "Verdict" / "PLUTÔT VRAI") are read
        // as set, not taken for a dateline, a byline or a run of labels.
        let inCard = Self.insideClaimCards(doc, filter)
        let tidied = tidy(afterHeadline(collected, headline: headline), title: title, inCard: { inCard[$0] })
        var blocks = tidied.map(\.block)
        // Claim cards are only looked for under an <h1>: the page named its headline.
        let markupHasHeadline = collected.contains { doc.nodes[$0.element].tag == "h1" } || meta.ogTitle != nil || meta.headline != nil
            || !cards.isEmpty || (visibleH1(doc, filter) != nil && roots.contains { filter.isClaimCard(doc.nodes[$0]) })
        // Old layouts and div soup name no headline: it is a line above the text, not <title>.
        let shaped = shapeFilter.apply(blocks, findHeadline: !markupHasHeadline, keeping: tidied.map { inCard[$0.element] })
        blocks = shaped.blocks
        if let found = shaped.title {
            logger.debug("headline from the block classifier", metadata: ["title": "\(found)"])
            title = found
        }

        if let body = meta.articleBody, let fromJSON = jsonBodyBlocks(body), letters(fromJSON) * 2 > letters(blocks) * 3 {
            // The page's own structured copy holds much more than the markup we found.
            logger.debug("using JSON-LD articleBody", metadata: ["letters": "\(letters(fromJSON))"])
            blocks = Self.standfirst(meta.description, before: fromJSON) + fromJSON
        }
        if blocks.isEmpty, doc.truncatedByDepth {
            throw ExtractionError(.tooDeep, "libxml2 stopped early in the page (elements nested too deeply); nothing readable came before that point")
        }
        guard !blocks.isEmpty else {
            throw ExtractionError(.noContent, "no article text found in the page (only navigation, scripts or other page chrome)")
        }
        let metadata = Article.Metadata(author: meta.author, published: meta.published, language: meta.language, siteName: meta.siteName)
        return Article(title: title, blocks: blocks, metadata: metadata)
    }

    // MARK: Title

    /// The visible headline in the content, else og:title, JSON-LD headline, any visible <h1>,
    /// or <title> without the site name.
    private func chooseTitle(meta: PageMetadata, doc: FlatDocument, filter: ChromeFilter, roots: [Int], collected: [BlockCollector.Collected]) -> String? {
        if let h1 = collected.first(where: { doc.nodes[$0.element].tag == "h1" }) { return h1.block.text }
        let h1 = visibleH1(doc, filter)
        // An <h1> that ends <title> is the site's name (a logo set as <h1>): the headline is then
        // the last heading above the content ("<h2 class="titre">" over the article's body).
        let h1IsSiteName = h1.map { Self.endsDocumentTitle($0, meta.documentTitle) } ?? false
        let headingAbove = h1IsSiteName ? lastHeading(before: roots.first, doc: doc, filter: filter) : nil
        let candidates = [
            meta.ogTitle.map { PageMetadata.strippingSiteName($0, siteName: meta.siteName) }, meta.headline, headingAbove,
            h1.flatMap { Self.documentTitle(meta.documentTitle, after: $0) }, h1, meta.strippedDocumentTitle,
        ]
        return candidates.lazy.compactMap { $0 }.map(TextShape.collapsedWhitespace).first { !$0.isEmpty }
    }

    /// The rest of <title> when it starts with `site`, the <h1> of a page whose header holds
    /// the site's name: "Le potager de Mamie Jeannette: Planter l'ail avant l'hiver".
    static func documentTitle(_ title: String?, after site: String) -> String? {
        guard let title, title.utf8.count <= 2000 else { return nil }
        let words = title.split(separator: " "), siteWords = site.split(separator: " ")
        // A site's name is a few words: a headline that opens <title> ("Headline – Site",
        // "Headline / Section / Site") is not one.
        guard words.count > siteWords.count, !siteWords.isEmpty, siteWords.count <= Self.siteNameMaxWords else { return nil }
        let head = words.prefix(siteWords.count).joined(separator: " ")
        guard TextShape.folded(head) == TextShape.folded(site) else { return nil }
        let rest = words.dropFirst(siteWords.count).joined(separator: " ").drop(while: { Self.titleSeparators.contains($0) })
        // "Headline | Site Name" starts with the headline too: the rest is then the site's name.
        guard rest.split(separator: " ").count >= 2, !PageMetadata.looksLikeSiteName(String(rest)) else { return nil }
        return String(rest)
    }

    static let siteNameMaxWords = 6
    /// What sets a site's name apart from the headline in <title> ("Headline – Site", "Site: Headline").
    static let titleSeparators: Set<Character> = [" ", ":", "|", "-", "–", "—", "·"]

    /// Whether `text` is the end of <title> after a separator ("Culture - La Voix du Centre").
    static func endsDocumentTitle(_ text: String, _ documentTitle: String?) -> Bool {
        guard let documentTitle, documentTitle.utf8.count <= 2000 else { return false }
        let site = TextShape.folded(text), page = TextShape.folded(documentTitle)
        guard !site.isEmpty, page.count > site.count, page.hasSuffix(site) else { return false }
        return page.dropLast(site.count).last.map { Self.titleSeparators.contains($0) } ?? false
    }

    /// The last visible <h1>–<h3> of three words or more before node `root`, in one pass.
    private func lastHeading(before root: Int?, doc: FlatDocument, filter: ChromeFilter) -> String? {
        guard let root else { return nil }
        var found: Int?
        for i in 0..<min(root, doc.nodes.count) where doc.nodes[i].kind == .element && Self.titleHeadingTags.contains(doc.nodes[i].tag)
            && !filter.removed[i] && filter.visibleText(doc, i) > 0 {
            found = i
        }
        guard let found else { return nil }
        let text = TextShape.collapsedWhitespace(doc.text(of: found))
        return text.split(separator: " ").count >= 3 ? text : nil
    }

    static let titleHeadingTags: Set<String> = ["h1", "h2", "h3"]

    private func visibleH1(_ doc: FlatDocument, _ filter: ChromeFilter) -> String? {
        // Headings without visible text are skipped in O(1) (prefix sums): gathering the text of
        // each one made 100 000 nested, empty <h1> quadratic.
        for (i, node) in doc.nodes.enumerated() where node.kind == .element && node.tag == "h1" && !filter.removed[i] && filter.visibleText(doc, i) > 0 {
            let text = TextShape.collapsedWhitespace(doc.text(of: i))
            if !text.isEmpty { return text }
        }
        return nil
    }

    // MARK: Tidying

    /// Where the article's headline is among the collected blocks: the first <h1>, unless that
    /// <h1> is the site's name (a blog's header) and a later heading is the rest of <title>
    /// ("Le potager de Mamie Jeannette: Planter l'ail avant l'hiver").
    private func headlineIndex(_ collected: [BlockCollector.Collected], doc: FlatDocument, documentTitle: String?, visibleH1: () -> String?) -> Int? {
        let h1 = collected.firstIndex(where: { doc.nodes[$0.element].tag == "h1" })
        guard let documentTitle, let siteText = h1.map({ collected[$0].block.text }) ?? visibleH1() else { return h1 }
        let site = TextShape.folded(siteText), page = TextShape.folded(documentTitle)
        guard page.count > site.count, page.hasPrefix(site) else { return h1 }
        let rest = String(page.dropFirst(site.count).drop(while: { Self.titleSeparators.contains($0) }))
        guard !rest.isEmpty else { return h1 }
        let later = collected[((h1 ?? -1) + 1)...].prefix(50).firstIndex { item in
            if case .heading = item.block { return TextShape.folded(item.block.text) == rest }
            return false
        }
        return later ?? h1
    }

    /// The content from its headline on: labels above it (kicker, breadcrumb, a live
    /// scoreboard, a blog's name) are dropped; a sentence there (a standfirst placed first) is kept.
    private func afterHeadline(_ collected: [BlockCollector.Collected], headline: Int?) -> [BlockCollector.Collected] {
        guard let headline, headline > 0 else { return collected }
        let before = collected[..<headline].filter { $0.block.text.count >= 90 && TextShape.endsSentence($0.block.text) }
        return before + collected[headline...]
    }

    /// Drops what the rules call chrome, the headline repeated as a heading, bylines and dates.
    private func tidy(_ raw: [BlockCollector.Collected], title: String?, inCard: (Int) -> Bool) -> [BlockCollector.Collected] {
        var result: [BlockCollector.Collected] = []
        let foldedTitle = title.map { TextShape.folded($0) }
        var titleSeen = false
        var sawProse = false
        var skippingTeasers = false
        for item in raw {
            let block = item.block
            let text = TextShape.removingFootnoteMarkers(block.text)
            if skippingTeasers {
                if case .paragraph = block {
                    skippingTeasers = false
                } else if TextShape.isTeaserLine(text) {
                    continue
                } else {
                    skippingTeasers = false
                }
            }
            switch rules.verdict(for: text) {
            case .drop: continue
            case .end:
                if sawProse { return result }
                continue
            case .sectionHeading:
                skippingTeasers = true
                continue
            case .keep: break
            }
            if !titleSeen, let foldedTitle, TextShape.folded(text) == foldedTitle {
                titleSeen = true
                continue
            }
            if case .paragraph = block, !inCard(item.element), TextShape.isDateLine(text) || TextShape.isBylineLine(text) || TextShape.isBylineWithDate(text) {
                continue
            }
            if TextShape.isSocialPostSignature(text) { continue }
            // "Réponses (38)", "12 commentaires": the comment thread's heading ends the article.
            if case .heading = block, result.count >= 2, text.utf8.count <= 120, LineFeatures(text, measuringMeta: false).opensComments {
                return result
            }
            if text.count >= 200 { sawProse = true }
            result.append(BlockCollector.Collected(block: block.withText(text), element: item.element))
        }
        return result
    }

    /// For every node, whether it lies in a fact-check's claim card (``ChromeFilter/isClaimCard(_:)``).
    /// One pass in document order, parents before children.
    static func insideClaimCards(_ doc: FlatDocument, _ filter: ChromeFilter) -> [Bool] {
        guard filter.pageHasClaim else { return [Bool](repeating: false, count: doc.nodes.count) }
        var inside = [Bool](repeating: false, count: doc.nodes.count)
        for (i, node) in doc.nodes.enumerated() {
            inside[i] = (node.parent >= 0 && inside[node.parent]) || (node.kind == .element && filter.isClaimCard(node))
        }
        return inside
    }

    /// The page's summary as the standfirst over a JSON-LD body, when it is a sentence the body
    /// does not already open with.
    static func standfirst(_ description: String?, before body: [Article.Block]) -> [Article.Block] {
        guard let description, description.count >= 40, description.count <= 600, TextShape.endsSentence(description) else { return [] }
        let folded = TextShape.folded(description)
        if let first = body.first, TextShape.folded(first.text).hasPrefix(folded) { return [] }
        return [.paragraph(description)]
    }

    /// articleBody split at line breaks, when it is long enough to matter and is not markup.
    private func jsonBodyBlocks(_ body: String) -> [Article.Block]? {
        guard !body.contains("</") else { return nil }
        let paragraphs = body.split(whereSeparator: \.isNewline).map(TextShape.collapsedWhitespace).filter { !$0.isEmpty }
        let blocks = paragraphs.map(Article.Block.paragraph)
        return letters(blocks) >= 200 ? blocks : nil
    }

    private func letters(_ blocks: [Article.Block]) -> Int {
        blocks.reduce(0) { $0 + ChromeFilter.letterCount($1.text) }
    }
}

extension Article.Block {
    /// The same kind of block with other text.
    func withText(_ text: String) -> Article.Block {
        switch self {
        case .heading: return .heading(text)
        case .paragraph: return .paragraph(text)
        case .listItem: return .listItem(text)
        case .quote: return .quote(text)
        }
    }
}
