// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import Foundation
import Testing
@testable import EcouterFeed

/// What an episode shows beside its audio, and what the source feed says about its channel.
struct EpisodeTextTests {
    @Test func theStandfirstIsTheDescriptionWhenTheItemHasAFullText() {
        let item = FeedItem(id: "a", content: .html("<p>Corps.</p>"), summary: .html("<p>Le <em>chapeau</em>&nbsp;de l&#39;article.</p>"))
        let article = Article(title: "T", blocks: [.heading("Intertitre"), .paragraph("Corps.")])
        let text = EpisodeText(item: item, article: article)
        #expect(text.description == "Le chapeau de l'article.")
        #expect(text.blocks == article.blocks)
        // Without a full text the summary is what was read; its first paragraph describes it.
        let summaryOnly = EpisodeText(item: FeedItem(id: "b", summary: .text("Résumé.")), article: Article(blocks: [.heading("H"), .paragraph("Premier."), .paragraph("Second.")]))
        #expect(summaryOnly.description == "Premier.")
    }

    @Test func longDescriptionsAreCutAtAWordWithinApplesLimit() {
        let words = Array(repeating: "mot", count: 2000).joined(separator: " ")
        let text = EpisodeText(item: FeedItem(id: "c"), article: Article(blocks: [.paragraph(words)]))
        let description = text.description ?? ""
        #expect(description.count <= EpisodeText.descriptionLimit && description.count > EpisodeText.descriptionLimit - 10)
        #expect(description.hasSuffix("mot…"))
    }

    @Test func theHTMLEscapesTextAndGroupsListItems() throws {
        let text = EpisodeText(item: FeedItem(id: "d"), article: Article(blocks: [
            .paragraph("a < b & c > d ]]> \u{1}"), .listItem("un"), .listItem("deux"), .quote("« cité »"), .paragraph("fin"),
        ]))
        #expect(text.html == """
            <p>a &lt; b &amp; c &gt; d ]]&gt;  </p>
            <ul>
            <li>un</li>
            <li>deux</li>
            </ul>
            <blockquote><p>« cité »</p></blockquote>
            <p>fin</p>

            """)
    }

    @Test func aKeptEpisodeFallsBackOnWhatTheFeedSays() {
        let item = FeedItem(id: "e", content: .html("<p>Un.</p><p>Deux &amp; trois.</p>"), summary: .text("Chapeau."))
        let text = EpisodeText(fallbackFor: item)
        #expect(text.blocks == [.paragraph("Un."), .paragraph("Deux & trois.")])
        #expect(text.description == "Chapeau.")
        #expect(EpisodeText(fallbackFor: FeedItem(id: "f")).blocks.isEmpty)
    }

    @Test func sourceFeedsGiveTheirImageAndCopyright() throws {
        let atom = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id><logo>https://a.example/logo.png</logo>\
            <icon>https://a.example/icon.png</icon><rights>© A</rights></feed>
            """
        let parsedAtom = try FeedParser().parse(Array(atom.utf8))
        #expect(parsedAtom.image == "https://a.example/logo.png" && parsedAtom.copyright == "© A")
        let json = #"{"version": "https://jsonfeed.org/version/1.1", "title": "J", "favicon": "https://j.example/f.png", "items": []}"#
        #expect(try FeedParser().parse(Array(json.utf8)).image == "https://j.example/f.png")
        let itunes = """
            <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>R</title>\
            <itunes:image href="https://r.example/cover.jpg"/></channel></rss>
            """
        #expect(try FeedParser().parse(Array(itunes.utf8)).image == "https://r.example/cover.jpg")
        #expect(try FeedParser().parse(fixture("rss.xml")).image == nil)
    }
}
