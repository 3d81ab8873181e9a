// SPDX-License-Identifier: GPL-3.0-or-later
import Testing
@testable import EcouterExtraction

/// Shapes that the pages of Fixtures/pages-unseen-3 got wrong on first run: text-mode browser
/// dumps (link numbers, superscript notes, notes lists, wrapped teaser lines), labels glued to
/// their links, tables set one cell per line, summary bullets. Each small page fails without its fix.
@Suite struct DumpAndLabelShapeTests {
    let extractor = ArticleExtractor()
    static let para1 = "Le conseil municipal a adopté lundi soir le budget de la ville pour l'année prochaine, après un débat de quatre heures."
    static let para2 = "L'opposition a dénoncé une hausse des impôts locaux, que la majorité juge indispensable pour financer les écoles."
    static let para3 = "Le maire a promis de revenir sur le sujet au printemps, une fois connus les chiffres définitifs de la dotation de l'État."

    @Test func linkNumbersAndSuperscriptNotesOfALynxDumpAreRemoved() {
        #expect(TextShape.removingFootnoteMarkers("Par [12]Nathalie Rey, Sion") == "Par Nathalie Rey, Sion")
        #expect(TextShape.removingFootnoteMarkers("en quarante-huit heures^[8]1. Le quartier") == "en quarante-huit heures. Le quartier")
        // Brackets that are the text's own stay.
        #expect(TextShape.removingFootnoteMarkers("la liste [1] reste") == "la liste [1] reste")
    }

    @Test func aSectionLabelGluedToItsLinkIsATeaser() {
        #expect(CleanupRules.builtIn.verdict(for: "Lire aussiNamur : le téléphérique a transporté un million de passagers") == .drop)
        // A paragraph that merely starts with the words is read.
        #expect(CleanupRules.builtIn.verdict(for: "Lire aussi les témoignages des habitants, recueillis par nos soins.") == .keep)
    }

    @Test func anEndMarkerWithItsListOnTheLineEndsTheArticle() {
        #expect(CleanupRules.builtIn.verdict(for: "Mots-clés : Toulouse, Garonne, inondations") == .end)
    }

    @Test func theNotesAfterTheTextAreNotRead() {
        let page = "Titre de l'article municipal\n\n\(Self.para1) \(Self.para3)\n\n\(Self.para2)\n\nNotes\n\n 1. Délibération du conseil municipal,\n    séance du 3 mars.\n 2. Rapport de la chambre régionale des comptes.\n"
        let text = extractor.article(fromText: page).plainText
        #expect(text.contains(Self.para2))
        #expect(!text.contains("Délibération"))
        #expect(!text.contains("chambre régionale"))
    }

    @Test func aWrappedTeaserLineGoesWithItsLabel() {
        let page = "Titre de l'article municipal\n\n\(Self.para1)\n\nLire aussi : Budget : les communes voisines\ncherchent des solutions\n\nUne séance sous tension\n\n\(Self.para2)\n\n\(Self.para3)\n"
        let article = extractor.article(fromText: page)
        #expect(!article.plainText.contains("cherchent des solutions"))
        #expect(article.plainText.contains("Une séance sous tension\n\n\(Self.para2)"))
    }

    @Test func aTableSetOneCellPerLineInterruptsTheTextOnce() {
        let cells = ["Classement", "1", "Nantes", "22 pts", "2", "Montpellier", "21 pts", "3", "Paris", "20 pts", "Voir le classement complet"]
        let page = "Titre du match de ce soir à Nantes\n\(Self.para1)\n\(Self.para2)\n" + cells.joined(separator: "\n") + "\n\(Self.para3)\nMentions légales\n"
        let text = extractor.article(fromText: page).plainText
        #expect(text.contains(Self.para3))
        #expect(!text.contains("Montpellier"))
    }

    @Test func theFirstOfASummarysBulletsIsKeptWithTheOthers() {
        let bullets = ["Le téléphérique sera à l'arrêt jusqu'au 31 mars.", "Un bus-navette gratuit relie la gare à l'esplanade.", "Les travaux coûtent 1,8 million d'euros."]
        let page = "Namur : le téléphérique fermé tout l'hiver pour travaux\nArticle réservé aux abonnés\n" + bullets.joined(separator: "\n") + "\n\(Self.para1)\n\(Self.para2)\n"
        let text = extractor.article(fromText: page).plainText
        for bullet in bullets { #expect(text.contains(bullet)) }
    }

    @Test func aWritersLongSentenceToTheReaderIsReadAPromptIsNot() {
        let aside = "Le mois prochain, je vous emmènerai à Rouen, où trois librairies se sont regroupées pour partager un entrepôt et un livreur."
        let prompt = "Cet article vous a été utile ? Sachez que vous pouvez suivre notre journal dans l'espace Mon Actu, en un clic."
        let page = "Les librairies indépendantes ont-elles gagné ?\n\(Self.para1)\n\(Self.para2)\n\(aside)\n\(prompt)\nMentions légales\n"
        let text = extractor.article(fromText: page).plainText
        #expect(text.contains(aside))
        #expect(!text.contains("Mon Actu"))
    }
}
