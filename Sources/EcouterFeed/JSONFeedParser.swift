// SPDX-License-Identifier: GPL-3.0-or-later

/// Reads JSON Feed 1.0 and 1.1 (https://www.jsonfeed.org/version/1.1/) from a ``JSONTree``.
///
/// Lenient the way feed readers are: a member of the wrong type is ignored rather than rejecting the
/// feed, and an item that is not an object is skipped.
enum JSONFeedParser {
    static func parse(_ bytes: [UInt8]) throws(FeedError) -> Feed {
        let document: JSONTree
        do throws(JSONTree.SyntaxError) { document = try JSONTree.parse(bytes) } catch {
            throw FeedError(.malformed, "the feed is not valid JSON (byte \(error.offset): \(error.reason))")
        }
        guard case .object = document else { throw FeedError(.notAFeed, "the JSON is not a JSON Feed (not an object)") }
        guard let version = document["version"]?.string, version.hasPrefix("https://jsonfeed.org/version/") else {
            throw FeedError(.notAFeed, "the JSON has no JSON Feed \"version\" (https://jsonfeed.org/version/1.1)")
        }
        var feed = Feed(
            kind: .jsonFeed, title: document["title"]?.string.flatMap(collapseWhitespace),
            description: document["description"]?.string.flatMap(collapseWhitespace),
            language: document["language"]?.string, link: document["home_page_url"]?.string)
        feed.image = document["icon"]?.string ?? document["favicon"]?.string
        for item in document["items"]?.elements ?? [] {
            guard case .object = item else { continue }
            feed.items.append(parseItem(item))
        }
        return feed
    }

    private static func parseItem(_ item: JSONTree) -> FeedItem {
        let link = item["url"]?.string ?? item["external_url"]?.string
        let title = item["title"]?.string.flatMap(collapseWhitespace)
        let published = item["date_published"]?.string ?? item["date_modified"]?.string
        let content: ItemBody? = item["content_html"]?.string.map(ItemBody.html) ?? item["content_text"]?.string.map(ItemBody.text)
        let names = item["authors"]?.elements.compactMap { $0["name"]?.string }
        let author = names.map { $0.joined(separator: ", ") } ?? item["author"]?["name"]?.string  // `author`: JSON Feed 1.0
        return FeedItem(
            id: FeedItem.identity(id: idText(item["id"]), link: link, title: title, published: published),
            title: title, link: link, author: author?.isEmpty == true ? nil : author, published: published,
            content: content.flatMap { $0.isBlank ? nil : $0 },
            summary: item["summary"]?.string.map(ItemBody.text).flatMap { $0.isBlank ? nil : $0 })
    }

    /// The id as text: a string as it is, a number as it is written (the spec asks readers to coerce
    /// numbers to strings; `1.0` stays `1.0`, a 20-digit id keeps its 20 digits). Booleans, null,
    /// objects and arrays are no id: the item is identified by its link, else its title and date.
    private static func idText(_ value: JSONTree?) -> String? {
        switch value {
        case .string(let text)?: return text
        case .number(let literal)?: return literal
        default: return nil
        }
    }
}
