// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
@testable import EcouterExtraction

@Suite struct PageTextCleanerTests {
    let extractor = ArticleExtractor()

    @Test func cleanTextKeepsAllItsContent() {
        let text = "Un titre simple\n\nPremier paragraphe, avec une phrase.\n\nDeuxième paragraphe : encore une phrase.\n"
        let article = extractor.article(fromText: text)
        #expect(article.title == "Un titre simple")
        #expect(article.blocks == [.paragraph("Premier paragraphe, avec une phrase."), .paragraph("Deuxième paragraphe : encore une phrase.")])
    }

    @Test func hardWrappedLinesAreJoined() {
        let text = """
            Titre

            Des chercheurs ont mis au point un capteur capable de mesurer en
            continu les particules fines, le dioxyde d'azote et l'ozone pour un
            coût de fabrication inférieur à trente euros. Le prototype tient
            dans la main.
            """
        let article = extractor.article(fromText: text)
        #expect(article.blocks.count == 1)
        #expect(article.blocks.first?.text.hasPrefix("Des chercheurs ont mis au point un capteur capable de mesurer en continu les") == true)
    }

    @Test func oneParagraphPerLineAsScrapedPagesCome() {
        let long1 = "Première phrase longue d'un paragraphe scrapé, qui continue assez longtemps pour ne pas ressembler à un titre."
        let long2 = "Deuxième paragraphe scrapé sur sa propre ligne, lui aussi assez long pour être un vrai paragraphe de texte."
        let article = extractor.article(fromText: "Titre\n\(long1)\n\(long2)")
        #expect(article.blocks == [.paragraph(long1), .paragraph(long2)])
    }

