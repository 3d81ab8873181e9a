// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// Reads JSON Feed 1.0 and 1.1 (https://www.jsonfeed.org/version/1.1/) with `JSONDecoder`.
enum JSONFeedParser {
    private struct Document: Decodable {
        var version: String?
        var title: String?
        var home_page_url: String?
        var description: String?
        var language: String?
        var icon: String?
        var favicon: String?
        var items: [Item]?
    }

    private struct Author: Decodable { var name: String? }

    private struct Item: Decodable {
        var id: FlexibleString?
        var url: String?
        var external_url: String?
        var title: String?
        var content_html: String?
        var content_text: String?
        var summary: String?
        var date_published: String?
        var date_modified: String?
        var authors: [Author]?
        var author: Author?  // JSON Feed 1.0
        var language: String?
    }

    /// Some feeds write `"id": 42`; the spec says string, so both are accepted and kept as text.
    private struct FlexibleString: Decodable {
        var value: String
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let s = try? container.decode(String.self) { value = s }
            else if let i = try? container.decode(Int64.self) { value = String(i) }
            else { value = String(try container.decode(Double.self)) }
        }
    }

    static func parse(_ bytes: [UInt8]) throws(FeedError) -> Feed {
        let document: Document
        do { document = try JSONDecoder().decode(Document.self, from: Data(bytes)) } catch DecodingError.dataCorrupted {
            throw FeedError(.malformed, "the feed is not valid JSON")
        } catch {
            throw FeedError(.notAFeed, "the JSON is not a JSON Feed (\(error))")
        }
        guard let version = document.version, version.hasPrefix("https://jsonfeed.org/version/") else {
            throw FeedError(.notAFeed, "the JSON has no JSON Feed \"version\" (https://jsonfeed.org/version/1.1)")
        }
        var feed = Feed(kind: .jsonFeed, title: document.title.flatMap(collapseWhitespace), description: document.description.flatMap(collapseWhitespace), language: document.language, link: document.home_page_url)
        feed.image = document.icon ?? document.favicon
        for item in document.items ?? [] {
            let link = item.url ?? item.external_url
            let title = item.title.flatMap(collapseWhitespace)
            let published = item.date_published ?? item.date_modified
            let content: ItemBody? = item.content_html.map(ItemBody.html) ?? item.content_text.map(ItemBody.text)
            let author = item.authors?.compactMap(\.name).joined(separator: ", ") ?? item.author?.name
            feed.items.append(FeedItem(
                id: FeedItem.identity(id: item.id?.value, link: link, title: title, published: published),
                title: title, link: link, author: author?.isEmpty == true ? nil : author, published: published,
                content: content.flatMap { $0.isBlank ? nil : $0 }, summary: item.summary.map(ItemBody.text).flatMap { $0.isBlank ? nil : $0 }))
        }
        return feed
    }
}
