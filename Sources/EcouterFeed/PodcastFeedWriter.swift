// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// Writes `feed.xml`: an RSS 2.0 podcast feed of the items that have audio, for podcast apps.
///
/// Each item carries `enclosure` (absolute URL under the base URL, exact byte length, MIME type),
/// `guid` (the source item's id, not a permalink), `pubDate` (RFC 822), `itunes:duration`.
enum PodcastFeedWriter {
    static let fileName = "feed.xml"

    static func document(manifest: Manifest, entries: [Manifest.Entry], baseURL: URL, format: AudioFormat) -> String {
        let base = baseURL.absoluteString.hasSuffix("/") ? baseURL.absoluteString : baseURL.absoluteString + "/"
        let info = manifest.feed
        let title = info.title ?? "ecouter"
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:atom="http://www.w3.org/2005/Atom">
            <channel>
            <title>\(escapeMarkup(title))</title>
            <link>\(escapeMarkup(info.link ?? base))</link>
            <description>\(escapeMarkup(info.description ?? "\(title), lu à voix haute"))</description>
            <language>\(escapeMarkup(info.language ?? "fr"))</language>
            <atom:link href="\(escapeMarkup(base + fileName))" rel="self" type="application/rss+xml"/>
            <generator>ecouter</generator>
            <itunes:author>\(escapeMarkup(title))</itunes:author>
            <itunes:summary>\(escapeMarkup(info.description ?? title))</itunes:summary>
            <itunes:category text="News"/>
            <itunes:explicit>false</itunes:explicit>

            """
        for entry in entries {
            guard let file = entry.file, let bytes = entry.bytes else { continue }
            let mime = file.hasSuffix(".wav") ? AudioFormat.wav.mimeType : AudioFormat.mp3.mimeType
            xml += "<item>\n"
            xml += "<title>\(escapeMarkup(entry.title ?? "Sans titre"))</title>\n"
            if let link = entry.link { xml += "<link>\(escapeMarkup(link))</link>\n" }
            xml += "<guid isPermaLink=\"false\">\(escapeMarkup(entry.id))</guid>\n"
            if let published = entry.published, let date = FeedDates.parse(published) {
                xml += "<pubDate>\(FeedDates.rfc822(date))</pubDate>\n"
            }
            if let author = entry.author { xml += "<itunes:author>\(escapeMarkup(author))</itunes:author>\n" }
            xml += "<enclosure url=\"\(escapeMarkup(base + file))\" length=\"\(bytes)\" type=\"\(mime)\"/>\n"
            if let duration = entry.duration { xml += "<itunes:duration>\(FeedDates.clock(duration))</itunes:duration>\n" }
            xml += "</item>\n"
        }
        xml += "</channel>\n</rss>\n"
        return xml
    }
}
