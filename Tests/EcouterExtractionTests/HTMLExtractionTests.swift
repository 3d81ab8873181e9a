// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
@testable import EcouterExtraction

@Suite struct HTMLExtractionTests {
    let extractor = ArticleExtractor()

    func article(_ html: String) throws -> Article {
        try extractor.article(fromHTML: Array(html.utf8))
    }

    static let prose = "Un paragraphe d'article, assez long pour être retenu, avec des virgules, des faits, des chiffres et des noms propres comme Quimper."

    @Test func metadataFromFixture() throws {
        let article = try extractor.article(fromHTML: try FixturePages.bytes("navettes-finistere.page.html"))
        #expect(article.title == "Le Finistère expérimente des navettes autonomes entre deux hameaux")
        #expect(article.metadata.author == "Gwenaëlle Le Goff")
        #expect(article.metadata.published == "2025-03-10T07:30:00+01:00")
        #expect(article.metadata.language == "fr-FR")
        #expect(article.metadata.siteName == "Le Télégramme du Léon")
    }

    @Test func structureIsKept() throws {
        let article = try extractor.article(fromHTML: try FixturePages.bytes("navettes-finistere.page.html"))
        #expect(article.blocks.contains(.heading("Une réponse à l'isolement des villages")))
        #expect(article.blocks.contains(.listItem("la capacité des navettes à circuler par vent fort, fréquent sur la côte ;")))
        #expect(article.blocks.contains { if case .quote(let t) = $0 { t.hasPrefix("« Nous voulons savoir") } else { false } })
        #expect(!article.blocks.contains(.heading(article.title ?? "")), "the headline is the title, not read twice")
    }

    @Test func titleFromDocumentTitleWithoutSiteName() throws {
        let article = try extractor.article(fromHTML: try FixturePages.bytes("velo-cargo-nantes.page.html"))
        #expect(article.title == "« Le vélo cargo n'est pas un gadget » : entretien avec une urbaniste nantaise")
    }

    @Test(arguments: [
        ("Titre de l'article | Le Journal", nil as String?, "Titre de l'article"),
        ("Titre de l'article - Le Journal de la Bretagne", nil, "Titre de l'article"),
        ("Le Journal : Titre - avec un tiret dans le titre", "Le Journal", "Le Journal : Titre - avec un tiret dans le titre"),
        ("Le Journal | Titre de l'article", "Le Journal", "Titre de l'article"),
        ("Titre sans site", nil, "Titre sans site"),
    ])
    func siteNameStripping(_ title: String, _ site: String?, _ expected: String) {
        #expect(PageMetadata.strippingSiteName(title, siteName: site) == expected)
    }

    @Test func jsonLDBodyIsUsedWhenMarkupHasLittle() throws {
        let article = try extractor.article(fromHTML: try FixturePages.bytes("bibliotheque-tours.page.html"))
        #expect(article.blocks.count == 4)
        #expect(article.metadata.author == "Claire Vasseur")
        #expect(article.metadata.language == "fr")
    }

    @Test func entitiesAreDecoded() throws {
        let a = try article("<html><body><article><h1>L&#8217;&eacute;t&eacute;</h1><p>\(Self.prose) &laquo;&nbsp;Oui&nbsp;&raquo; &amp; caf&#xE9;.</p></article></body></html>")
        #expect(a.title == "L’été")
        #expect(a.blocks.first?.text.hasSuffix("« Oui » & café.") == true)
    }

    @Test func footnoteMarkersAndNotesAreSkipped() throws {
        let a = try article("""
            <html><body><article><h1>T</h1>
            <p>\(Self.prose)<sup><a href="#fn1">1</a></sup> Suite du texte<sup>[2]</sup>.</p>
            <p>Le XIX<sup>e</sup> siècle reste présent.</p>
            <section class="footnotes" role="doc-endnotes"><ol><li id="fn1">Une note de bas de page.</li></ol></section>
            </article></body></html>
            """)
        let text = a.plainText
        #expect(text.contains("Quimper. Suite du texte."))
        #expect(text.contains("XIXe siècle"))
        #expect(!text.contains("note de bas de page"))
    }

