// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import Foundation

/// Turns a feed item into the ``Article`` to speak, fetching its page when asked.
struct ItemArticle: Sendable {
    let reader: ArticleReader
    let fetchArticles: Bool
    let fetcher: HTTPFetcher

    /// The article: the item's full content, else its fetched page (`fetchArticles`), else its summary.
    ///
    /// HTML from the feed is a fragment; it is wrapped in a minimal page so the extraction sees an
    /// `<article>`. A fetched page goes to extraction as is (page chrome is removed there). The item's
    /// title is always the article's title, so the listener hears what the feed announced.
    /// - Throws: a one-line reason, recorded in the manifest.
    func article(for item: FeedItem) async throws(ItemFailure) -> Article {
        var article: Article
        if let content = item.content {
            article = try fromBody(content, title: item.title)
        } else if fetchArticles, let link = item.link, let url = URL(string: link), ["http", "https"].contains(url.scheme?.lowercased() ?? "") {
            let page: FetchedResource
            do { page = try await fetcher.fetch(url) } catch { throw ItemFailure(error.message) }
            article = try extract(page.bytes, format: Self.format(ofContentType: page.contentType))
        } else if let summary = item.summary {
            article = try fromBody(summary, title: item.title)
        } else {
            throw ItemFailure(fetchArticles || item.link == nil
                ? "the item has no text to read"
                : "the item has no text to read (--fetch-articles fetches its link)")
        }
        if let title = item.title {
            article.title = title
            // Bodies often repeat the title as their first line: read it once.
            if let first = article.blocks.first, collapseWhitespace(first.text) == collapseWhitespace(title) { article.blocks.removeFirst() }
        }
        if article.metadata.author == nil { article.metadata.author = item.author }
        if article.metadata.published == nil { article.metadata.published = item.published }
        guard !article.blocks.isEmpty || article.title != nil else { throw ItemFailure("the item has no text to read") }
        return article
    }

    /// HTML unless the server says plain text; without a type, the bytes decide.
    static func format(ofContentType type: String?) -> InputFormat {
        guard let type = type?.lowercased() else { return .auto }
        if type.contains("html") { return .html }
        if type.hasPrefix("text/plain") { return .text }
        return .auto
    }

    private func fromBody(_ body: ItemBody, title: String?) throws(ItemFailure) -> Article {
        switch body {
        case .html(let fragment):
            let page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>\(escapeMarkup(title ?? ""))</title></head><body><article>"
                + fragment + "</article></body></html>"
            do throws(ItemFailure) {
                return try extract(Array(page.utf8), format: .html)
            } catch {
                // Extraction is made for pages; a feed fragment can be too short for it. The fragment
                // is the article body already, so its text is read as it is.
                let text = FragmentText.text(ofHTML: fragment)
                guard !text.isEmpty else { throw error }
                return try fromBody(.text(text), title: title)
            }
        case .text(let text):
            // Plain text reads its first paragraph as the title: put the item's title there.
            let page = (title.map { $0 + "\n\n" } ?? "") + text
            return try extract(Array(page.utf8), format: .text)
        }
    }

    private func extract(_ bytes: [UInt8], format: InputFormat) throws(ItemFailure) -> Article {
        if let problem = InputText.binaryFormatProblem(bytes) { throw ItemFailure(problem) }
        if MarkupAttributeScan.excess(in: bytes) != nil {
            throw ItemFailure("an element has more than \(MarkupAttributeScan.maximumAttributes) attributes: refused as hostile markup")
        }
        do { return try reader.article(from: bytes, format: format) } catch { throw ItemFailure(error.message, nothingToSay: error.saysNothing) }
    }
}

/// Why an item produced no audio; recorded in the manifest, never thrown out of a run.
struct ItemFailure: Error, Sendable {
    let message: String
    /// The item has nothing to speak: skipped with a warning rather than failed.
    var nothingToSay = false
    init(_ message: String, nothingToSay: Bool = false) {
        self.message = message
        self.nothingToSay = nothingToSay
    }
}
