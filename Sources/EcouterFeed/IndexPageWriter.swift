// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import Foundation

/// Writes `index.html`: a static page listing the episodes, each with an `<audio>` player and, when
/// its timings file is there, the text read, which follows the voice (``PlayerPage``).
///
/// Links are relative and the style and script inline, so the directory can be served from anywhere
/// or opened as a file. Every piece of feed or article text is escaped.
enum IndexPageWriter {
    static let fileName = "index.html"

    /// Episodes whose text the page shows, first in feed order (the newest, in most feeds): an
    /// archive of thousands would make a page of hundreds of megabytes, and every run reads the
    /// timings of each one shown. Later episodes keep their player and a link to their WebVTT file.
    static let transcriptLimit = 100

    /// - Parameter timings: an entry's timings, nil when it has none (then no text is shown for it);
    ///   not asked once ``transcriptLimit`` episodes show their text.
    static func document(manifest: Manifest, entries: [Manifest.Entry], hasPodcastFeed: Bool, timings: (Manifest.Entry) -> Timings? = { _ in nil }) -> String {
        let title = manifest.feed.title ?? "ecouter"
        let language = manifest.feed.language ?? "fr"
        var html = """
            <!DOCTYPE html>
            <html lang="\(escapeMarkup(language))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escapeMarkup(title)) — écouter</title>
            <style>
            body { font-family: system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1d1d1f; background: #fafafa; }
            h1 { font-size: 1.6rem; margin-bottom: .2rem; }
            .lead { color: #555; margin-top: 0; }
            ol { list-style: none; padding: 0; }
            li { background: #fff; border: 1px solid #ddd; border-radius: .5rem; padding: .8rem 1rem; margin: .8rem 0; }
            h2 { font-size: 1.1rem; margin: 0 0 .3rem; }
            .meta { color: #666; font-size: .85rem; margin: 0 0 .5rem; }
            audio { width: 100%; }
            .failed { color: #a00; }
            \(PlayerPage.style)
            </style>
            </head>
            <body>
            <h1>\(escapeMarkup(title))</h1>

            """
        if let description = manifest.feed.description { html += "<p class=\"lead\">\(escapeMarkup(description))</p>\n" }
        if hasPodcastFeed { html += "<p class=\"lead\"><a href=\"\(PodcastFeedWriter.fileName)\">Flux podcast (RSS)</a></p>\n" }
        html += "<ol>\n"
        var transcriptsShown = 0
        for entry in entries {
            html += "<li class=\"episode\">\n<h2>\(escapeMarkup(entry.title ?? "Sans titre"))</h2>\n"
            // Escaped as each piece is added: an author written "<a …>" is text, not a link.
            var meta: [String] = []
            if let published = entry.published { meta.append(escapeMarkup(FeedDates.parse(published).map(FeedDates.day) ?? published)) }
            if let author = entry.author { meta.append(escapeMarkup(author)) }
            if let duration = entry.duration { meta.append(escapeMarkup(FeedDates.clock(duration))) }
            if let link = entry.link, link.lowercased().hasPrefix("http") { meta.append("<a href=\"\(escapeMarkup(link))\">article</a>") }
            if entry.file != nil, let transcript = entry.verifiedTranscript { meta.append("<a href=\"\(escapeMarkup(transcript))\" type=\"text/vtt\">texte minuté (WebVTT)</a>") }
            html += "<p class=\"meta\">\(meta.joined(separator: " · "))</p>\n"
            if let file = entry.file {
                let mime = AudioFormat.of(fileName: file).mimeType
                html += "<audio controls preload=\"none\"><source src=\"\(escapeMarkup(file))\" type=\"\(mime)\"></audio>\n"
                if transcriptsShown < transcriptLimit, let text = timings(entry).map(TranscriptMarkup.html), !text.isEmpty {
                    transcriptsShown += 1
                    html += "<details class=\"transcript\"><summary>Texte lu</summary>\n<div class=\"text\">\n\(text)</div>\n</details>\n"
                }
            } else if let error = entry.error {
                html += "<p class=\"failed\">Pas d’audio : \(escapeMarkup(error))</p>\n"
            }
            html += "</li>\n"
        }
        html += "</ol>\n<script>\n\(PlayerPage.script)\n</script>\n</body>\n</html>\n"
        return html
    }
}
