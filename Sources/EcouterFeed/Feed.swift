// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// A parsed feed: its channel-level description and its items in document order.
public struct Feed: Sendable, Equatable {
    /// The syntax the feed was written in.
    public enum Kind: String, Sendable, Codable {
        case rss, atom, jsonFeed = "json-feed"
    }

    /// The syntax it was written in.
    public var kind: Kind
    /// The channel's title.
    public var title: String?
    /// The channel's description (RSS `description`, Atom `subtitle`).
    public var description: String?
    /// A language tag such as `fr` or `fr-FR`.
    public var language: String?
    /// The site's home page.
    public var link: String?
    /// The channel's artwork URL (RSS `image/url` or `itunes:image`, Atom `logo` or `icon`, JSON Feed `icon` or `favicon`).
    public var image: String?
    /// The channel's rights statement (RSS `copyright`, Atom `rights`).
    public var copyright: String?
    /// The items in document order, duplicates included.
    public var items: [FeedItem]

    /// Makes a feed; parsers fill it, tests and embedders may build one.
    public init(kind: Kind, title: String? = nil, description: String? = nil, language: String? = nil, link: String? = nil, items: [FeedItem] = [], image: String? = nil, copyright: String? = nil) {
        self.kind = kind
        self.title = title
        self.description = description
        self.language = language
        self.link = link
        self.items = items
        self.image = image
        self.copyright = copyright
    }
}

/// Text carried by a feed item, with how it is written.
public enum ItemBody: Sendable, Equatable {
    case html(String)
    case text(String)

    /// The raw string, markup included for HTML.
    public var raw: String {
        switch self {
        case .html(let s), .text(let s): return s
        }
    }

    /// True when there is nothing but whitespace (or only markup with no letters, roughly).
    var isBlank: Bool { raw.allSatisfy(\.isWhitespace) }
}

/// One entry of a feed.
public struct FeedItem: Sendable, Equatable {
    /// The item's identity: guid (RSS), id (Atom, JSON Feed), else the link, else a hash of title and date.
    /// Files and shards are derived from it only.
    public var id: String
    /// The item's title.
    public var title: String?
    /// The article's web address.
    public var link: String?
    /// The item's author (`dc:creator`, Atom `author/name`, JSON Feed `authors`).
    public var author: String?
    /// The date as written in the feed (RFC 822 in RSS, RFC 3339 in Atom and JSON Feed).
    public var published: String?
    /// The full text when the feed carries it (`content:encoded`, Atom `content`, `content_html`/`content_text`).
    public var content: ItemBody?
    /// A summary (RSS `description`, Atom `summary`, JSON Feed `summary`).
    public var summary: ItemBody?

    /// Makes an item; ``FeedParser`` fills it.
    public init(id: String, title: String? = nil, link: String? = nil, author: String? = nil, published: String? = nil, content: ItemBody? = nil, summary: ItemBody? = nil) {
        self.id = id
        self.title = title
        self.link = link
        self.author = author
        self.published = published
        self.content = content
        self.summary = summary
    }

    /// The id a feed gives, or a stand-in derived from the link or title and date when it gives none.
    static func identity(id: String?, link: String?, title: String?, published: String?) -> String {
        if let id = id?.trimmingCharacters(in: .whitespacesAndNewlines), !id.isEmpty { return id }
        if let link = link?.trimmingCharacters(in: .whitespacesAndNewlines), !link.isEmpty { return link }
        return "untitled:" + SHA256.hex((title ?? "") + "\u{1F}" + (published ?? ""))
    }
}
