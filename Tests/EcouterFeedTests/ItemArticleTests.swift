// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import Testing
@testable import EcouterFeed

@Suite struct ItemArticleTests {
    let articles = ItemArticle(reader: ArticleReader(), fetchArticles: false, fetcher: HTTPFetcher())

    @Test func theItemTitleIsReadOnceThenTheBody() async throws {
        let text = try await articles.article(for: FeedItem(id: "1", title: "Le titre", content: .text("Le titre\n\nLe corps de l'article.")))
        #expect(text.title == "Le titre")
        #expect(text.blocks.map(\.text) == ["Le corps de l'article."])

        let html = try await articles.article(for: FeedItem(id: "2", title: "Le titre", content: .html("<p>Le titre</p><p>Premier.</p><p>Second.</p>")))
        #expect(html.title == "Le titre")
        #expect(html.blocks.map(\.text) == ["Premier.", "Second."])
    }

    @Test func fullContentWinsOverTheSummaryAndTheSummaryIsTheLastResort() async throws {
        let both = try await articles.article(for: FeedItem(id: "3", title: "T", content: .text("Le texte complet."), summary: .text("Le résumé.")))
        #expect(both.blocks.map(\.text) == ["Le texte complet."])
        let summary = try await articles.article(for: FeedItem(id: "4", title: "T", link: "https://example.org/a", summary: .html("<p>Le résumé.</p>")))
        #expect(summary.blocks.map(\.text) == ["Le résumé."])
        #expect(summary.metadata.author == nil)
    }

    @Test func anItemWithNothingToReadFails() async {
        await #expect(throws: ItemFailure.self) { try await articles.article(for: FeedItem(id: "5", link: "https://example.org/b")) }
        await #expect(throws: ItemFailure.self) { try await articles.article(for: FeedItem(id: "6", title: "T", content: .html("<img src=x>"))) }
    }
}
