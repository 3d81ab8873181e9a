// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterExtraction

/// Reads RSS 2.0 (and RSS 1.0/RDF) and Atom, safely, through EcouterExtraction's
/// `XMLDocumentParser` (libxml2 without network, entity substitution or DTD loading). Documents
/// declaring entities are refused twice: by ``HostileXMLGuard`` before parsing and by the parser's
/// check of the parsed subsets after.
enum XMLFeedParser {
    static let contentNS = "http://purl.org/rss/1.0/modules/content/"
    static let dublinCoreNS = "http://purl.org/dc/elements/1.1/"
    static let atomNS = "http://www.w3.org/2005/Atom"
    static let rdfNS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let rss1NS = "http://purl.org/rss/1.0/"
    static let itunesNS = "http://www.itunes.com/dtds/podcast-1.0.dtd"

    static func parse(_ bytes: [UInt8]) throws(FeedError) -> Feed {
        try HostileXMLGuard.check(bytes)
        let tree: XMLDocumentTree
        do throws(XMLParseError) { tree = try XMLDocumentParser.parse(bytes) } catch {
            switch error.kind {
            case .malformed: throw FeedError(.malformed, "the feed is not well-formed XML (\(error.message))")
            case .declaresEntities: throw FeedError(.hostile, "the feed declares XML entities, which feeds never need; refused")
            case .noRoot: throw FeedError(.notAFeed, "the document has no root element")
            }
        }
        let root = XMLElement(tree: tree, index: tree.root)
        switch (root.name, root.namespace) {
        case ("rss", ""):
            guard let channel = root.child("channel") else { throw FeedError(.notAFeed, "an <rss> document without <channel>") }
            return rss(channel: channel, items: channel.children("item"), kind: .rss)
        case ("RDF", rdfNS):
            guard let channel = root.child("channel", ns: rss1NS) else { throw FeedError(.notAFeed, "an RDF document without an RSS 1.0 <channel>") }
            return rss(channel: channel, items: root.children("item", ns: rss1NS), kind: .rss)
        case ("feed", atomNS):
            return atom(feed: root)
        default:
            let ns = root.namespace.isEmpty ? "" : " (namespace \(root.namespace))"
            throw FeedError(.notAFeed, "the document is XML but not a feed: its root is <\(root.name)>\(ns), not <rss> or Atom <feed>")
        }
    }

    // MARK: RSS

    private static func rss(channel: XMLElement, items: [XMLElement], kind: Feed.Kind) -> Feed {
        // RSS 1.0 puts its elements in its own namespace; RSS 2.0 in none.
        let ns = channel.namespace
        var feed = Feed(
            kind: kind, title: channel.child("title", ns: ns)?.line,
            description: channel.child("description", ns: ns)?.line,
            language: channel.child("language", ns: ns)?.line ?? channel.child("language", ns: dublinCoreNS)?.line,
            link: channel.child("link", ns: ns)?.line)
        feed.image = channel.child("image", ns: ns)?.child("url", ns: ns)?.line ?? channel.child("image", ns: itunesNS)?.attribute("href")
        feed.copyright = channel.child("copyright", ns: ns)?.line ?? channel.child("rights", ns: dublinCoreNS)?.line
        for item in items {
            let link = item.child("link", ns: ns)?.line
            let title = item.child("title", ns: ns)?.line
            let published = item.child("pubDate", ns: ns)?.line ?? item.child("date", ns: dublinCoreNS)?.line
            let guid = item.child("guid", ns: ns)?.line ?? item.attribute("about")
            let content = item.child("encoded", ns: contentNS).map { ItemBody.html($0.text) }
            let summary = item.child("description", ns: ns).map { ItemBody.html($0.text) }
            let author = item.child("creator", ns: dublinCoreNS)?.line ?? item.child("author", ns: ns)?.line
            feed.items.append(FeedItem(
                id: FeedItem.identity(id: guid, link: link, title: title, published: published),
                title: title, link: link, author: author, published: published,
                content: content.flatMap { $0.isBlank ? nil : $0 }, summary: summary.flatMap { $0.isBlank ? nil : $0 }))
        }
        return feed
    }

    // MARK: Atom

    private static func atom(feed root: XMLElement) -> Feed {
        let ns = atomNS
        var feed = Feed(
            kind: .atom, title: root.child("title", ns: ns)?.line, description: root.child("subtitle", ns: ns)?.line,
            language: root.attribute("lang"), link: alternateLink(root))
        feed.image = root.child("logo", ns: ns)?.line ?? root.child("icon", ns: ns)?.line
        feed.copyright = root.child("rights", ns: ns)?.line
        let feedAuthor = root.child("author", ns: ns)?.child("name", ns: ns)?.line
        for entry in root.children("entry", ns: ns) {
            let link = alternateLink(entry)
            let title = entry.child("title", ns: ns)?.line
            let published = entry.child("published", ns: ns)?.line ?? entry.child("updated", ns: ns)?.line
            let content = entry.child("content", ns: ns).flatMap { body(of: $0) }
            let summary = entry.child("summary", ns: ns).flatMap { body(of: $0) }
            let author = entry.child("author", ns: ns)?.child("name", ns: ns)?.line ?? feedAuthor
            feed.items.append(FeedItem(
                id: FeedItem.identity(id: entry.child("id", ns: ns)?.line, link: link, title: title, published: published),
                title: title, link: link, author: author, published: published, content: content, summary: summary))
        }
        return feed
    }

    /// `<link rel="alternate" href>` (rel defaults to alternate).
    private static func alternateLink(_ element: XMLElement) -> String? {
        element.children("link", ns: atomNS).first { ($0.attribute("rel") ?? "alternate") == "alternate" }?.attribute("href")
    }

    /// An Atom text construct: `type` text (default), html (escaped markup) or xhtml (inline markup).
    /// Content with a `src` (out-of-line) carries no text: nil.
    private static func body(of element: XMLElement) -> ItemBody? {
        guard element.attribute("src") == nil else { return nil }
        let body: ItemBody
        switch element.attribute("type") ?? "text" {
        case "html", "text/html": body = .html(element.text)
        case "xhtml", "application/xhtml+xml": body = .html(element.innerMarkup)
        default: body = .text(element.text)
        }
        return body.isBlank ? nil : body
    }
}
