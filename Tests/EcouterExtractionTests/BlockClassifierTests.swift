// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
@testable import EcouterExtraction

/// The scraped-text block classifier: what it keeps, drops and takes for the headline.
@Suite struct BlockClassifierTests {
    let extractor = ArticleExtractor()
    static let p1 = "Le conseil municipal a voté mardi soir le budget de l'année prochaine, après une longue séance de débats parfois animés entre les élus."
    static let p2 = "L'opposition a dénoncé une hausse des impôts locaux, que la majorité juge indispensable pour financer la rénovation des écoles."
    static let p3 = "Le maire a promis une réunion publique en janvier pour présenter le détail des investissements prévus dans chaque quartier."

    @Test func builtInStopWordsEqualTheShippedFile() throws {
        let url = FixturePages.repositoryRoot.appendingPathComponent("voices/stopwords-fr.txt")
        #expect(builtInStopWordsText == (try String(contentsOf: url, encoding: .utf8)), "run scripts/sync-cleanup-rules.sh after editing voices/stopwords-fr.txt")
        #expect(FrenchStopWords.builtIn.contains("de") && FrenchStopWords.builtIn.contains("etait"))
        #expect(!FrenchStopWords.builtIn.contains("conseil"))
    }

    @Test func prosePassesMenusAndTablesDoNot() {
        let prose = LineFeatures(Self.p1)
        #expect(prose.stopShare > 0.3 && prose.endsSentence && !prose.addressesReader)
        let towns = LineFeatures("Brest Quimper Morlaix Concarneau Douarnenez Landerneau Quimperlé Pont-l'Abbé Châteaulin Carhaix Brest")
        #expect(towns.stopShare < 0.1)
        #expect(LineFeatures("Lille 1 - 1 Lens").looksLikeScore)
        #expect(LineFeatures("Recevez chaque vendredi nos enquêtes dans votre boîte mail.").addressesReader)
        // Quoted speech and "rendez-vous" are not the site talking to its reader.
        #expect(!LineFeatures("« Vous verrez, c'est beau », dit-il. Rendez-vous en mars.").addressesReader)
        #expect(LineFeatures("Les pompiers sur place, lundi. Photo L'Éclaireur / Marc WEBER").hasCredit)
        #expect(!LineFeatures("La photo a fait le tour des réseaux sociaux en quelques heures.").hasCredit)
    }

    @Test func aChromeBlockInsideTheBodyIsDroppedAndTheArticleContinues() {
        let page = [
            "Accueil", "Politique", "Le budget 2026 adopté au conseil municipal", "Par Jeanne Martin", Self.p1,
            "Les plus partagés cette semaine", "Brest : le pont rouvre", "Quimper : les Halles en travaux", "Newsletter",
            Self.p2, Self.p3, "Mentions légales", "Contact",
        ].joined(separator: "\n")
        let article = extractor.article(fromText: page)
        #expect(article.title == "Le budget 2026 adopté au conseil municipal")
        #expect(article.blocks == [.paragraph(Self.p1), .paragraph(Self.p2), .paragraph(Self.p3)])
    }

    @Test func theHeadlineIsTheTitleAboveTheContentNotAPromoOrTheSiteName() {
        let page = [
            "Offre spéciale : 1 € le premier mois", "Le Journal de l'Ouest", "Se connecter", "Économie",
            "Le budget 2026 adopté au conseil municipal", "Publié le 3 mars 2026 à 08h00", "Lecture 3 min.", Self.p1, Self.p2,
        ].joined(separator: "\n")
        let article = extractor.article(fromText: page)
        #expect(article.title == "Le budget 2026 adopté au conseil municipal")
        #expect(article.blocks == [.paragraph(Self.p1), .paragraph(Self.p2)])
    }

    @Test func theStandfirstAndSubheadingsAreKept() {
        let chapo = "Les élus ont voté un budget en hausse de 4 %, porté par les investissements dans les écoles."
        let page = [
            "Le budget 2026 adopté au conseil municipal", chapo, "Par Jeanne Martin", "Partager", Self.p1,
            "Des écoles rénovées", Self.p2,
        ].joined(separator: "\n")
        let article = extractor.article(fromText: page)
        #expect(article.title == "Le budget 2026 adopté au conseil municipal")
        #expect(article.blocks == [.paragraph(chapo), .paragraph(Self.p1), .heading("Des écoles rénovées"), .paragraph(Self.p2)])
    }

    @Test func interviewQuestionsToTheGuestAreKeptPromptsToTheReaderAreNot() {
        let question = "Pourquoi avez-vous voté contre ce budget ?"
        let page = [
            "« Ce budget oublie les quartiers »", Self.p1, question, Self.p2,
            "Cet article vous a-t-il intéressé ?", "Oui", "Non",
        ].joined(separator: "\n")
        let article = extractor.article(fromText: page)
        #expect(article.blocks == [.paragraph(Self.p1), .paragraph(question), .paragraph(Self.p2)])
    }

    @Test func aDistantSmallRegionAfterTheChromeIsNotTheArticle() {
        let comment = "Bravo au conseil municipal, il était temps que la ville investisse enfin dans nos écoles de quartier !"
        let page = [
            "Le budget 2026 adopté au conseil municipal", Self.p1, Self.p2, Self.p3,
            "Tags", "Budget", "Écoles", "Conseil municipal", "3 réponses", "Michel R.", comment, "Répondre",
        ].joined(separator: "\n")
        let article = extractor.article(fromText: page)
        #expect(!article.plainText.contains("Bravo"))
        #expect(article.plainText.hasSuffix("chaque quartier."))
    }

