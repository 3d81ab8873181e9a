// SPDX-License-Identifier: GPL-3.0-or-later
import Testing
@testable import EcouterExtraction

/// A fact-check's claim and verdict card, which the HTML pages of Fixtures/pages-unseen-3 and
/// pages-unseen-8 lost on first run: set in an `<aside>`, or beside the text outside the content
/// found, with "rating" classes, a date in its source line and labels as short as « Faux ».
@Suite struct ClaimCardShapeTests {
    static let para1 = "Le compteur communicant permet bien certaines opérations à distance : relever la consommation ou modifier la puissance souscrite à la demande du client."
    static let para2 = "En cas de tension extrême sur le réseau, les coupures ciblées existent, mais elles sont prévues par un plan national et concernent des quartiers entiers."
    static let para3 = "Contacté, le gestionnaire du réseau rappelle qu'il n'a accès à aucun équipement situé derrière le compteur, ce que confirme la Commission de régulation."

    static func page(card: String) -> String {
        """
        <html><body><header><p>Ouest Matin</p></header><div class="article-container">
        <h1>Non, les compteurs électriques ne coupent pas le chauffage à distance</h1>
        <div class="standfirst">Une vidéo vue plus de deux millions de fois affirme que le réseau va éteindre les radiateurs des foyers cet hiver.</div>
        \(card)
        <div class="article-body"><p>\(para1)</p><p>\(para2)</p><p>\(para3)</p></div>
        </div><aside class="rail"><p>Offre spéciale : 3 mois pour 1 €</p></aside></body></html>
        """
    }

    @Test func anAsideClaimCardIsReadBetweenTheStandfirstAndTheText() throws {
        let card = """
            <aside class="claim-card"><div class="claim-head">Ce qui est affirmé</div>
            <blockquote>« Dès janvier, ils pourront couper votre chauffage depuis leurs bureaux. »</blockquote>
            <div class="claim-origin">Une vidéo publiée sur TikTok le 24 novembre 2026</div>
            <div class="claim-rating rating-false"><span class="rating-title">Notre verdict</span><span class="rating-value">Faux</span></div></aside>
            """
        let text = try ArticleExtractor().article(fromHTML: Array(Self.page(card: card).utf8)).plainText
        #expect(text.contains("Ce qui est affirmé"))
        #expect(text.contains("couper votre chauffage"))
        #expect(text.contains("TikTok le 24 novembre 2026"))
        #expect(text.contains("Notre verdict Faux"))
        #expect(!text.contains("Offre spéciale"))
        // In page order: standfirst, card, text.
        let card_ = text.range(of: "Ce qui est affirmé"), body = text.range(of: Self.para1)
        #expect(card_ != nil && body != nil && card_!.lowerBound < body!.lowerBound)
    }

    /// A separate verdict box beside a claim box, its label and value in two inline elements.
    @Test func aVerdictBoxBesideTheClaimIsReadAsTwoWords() throws {
        let card = """
            <div class="claim-box"><p>L'affirmation</p><p>« Les compteurs coupent le chauffage. »</p></div>
            <div class="verdict verdict--false"><span class="verdict-label">Verdict</span><strong>FAUX</strong></div>
            """
        let text = try ArticleExtractor().article(fromHTML: Array(Self.page(card: card).utf8)).plainText
        #expect(text.contains("Verdict FAUX"))
        #expect(text.contains("Les compteurs coupent le chauffage"))
    }

    /// Without a claim on the page, a "verdict" box is a review's pros and cons: not read.
    @Test func aReviewsVerdictBoxIsNotAClaimCard() throws {
        let card = """
            <div class="verdict-box"><h3>Notre verdict</h3><div class="stars">4/5</div><p class="plus">On aime : réparable, bon clavier</p><p class="minus">On aime moins : écran brillant</p></div>
            """
        let text = try ArticleExtractor().article(fromHTML: Array(Self.page(card: card).utf8)).plainText
        #expect(text.contains(Self.para2))
        #expect(!text.contains("On aime"))
    }

    @Test func disclaimerIsNotAClaim() {
        let node = FlatNode(kind: .element, tag: "div", parent: -1, end: 1, text: "", attributes: [("class", "affiliate-disclaimer")])
        #expect(!ChromeFilter.isClaimCard(node, verdicts: true))
        let card = FlatNode(kind: .element, tag: "aside", parent: -1, end: 1, text: "", attributes: [("class", "claim-card")])
        #expect(ChromeFilter.isClaimCard(card, verdicts: false))
    }
}