    @Test func structureAloneDropsNotesSignUpBoxesAndPostSignatures() throws {
        // No class or id hints at all: notes are found from the references that point to them,
        // the sign-up box from its input field, the embedded post from its signature line.
        let a = try article("""
            <html><body><article><h1>T</h1>
            <p>\(Self.prose)<sup><a href="#x7">1</a></sup></p>
            <div><p>Chaque matin, l'essentiel dans votre boîte mail.</p><input type="email"><button>OK</button></div>
            <blockquote><p>Un message publié sur un réseau social.</p>— Un collectif (@collectif) 20 mai 2025</blockquote>
            <p>\(Self.prose)</p>
            <ol><li id="x7">La note de bas de page, qu'on ne lit pas.</li></ol>
            </article></body></html>
            """)
        let text = a.plainText
        #expect(!text.contains("note de bas de page"))
        #expect(!text.contains("boîte mail"))
        #expect(!text.contains("(@collectif)"))
        #expect(text.contains("Un message publié"))
        #expect(a.blocks.filter { $0 == .paragraph(Self.prose) }.count == 2)
    }

    @Test func mainWithoutArticleAndDivLayoutsAreFound() throws {
        let a = try extractor.article(fromHTML: try FixturePages.bytes("boulangerie-croix-rousse.page.html"))
        #expect(a.blocks.count == 6, "both text containers around the ad slot are read")
    }

    @Test func classHintsDoNotRemoveTheWrapperHoldingTheHeadline() throws {
        let a = try article("""
            <html><body class="has-cookie-banner"><div class="content share-enabled"><h1>Titre</h1>
            <p>\(Self.prose)</p><p>\(Self.prose)</p></div>
            <div class="share"><a href="#">Partager sur Facebook</a></div></body></html>
            """)
        #expect(a.blocks.count == 2)
        #expect(!a.plainText.contains("Facebook"))
    }

    @Test func linkListsInsideTheArticleAreDropped() throws {
        let a = try article("""
            <html><body><article><h1>T</h1><p>\(Self.prose)</p>
            <ul><li><a href="/1">Autre article un</a></li><li><a href="/2">Autre article deux</a></li></ul>
            <p>\(Self.prose)</p></article></body></html>
            """)
        #expect(!a.plainText.contains("Autre article"))
        #expect(a.blocks.count == 2)
    }

    @Test func brSeparatedParagraphs() throws {
        let a = try article("<html><body><div>\(Self.prose)<br><br>Deuxième paragraphe, lui aussi assez long pour compter comme texte.<br>Même paragraphe.</div></body></html>")
        #expect(a.blocks.count == 2)
        #expect(a.blocks.last?.text == "Deuxième paragraphe, lui aussi assez long pour compter comme texte. Même paragraphe.")
    }

    @Test func extractionIsThreadSafe() async throws {
        let bytes = try FixturePages.bytes("urgences-hiver.page.html")
        let expected = try extractor.article(fromHTML: bytes)
        try await withThrowingTaskGroup(of: Article.self) { group in
            for _ in 0..<16 { group.addTask { try ArticleExtractor().article(fromHTML: bytes) } }
            for try await result in group { #expect(result == expected) }
        }
    }
}

@Suite struct InputFormatTests {
    @Test(arguments: [
        ("<!DOCTYPE html><html>", InputFormat.html), ("\u{FEFF}  <html lang=fr>", .html), ("<p>Bonjour</p>", .html),
        ("<?xml version=\"1.0\"?><html>", .html), ("Un titre\n\nDu texte avec 3 < 4 et <b> plus loin", .text),
        ("Bonjour", .text), ("", .text), ("< pas une balise", .text),
    ])
    func detection(_ head: String, _ expected: InputFormat) {
        #expect(InputFormat.detect(Array(head.utf8)) == expected)
    }
}