    @Test(arguments: ["Commentaires (12)", "12 commentaires", "Réactions (3)", "Voir les 4 commentaires"])
    func aCommentThreadIsNotTheArticleEvenRightAfterIt(_ heading: String) {
        let comment = "Encore une hausse des impôts, alors que les services publics de notre quartier ne cessent de se dégrader depuis des années."
        let page = ["Le budget 2026 adopté", Self.p1, Self.p2, heading, "JeanMi75", "Il y a 2 h", comment, "Répondre"].joined(separator: "\n")
        let article = extractor.article(fromText: page)
        #expect(article.blocks == [.paragraph(Self.p1), .paragraph(Self.p2)], "after \(heading)")
    }

    @Test func aLongConsentNoticeUnderTheTitleIsDropped() {
        let notice = "Nous et nos partenaires utilisons des traceurs pour mesurer l'audience, personnaliser les contenus et la publicité. "
            + "Vous pouvez accepter, refuser ou paramétrer vos choix à tout moment en cliquant sur le lien en bas de page, rubrique vie privée."
        let article = extractor.article(fromText: ["Le budget 2026 adopté", notice, Self.p1, Self.p2].joined(separator: "\n"))
        #expect(article.title == "Le budget 2026 adopté")
        #expect(article.blocks == [.paragraph(Self.p1), .paragraph(Self.p2)])
    }

    @Test func aTableOfContentsIsDroppedItsHeadingsKeptAndAResultTableIsNoHeading() {
        let page = [
            "Impôts : ce qui change pour votre taux en janvier", "Sommaire", "Qui est concerné ?", "Peut-on le modifier ?",
            Self.p1, "Qui est concerné ?", Self.p2, "Peut-on le modifier ?", Self.p3,
            "Classement", "1. Lucinda Brand (P-B) 50'12\"", "2. Ceylin Alvarado (P-B) à 24\"", Self.p1.replacingOccurrences(of: "mardi", with: "jeudi"),
        ].joined(separator: "\n")
        let article = extractor.article(fromText: page)
        #expect(article.title == "Impôts : ce qui change pour votre taux en janvier")
        #expect(article.blocks.prefix(5) == [
            .paragraph(Self.p1), .paragraph("Qui est concerné ?"), .paragraph(Self.p2), .paragraph("Peut-on le modifier ?"), .paragraph(Self.p3),
        ])
        #expect(!article.plainText.contains("Sommaire") && !article.plainText.contains("Alvarado"))
    }

    @Test func shortNotesWithoutProseAreKeptAsTheyAre() {
        let article = extractor.article(fromText: "Réunion publique\nMardi 14 h\nSalle des fêtes")
        #expect(article.title == "Réunion publique")
        #expect(article.plainText.contains("Salle des fêtes"))
    }

    @Test func aLabelAndItsValueBetweenParagraphsAreKeptAShareBarIsNot() {
        let page = [
            "Le budget 2026 adopté au conseil municipal", Self.p1, "Verdict", "Trompeur", Self.p2,
            "Partager", "Facebook", "WhatsApp", Self.p3, "À la une", "Le pont rouvre", Self.p1,
        ].joined(separator: "\n")
        let article = extractor.article(fromText: page)
        #expect(article.plainText.contains("Verdict\n\nTrompeur\n\n"))
        #expect(!article.plainText.contains("Facebook"))
        #expect(!article.plainText.contains("pont"))
        #expect(article.plainText.contains(Self.p3))
    }

    @Test func anAmountInAFullSentenceIsNotAnOffer() {
        #expect(!LineFeatures("Le conseil municipal a retenu une entreprise d'Aubenas pour un montant de 182 000 €, financé à moitié par le département.").isPromo)
        #expect(LineFeatures("Offre spéciale : 1 € le premier mois").isPromo)
        #expect(LineFeatures("Gazole 1,594 €").isPromo)
        // Offer words still mark a sentence, however long.
        #expect(LineFeatures("Profitez de notre offre de bienvenue : le premier mois pour 1 € seulement, puis 9,99 € par mois sans aucun engagement de durée.").isPromo)
    }

    /// The convention every live-blog gold follows (pages-unseen live-ligue1, live-rugby,
    /// pages vendanges-direct, pages-holdout live-elections, pages-unseen-4 live-rugby-clermont):
    /// a post's time set on a line of its own is not read, its text is.
    @Test func liveBlogTimestampsOnTheirOwnLineAreNotRead() {
        let page = ["Le budget 2026 adopté au conseil municipal", "21:52", Self.p1, "21:47", Self.p2, "21 h 31", Self.p3].joined(separator: "\n")
        let article = extractor.article(fromText: page)
        #expect(article.blocks == [.paragraph(Self.p1), .paragraph(Self.p2), .paragraph(Self.p3)])
    }

    @Test func theLabelOverASummaryBoxIsKeptAfterTheByline() {
        let b1 = "Le téléphérique sera à l'arrêt jusqu'au 31 mars.", b2 = "Un bus-navette gratuit relie la gare à l'esplanade."
        let page = [
            "Le budget 2026 adopté au conseil municipal", "Par Jeanne Martin", "Publié le 2/12/2026 à 06:45", "L'essentiel", b1, b2,
            Self.p1, Self.p2,
        ].joined(separator: "\n")
        let article = extractor.article(fromText: page)
        #expect(article.plainText.contains("L'essentiel\n\n\(b1)"))
        #expect(!article.plainText.contains("Jeanne"))
    }
}
