// SPDX-License-Identifier: GPL-3.0-or-later
import Testing
@testable import EcouterExtraction

/// Shapes that the pages of Fixtures/pages-unseen-6 got wrong on first run: bylines opened by
/// other words than « Par » or followed by where the writer was, and a logo set as the page's only
/// <h1> taken for the headline. Each check fails without its fix.
@Suite struct BylineAndSiteHeadlineShapeTests {
    @Test(arguments: [
        "Écrit par Camille Rouvière", "Rédigé par Jeanne Martin et Paul Durand", "Propos recueillis par Nadia Belkacem",
        "Par Yann Le Goff (Saint-Brieuc, envoyé spécial)", "Par Léa Martin (à Kiev)",
    ])
    func bylinesWithTheirOpenerOrPlaceAreBylines(_ line: String) {
        #expect(TextShape.isBylineLine(line))
    }

    @Test(arguments: [
        "Écrit par un moine au XIIe siècle, le manuscrit a été retrouvé.", "Par ailleurs (voir plus haut)",
        "Écrit par", "Par",
    ])
    func sentencesThatStartSoAreNot(_ line: String) {
        #expect(!TextShape.isBylineLine(line))
    }

    static let paragraphs = [
        "Pour son demi-siècle, le festival voit grand : six jours de concerts au lieu de cinq, une scène supplémentaire et une soirée d'ouverture gratuite dans le centre historique.",
        "Parmi les premiers noms annoncés figurent plusieurs artistes passés par le dispositif de repérage du festival, devenus depuis des têtes d'affiche.",
    ]

    /// The logo is the page's only <h1> and ends <title>; the headline is the <h2> above the body.
    @Test func aLogoSetAsTheOnlyH1IsNotTheHeadline() throws {
        let body = Self.paragraphs.map { "<p>\($0)</p>" }.joined()
        let page = """
            <html><head><title>Culture - La Voix du Centre</title></head><body>
            <div id="header"><h1 id="logo"><a href="/">La Voix du Centre</a></h1></div>
            <div id="content"><h2 class="titre">Le festival dévoile ses premiers noms</h2>
            <p class="infos">Publié le 02/12/2026</p><div itemprop="articleBody">\(body)</div></div>
            </body></html>
            """
        let article = try ArticleExtractor().article(fromHTML: Array(page.utf8))
        #expect(article.title == "Le festival dévoile ses premiers noms")
        #expect(article.plainText.contains(Self.paragraphs[1]))
    }

    /// The same with the <h2> inside the content's own container.
    @Test func aLogoH1BesideAHeadlineInsideTheContentIsNotTheHeadline() throws {
        let body = Self.paragraphs.map { "<p>\($0)</p>" }.joined()
        let page = """
            <html><head><title>Culture - La Voix du Centre</title></head><body>
            <div id="header"><h1 id="logo"><a href="/">La Voix du Centre</a></h1></div>
            <div id="content"><h2 class="titre">Le festival dévoile ses premiers noms</h2>\(body)</div>
            </body></html>
            """
        let article = try ArticleExtractor().article(fromHTML: Array(page.utf8))
        #expect(article.title == "Le festival dévoile ses premiers noms")
        #expect(!article.plainText.contains("La Voix du Centre"))
    }

    /// An <h1> that is the headline and merely shares words with <title> stays the headline.
    @Test func anH1HeadlineIsKept() throws {
        let body = Self.paragraphs.map { "<p>\($0)</p>" }.joined()
        let page = """
            <html><head><title>Le festival dévoile ses premiers noms - La Voix du Centre</title></head><body>
            <div id="header"><a href="/">La Voix du Centre</a></div>
            <article><h1>Le festival dévoile ses premiers noms</h1>\(body)</article>
            </body></html>
            """
        let article = try ArticleExtractor().article(fromHTML: Array(page.utf8))
        #expect(article.title == "Le festival dévoile ses premiers noms")
    }
}
