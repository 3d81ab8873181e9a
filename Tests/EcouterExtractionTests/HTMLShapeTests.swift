// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
@testable import EcouterExtraction

/// HTML the markup alone does not explain: chrome inside the content judged by its shape, and
/// headlines the page does not mark as such.
@Suite struct HTMLShapeTests {
    let extractor = ArticleExtractor()
    static let p1 = "Le conseil municipal a voté mardi soir le budget de l'année prochaine, après une longue séance de débats parfois animés entre les élus."
    static let p2 = "L'opposition a dénoncé une hausse des impôts locaux, que la majorité juge indispensable pour financer la rénovation des écoles."

    @Test func aPriceBoxAndAnOfferInsideTheArticleAreDropped() throws {
        let html = """
            <html><body><article><h1>Le budget voté</h1><p>\(Self.p1)</p>
            <div class="encart"><h4>Prix moyens cette semaine</h4><table><tr><td>Gazole</td><td>1,594 €</td></tr><tr><td>SP98</td><td>1,789 €</td></tr></table></div>
            <div class="box"><p>Bon plan : le smartphone le mieux noté à -20 % chez notre partenaire</p><a>Voir l'offre</a></div>
            <p>\(Self.p2)</p><div><p>Cette page vous a-t-elle été utile ?</p></div></article></body></html>
            """
        let article = try extractor.article(fromHTML: Array(html.utf8))
        #expect(article.title == "Le budget voté")
        #expect(article.blocks == [.paragraph(Self.p1), .paragraph(Self.p2)])
    }

    @Test func theJSONLDBodyKeepsTheStandfirstFromTheDescription() throws {
        let chapo = "Les élus ont voté un budget en hausse, porté par la rénovation des écoles."
        let body = String(repeating: Self.p1 + " ", count: 3) + "\\n\\n" + Self.p2
        let html = """
            <html><head><meta name="description" content="\(chapo)">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Le budget voté","articleBody":"\(body)"}</script></head>
            <body><div><h1>Le budget voté</h1><p>\(chapo)</p><p>Chargement de l'article…</p></div></body></html>
            """
        let article = try extractor.article(fromHTML: Array(html.utf8))
        #expect(article.blocks.first == .paragraph(chapo))
        #expect(article.blocks.last == .paragraph(Self.p2))
    }

    @Test func aBlogWhoseH1IsItsNameTakesTheRestOfTheTitle() throws {
        let html = """
            <html><head><title>Le potager de Jeannette: Planter l'ail avant l'hiver</title></head><body>
            <div class="header"><h1>Le potager de Jeannette</h1></div>
            <div class="post"><div class="post-body">\(Self.p1)<br><br>\(Self.p2)</div></div></body></html>
            """
        let article = try extractor.article(fromHTML: Array(html.utf8))
        #expect(article.title == "Planter l'ail avant l'hiver")
        // "Headline | Site" also starts with the headline: there the site's name is not the title.
        let other = html.replacingOccurrences(of: "Le potager de Jeannette: Planter l'ail avant l'hiver", with: "Le potager de Jeannette | Jardin Magazine")
        #expect(try extractor.article(fromHTML: Array(other.utf8)).title == "Le potager de Jeannette")
    }

    @Test func anOldTableLayoutGivesItsHeadlineNotItsSiteName() throws {
        let html = """
            <html><head><title>La Gazette du Val - Actualit&eacute;s</title></head><body><table><tr>
            <td><a href="/">Accueil</a><br><a href="/sports">Sports</a><br><a href="/agenda">Agenda</a></td>
            <td><font size="1">Actualit&eacute;s &gt; Vie locale</font><br><br>
            <font size="4"><b>La foire de Saint-Flour f&ecirc;te ses cent cinquante ans</b></font><br>
            <font size="1"><i>Mis en ligne le 08/11/2026 - par R. Delmas</i></font><br><br>
            \(Self.p1)<br><br><b>Une tradition qui r&eacute;siste</b><br><br>\(Self.p2)<br><br>
            <a href="javascript:print()">Imprimer cet article</a> | <a href="/envoyer">Envoyer &agrave; un ami</a></td></tr></table></body></html>
            """
        let article = try extractor.article(fromHTML: Array(html.utf8))
        #expect(article.title == "La foire de Saint-Flour fête ses cent cinquante ans")
        #expect(article.blocks == [.paragraph(Self.p1), .paragraph("Une tradition qui résiste"), .paragraph(Self.p2)])
    }

    @Test func aHeadlineOpeningTheDocumentTitleIsNotTakenForTheSiteName() throws {
        // The <h1> sits outside the located content; <title> is "Headline – Site".
        let html = """
            <html><head><title>« Les Brumes », la série qui fait de Cherbourg un polar nordique – Écrans &amp; Cie</title></head><body>
            <div class="post"><h1 class="post-title">« Les Brumes », la série qui fait de Cherbourg un polar nordique</h1>
            <div class="post-content"><p>\(Self.p1)</p><p>\(Self.p2)</p></div></div></body></html>
            """
        let article = try extractor.article(fromHTML: Array(html.utf8))
        #expect(article.title == "« Les Brumes », la série qui fait de Cherbourg un polar nordique")
        #expect(PageMetadata.looksLikeSiteName("Écrans & Cie"))
    }

    @Test func aCodeListingAndACommentThreadAreNotRead() throws {
        let html = """
            <html><body><article><h1>Le budget voté</h1><p>\(Self.p1)</p>
            <pre><code>$ sudo apt install budget-tools</code></pre><p>\(Self.p2)</p>
            <h2>Réponses (38)</h2><p>Merci pour cet article très complet, j'ai appris beaucoup de choses sur le budget de ma ville.</p></article></body></html>
            """
        let article = try extractor.article(fromHTML: Array(html.utf8))
        #expect(article.blocks == [.paragraph(Self.p1), .paragraph(Self.p2)])
    }

    @Test func aShortParagraphNamingAnAmountIsKept() throws {
        let amount = "Le conseil municipal a retenu une entreprise d'Aubenas pour un montant de 182 000 €, financé à moitié par le département."
        let html = """
            <html><body><article><h1>Le budget voté</h1><p>\(Self.p1)</p><p>\(Self.p2)</p><p>\(amount)</p>
            <p>Abonnez-vous dès 1 € par mois</p></article></body></html>
            """
        let article = try extractor.article(fromHTML: Array(html.utf8))
        #expect(article.blocks == [.paragraph(Self.p1), .paragraph(Self.p2), .paragraph(amount)])
    }
}
