// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import Foundation

/// What a podcast item shows beside its audio: a short plain-text `description` (the standfirst, else
/// the first paragraph) and the text that is read, for `content:encoded` (apps' episode page and
/// transcript view, people who cannot hear it, search engines).
struct EpisodeText: Sendable, Equatable {
    /// Apple shows up to 4 000 characters of an episode's description.
    static let descriptionLimit = 4000

    /// Plain text, one line.
    var description: String?
    /// The article's blocks, in reading order.
    var blocks: [Article.Block]

    /// From the article that was read: the feed's summary when the item also has a full text (that
    /// summary is the standfirst), else the article's first paragraph.
    init(item: FeedItem, article: Article) {
        blocks = article.blocks
        let standfirst = item.content != nil ? item.summary.flatMap(Self.oneLine) : nil
        let first = article.blocks.first { if case .paragraph = $0 { true } else { false } } ?? article.blocks.first
        description = Self.shortened(standfirst ?? first.flatMap { collapseWhitespace($0.text) })
    }

    /// For an item whose audio is kept from an earlier run but whose text could not be read this
    /// time: what the feed itself says, as paragraphs.
    init(fallbackFor item: FeedItem) {
        let text = (item.content ?? item.summary).flatMap(Self.plainText(paragraphs:)) ?? []
        blocks = text.map(Article.Block.paragraph)
        let standfirst = item.content != nil ? item.summary.flatMap(Self.oneLine) : nil
        description = Self.shortened(standfirst ?? text.first)
    }

    /// The blocks as simple HTML: `<p>`, `<h3>`, `<ul><li>`, `<blockquote>`; text escaped.
    var html: String {
        var out = ""
        var inList = false
        for block in blocks {
            if case .listItem = block {} else if inList { out += "</ul>\n"; inList = false }
            let text = escapeMarkup(block.text)
            switch block {
            case .heading: out += "<h3>\(text)</h3>\n"
            case .paragraph: out += "<p>\(text)</p>\n"
            case .quote: out += "<blockquote><p>\(text)</p></blockquote>\n"
            case .listItem:
                if !inList { out += "<ul>\n"; inList = true }
                out += "<li>\(text)</li>\n"
            }
        }
        if inList { out += "</ul>\n" }
        return out
    }

    private static func oneLine(_ body: ItemBody) -> String? {
        plainText(paragraphs: body).map { $0.joined(separator: " ") }
    }

    private static func plainText(paragraphs body: ItemBody) -> [String]? {
        let text: String
        switch body {
        case .html(let html): text = FragmentText.text(ofHTML: html)
        case .text(let plain): text = plain
        }
        let paragraphs = text.components(separatedBy: "\n\n").compactMap(collapseWhitespace)
        return paragraphs.isEmpty ? nil : paragraphs
    }

    /// At most ``descriptionLimit`` characters, cut at a word with an ellipsis.
    private static func shortened(_ text: String?) -> String? {
        guard let text, text.count > descriptionLimit else { return text }
        let cut = text.prefix(descriptionLimit - 1)
        let atWord = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return atWord + "…"
    }
}

/// The episode texts of a run, by item id: recorded as items are read, used when `feed.xml` is written.
actor EpisodeTexts {
    private var texts: [String: EpisodeText] = [:]

    func record(_ text: EpisodeText, for id: String) { texts[id] = text }

    /// Every text recorded, and a fallback from the feed for the other items.
    func all(items: [FeedItem]) -> [String: EpisodeText] {
        var out = texts
        for item in items where out[item.id] == nil { out[item.id] = EpisodeText(fallbackFor: item) }
        return out
    }
}