    @Test func listLinesBecomeListItemsWithoutTheirBullets() {
        let text = "Titre\n\nLes mesures :\n- la première ;\n• la deuxième ;\n– la troisième.\n1. une numérotée"
        let article = extractor.article(fromText: text)
        #expect(article.blocks == [
            .paragraph("Les mesures :"), .listItem("la première ;"), .listItem("la deuxième ;"),
            .listItem("la troisième."), .listItem("1. une numérotée"),
        ])
    }

    @Test func endMarkerBeforeAnyProseDoesNotCutTheArticle() {
        let prose = String(repeating: "Une phrase d'article qui compte, ", count: 10)
        let article = extractor.article(fromText: "Titre\nCommentaires\n\(prose)")
        #expect(article.plainText.contains("Une phrase d'article"))
        #expect(!article.plainText.contains("Commentaires"))
    }

    @Test func endMarkerAfterProseCutsTheRest() {
        let prose = String(repeating: "Une phrase d'article qui compte, ", count: 10)
        let article = extractor.article(fromText: "Titre\n\(prose)\nCommentaires\nJean: super article, bravo.")
        #expect(!article.plainText.contains("super article"))
    }

    @Test func readAlsoTeasersAreSkippedAndTheArticleResumes() {
        let p1 = "Le conseil municipal a voté mardi le budget de l'année prochaine, après une longue séance de débats animés."
        let p2 = "L'opposition a dénoncé une hausse des impôts locaux, que la majorité juge indispensable pour financer les écoles."
        let text = "Titre\n\(p1)\n\nÀ lire aussi\n\nBrest : le pont rouvre\n3 mars 2025\n\n\(p2)"
        let article = extractor.article(fromText: text)
        #expect(article.blocks == [.paragraph(p1), .paragraph(p2)])
    }

    @Test func footnoteMarkersGluedToWordsAreRemoved() {
        #expect(TextShape.removingFootnoteMarkers("sur le podium[1] si l'on") == "sur le podium si l'on")
        #expect(TextShape.removingFootnoteMarkers("la liste [1] reste") == "la liste [1] reste")
        #expect(TextShape.removingFootnoteMarkers("un tableau[a] et [12") == "un tableau[a] et [12")
    }

    @Test(arguments: ["30 juin 2025 - 23:46,", "Publié le 3 février 2025 à 08h00", "03/02/2025", "Mis à jour le 09/10/2025 à 17:42", "2025-02-03"])
    func dateLines(_ line: String) {
        #expect(TextShape.isDateLine(line))
    }

    @Test(arguments: ["Le 24 juin, le 13e Conseil du numérique en santé a réuni les acteurs", "Il a neigé 3 jours en mars", "En 2025"])
    func notDateLines(_ line: String) {
        #expect(!TextShape.isDateLine(line))
    }

    @Test(arguments: ["Cédric Cartau", "Par Jeanne Martin et Paul Durand", "Par la rédaction", "AFP", "Jean-Marc de La Tour"])
    func bylineLines(_ line: String) {
        #expect(TextShape.isBylineLine(line))
    }

    @Test(arguments: ["Il pleut.", "Une réponse à l'isolement des villages", "Paris", "La Nasa a été créée en 1958"])
    func notBylineLines(_ line: String) {
        #expect(!TextShape.isBylineLine(line))
    }

    @Test func bylineWithDateUnderTheTitleIsDropped() {
        let prose = "Le texte a été adopté mercredi soir par la commission des affaires sociales, après deux jours de débats."
        let text = "Politique\nLa réforme adoptée en commission\nPar Jeanne Martin et Paul Durand Publié le 12/03/2024 à 10h32\nLecture 3 min.\n\(prose)"
        let article = extractor.article(fromText: text)
        #expect(article.title == "La réforme adoptée en commission")
        #expect(article.blocks == [.paragraph(prose)])
    }

    @Test func copiedMenusBeforeTheTitleAndFooterLinksAfterTheTextAreDropped() {
        let p1 = "Le conseil municipal a voté mardi le budget de l'année prochaine, après une longue séance de débats animés."
        let p2 = "Les élus de l'opposition ont dénoncé la hausse des impôts locaux."
        let text = "Accueil\nActualités\nChroniques\nAgenda\nLe conseil vote le budget 2026\n\(p1)\n\(p2)\nMentions légales\nPlan du site\nNous écrire\nFacebook\n"
        let article = extractor.article(fromText: text)
        #expect(article.title == "Le conseil vote le budget 2026")
        #expect(article.blocks == [.paragraph(p1), .paragraph(p2)])
    }

    @Test func aShortLastLineAfterProseIsKept() {
        let p1 = "Le conseil municipal a voté mardi le budget de l'année prochaine, après une longue séance de débats animés."
        let article = extractor.article(fromText: "Titre du jour\n\(p1)\nAffaire à suivre\n")
        #expect(article.plainText.hasSuffix("Affaire à suivre"))
    }

    @Test func emptyAndChromeOnlyTextGiveAnEmptyArticleOrError() {
        #expect(extractor.article(fromText: "").isEmpty)
        #expect(extractor.article(fromText: "Publicité\nPartager\nFacebook\n").isEmpty)
        #expect(throws: ExtractionError.self) { try extractor.article(from: Array("Publicité\nImprimer\n".utf8), format: .text) }
    }

    @Test func anyUnicodeDoesNotCrash() {
        let odd = "\u{0}\u{FEFF}\u{200B}é\u{301}\r\n🇫🇷\u{2028}[\u{0663}]\r\r\n\n\t\u{00A0}« »\u{D7FF}\u{10FFFF}"
        for cut in 0...odd.count {
            let text = String(odd.prefix(cut))
            _ = extractor.article(fromText: text)
            _ = TextShape.folded(text)
            _ = TextShape.isDateLine(text)
            _ = TextShape.isBylineLine(text)
        }
        let latin1: [UInt8] = [0x43, 0x61, 0x66, 0xE9, 0x0A, 0x0A, 0x9C, 0x75, 0x76, 0x72, 0x65]
        let article = try? extractor.article(from: latin1, format: .text)
        #expect(article?.plainText.contains("Café") == true)
        #expect(article?.plainText.contains("œuvre") == true)
    }

    static let samplePage = "/work/shared/samples/dsih-deepseek.page.txt"

    @Test(.enabled(if: FileManager.default.fileExists(atPath: samplePage)))
    func sharedSampleLosesItsChromeAndKeepsItsArticle() throws {
        let text = try String(contentsOfFile: Self.samplePage, encoding: .utf8)
        let article = extractor.article(fromText: text)
        #expect(article.title == "DeepSeek et le moment Spoutnik")
        let body = article.plainText
        for chrome in ["Publicité", "Écouter l'article", "Cédric Cartau", "Avez-vous", "A lire également", "Comex", "Softway", "Oncopole", "[1]"] {
            #expect(!body.contains(chrome), "still reads \(chrome)")
        }
        #expect(body.contains("2025 va être passionnant."))
        #expect(article.blocks.filter { if case .listItem = $0 { true } else { false } }.count == 8)
    }
}
