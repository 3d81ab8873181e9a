// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// Writes `feed.xml`: an RSS 2.0 podcast feed of the items that have audio, with what Apple Podcasts,
/// Spotify and the Podcasting 2.0 apps ask for.
///
/// Channel: `title`, `link`, `description`, `language`, `atom:link rel="self"`, `copyright`, RSS
/// `image` and `itunes:image`, `itunes:author`, `itunes:owner`, `itunes:category`, `itunes:explicit`,
/// `itunes:type`, `podcast:guid`, `podcast:locked`. Each item: `title`, `link`, `guid` (the source
/// item's id, not a permalink), `pubDate` (RFC 822; when the audio was made if the feed gives no
/// date), `description` (plain text), `content:encoded` (the text read, as HTML), `enclosure`
/// (absolute URL, exact byte length, MIME type), `itunes:duration`, `itunes:episodeType`, and `podcast:transcript` (the WebVTT file, when the item has one).
enum PodcastFeedWriter {
    static let fileName = "feed.xml"

    /// The base URL as a prefix for file names: with exactly one trailing slash.
    static func prefix(_ baseURL: URL) -> String {
        let text = baseURL.absoluteString
        return text.hasSuffix("/") ? text : text + "/"
    }

    static func document(channel: PodcastChannel, entries: [Manifest.Entry], texts: [String: EpisodeText], baseURL: String) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:atom="http://www.w3.org/2005/Atom" \
            xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:podcast="https://podcastindex.org/namespace/1.0">
            <channel>
            <title>\(escapeMarkup(channel.title))</title>
            <link>\(escapeMarkup(channel.link))</link>
            <description>\(escapeMarkup(channel.description))</description>
            <language>\(escapeMarkup(channel.language))</language>
            <atom:link href="\(escapeMarkup(channel.selfURL))" rel="self" type="application/rss+xml"/>
            <generator>ecouter</generator>

            """
        if let copyright = channel.copyright { xml += "<copyright>\(escapeMarkup(copyright))</copyright>\n" }
        if let image = channel.image {
            xml += "<image><url>\(escapeMarkup(image))</url><title>\(escapeMarkup(channel.title))</title><link>\(escapeMarkup(channel.link))</link></image>\n"
            xml += "<itunes:image href=\"\(escapeMarkup(image))\"/>\n"
        }
        xml += "<itunes:author>\(escapeMarkup(channel.author))</itunes:author>\n"
        xml += "<itunes:summary>\(escapeMarkup(channel.description))</itunes:summary>\n"
        if channel.ownerName != nil || channel.ownerEmail != nil {
            xml += "<itunes:owner>"
            if let name = channel.ownerName { xml += "<itunes:name>\(escapeMarkup(name))</itunes:name>" }
            if let email = channel.ownerEmail { xml += "<itunes:email>\(escapeMarkup(email))</itunes:email>" }
            xml += "</itunes:owner>\n"
        }
        // One element per top-level category, its subcategories nested in it, in the order given.
        var tops: [String] = []
        var subcategories: [String: [String]] = [:]
        for category in channel.categories {
            if subcategories[category.name] == nil { tops.append(category.name) }
            subcategories[category.name, default: []] += category.subcategory.map { [$0] } ?? []
        }
        for top in tops {
            let nested = subcategories[top, default: []].map { "<itunes:category text=\"\(escapeMarkup($0))\"/>" }
            xml += nested.isEmpty
                ? "<itunes:category text=\"\(escapeMarkup(top))\"/>\n"
                : "<itunes:category text=\"\(escapeMarkup(top))\">\(nested.joined())</itunes:category>\n"
        }
        // "yes"/"clean", Apple's first spelling of what its current spec writes true/false: Apple and
        // podcastparser read both, feedparser 6 reads only these (it maps "false" to unknown).
        xml += "<itunes:explicit>\(channel.explicit ? "yes" : "clean")</itunes:explicit>\n"
        xml += "<itunes:type>episodic</itunes:type>\n"
        xml += "<podcast:guid>\(channel.guid)</podcast:guid>\n"
        let lockOwner = channel.ownerEmail.map { " owner=\"\(escapeMarkup($0))\"" } ?? ""
        xml += "<podcast:locked\(lockOwner)>\(channel.locked ? "yes" : "no")</podcast:locked>\n"
        for entry in entries {
            guard let file = entry.file, let bytes = entry.bytes else { continue }
            xml += item(entry, file: file, bytes: bytes, text: texts[entry.id], baseURL: baseURL, language: channel.language)
        }
        xml += "</channel>\n</rss>\n"
        return xml
    }

    private static func item(_ entry: Manifest.Entry, file: String, bytes: Int, text: EpisodeText?, baseURL: String, language: String) -> String {
        let mime = AudioFormat.of(fileName: file).mimeType
        var xml = "<item>\n"
        xml += "<title>\(escapeMarkup(entry.title ?? "Sans titre"))</title>\n"
        if let link = entry.link { xml += "<link>\(escapeMarkup(link))</link>\n" }
        xml += "<guid isPermaLink=\"false\">\(escapeMarkup(entry.id))</guid>\n"
        if let date = (entry.published.flatMap(FeedDates.parse) ?? entry.generated.flatMap(FeedDates.parse)) {
            xml += "<pubDate>\(FeedDates.rfc822(date))</pubDate>\n"
        }
        xml += "<description>\(escapeMarkup(text?.description ?? entry.title ?? "Sans titre"))</description>\n"
        if let html = text?.html, !html.isEmpty {
            // Escaped rather than CDATA: any text, "]]>" included, stays well-formed.
            xml += "<content:encoded>\(escapeMarkup(html))</content:encoded>\n"
        }
        if let author = entry.author { xml += "<itunes:author>\(escapeMarkup(author))</itunes:author>\n" }
        xml += "<enclosure url=\"\(escapeMarkup(baseURL + file))\" length=\"\(bytes)\" type=\"\(mime)\"/>\n"
        if let transcript = entry.verifiedTranscript {
            // rel="captions": the file is timed, so apps can show it line by line as it plays.
            xml += "<podcast:transcript url=\"\(escapeMarkup(baseURL + transcript))\" type=\"text/vtt\" language=\"\(escapeMarkup(language))\" rel=\"captions\"/>\n"
        }
        if let duration = entry.duration { xml += "<itunes:duration>\(FeedDates.clock(duration))</itunes:duration>\n" }
        xml += "<itunes:episodeType>full</itunes:episodeType>\n"
        xml += "</item>\n"
        return xml
    }
}
