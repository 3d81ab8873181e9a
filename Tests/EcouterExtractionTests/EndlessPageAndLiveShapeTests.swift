// SPDX-License-Identifier: GPL-3.0-or-later
import Testing
@testable import EcouterExtraction

/// Shapes that the pages of Fixtures/pages-unseen-7 got wrong on first run: the next story of an
/// endless page read after the article, a one-sentence standfirst above the byline dropped, and a
/// short live-blog post between two post times dropped. Each check fails without its fix.
@Suite struct EndlessPageAndLiveShapeTests {
    static let para1 = "Au port de Sevrier, les bateaux de location sont restés amarrés loin du quai, sur des pontons prolongés à la hâte pendant tout le week-end."
    static let para2 = "Le lac est alimenté par une trentaine de torrents, presque tous à sec cet automne, et le syndicat mixte a réduit le débit de son exutoire."
    static let other = "Les premiers visiteurs ont été accueillis vendredi soir par une chorale d'enfants, sur la place illuminée pour l'occasion, devant les chalets."

    @Test func theNextStoryOfAnEndlessPageIsNotRead() throws {
        let page = """
            <html><head><title>Le lac à son plus bas niveau</title></head><body><main>
            <article><h1>Le lac à son plus bas niveau depuis 1949</h1><p>\(Self.para1)</p><p>\(Self.para2)</p></article>
            <div>Article suivant</div>
            <article><h1>Le marché de Noël ouvre avec quarante chalets</h1><p>\(Self.other)</p><p>\(Self.other)</p></article>
            </main></body></html>
            """
        let text = try ArticleExtractor().article(fromHTML: Array(page.utf8)).plainText
        #expect(text.contains(Self.para2))
        #expect(!text.contains("chorale"))
    }

    /// A live blog's entries, <article>s without a headline of their own, are all read.
    @Test func liveBlogEntriesWithoutHeadlinesAreStillRead() throws {
        let page = """
            <html><body><main><h1>En direct : la soirée électorale</h1>
            <article><p>\(Self.para1)</p></article><article><p>\(Self.para2)</p></article><article><p>\(Self.other)</p></article>
            </main></body></html>
            """
        let text = try ArticleExtractor().article(fromHTML: Array(page.utf8)).plainText
        #expect(text.contains(Self.para1) && text.contains(Self.para2) && text.contains(Self.other))
    }

    @Test func aOneSentenceStandfirstAboveTheBylineIsKept() throws {
        let standfirst = "Sociologue des mobilités, Inès Garnier a suivi pendant deux ans quatre-vingts familles."
        let page = """
            <html><body><div class="post"><h1>« Le vélo cargo remplace la deuxième voiture »</h1>
            <div class="post-excerpt">\(standfirst)</div><div class="post-author">Propos recueillis par Hugo Lemaire</div>
            <div class="post-content"><p>\(Self.para1)</p><p>\(Self.para2)</p><p>\(Self.other)</p></div></div></body></html>
            """
        let text = try ArticleExtractor().article(fromHTML: Array(page.utf8)).plainText
        #expect(text.contains(standfirst))
        #expect(!text.contains("Propos recueillis"))
    }

    @Test func aShortPostBetweenTwoPostTimesIsRead() {
        let short = "Les premiers bureaux du centre-ville donnent une légère avance à la majorité sortante."
        let page = "En direct : la soirée électorale au Havre\n22h15\n\(Self.para1)\n21h30\n\(short)\n20h00\n\(Self.para2)\n"
        let text = ArticleExtractor().article(fromText: page).plainText
        #expect(text.contains(short))
        #expect(!text.contains("21h30"))
        #expect(TextShape.isClockTime("21 h 30") && TextShape.isClockTime("21:52") && !TextShape.isClockTime("2130") && !TextShape.isClockTime("A7 h 12"))
    }
}
