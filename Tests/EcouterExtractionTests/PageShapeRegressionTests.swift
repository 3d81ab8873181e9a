// SPDX-License-Identifier: GPL-3.0-or-later
import Testing
@testable import EcouterExtraction

/// Shapes of scraped pages that the unseen pages of 2026-12-02 got wrong on first run, each
/// written as a small page that fails without its fix.
@Suite struct PageShapeRegressionTests {
    let extractor = ArticleExtractor()
    static let para1 = "Il restait moins d'une minute à jouer quand le ballon est arrivé dans les pieds du capitaine, au second poteau. Sa reprise de volée a fait se lever les spectateurs."
    static let para2 = "Les visiteurs avaient pourtant ouvert le score dès la neuvième minute, sur un coup franc parfaitement enroulé. Mais ils n'ont jamais réussi à tuer le match."
    static let para3 = "Avec ce succès, l'équipe remonte à la troisième place du classement, à deux points du leader, avant un déplacement difficile mercredi soir."

    @Test func aReflexiveVerbIsNotAnOffer() {
        let page = "Accueil\nSport\nLens s'offre Marseille et revient sur le podium\n\(Self.para1)\n\(Self.para2)\n"
        #expect(extractor.article(fromText: page).title == "Lens s'offre Marseille et revient sur le podium")
        // A real offer stays chrome.
        #expect(LineFeatures("Profitez de notre offre : 1 € le premier mois").isPromo)
        #expect(!LineFeatures("Lens s'offre Marseille et revient sur le podium").isPromo)
    }

    @Test func aLabelledVideoBetweenParagraphsIsNotASubheading() {
        let page = "Titre du match de ce soir\n\(Self.para1)\nVIDÉO - Le résumé du match\n\(Self.para2)\n\(Self.para3)\n"
        let text = extractor.article(fromText: page).plainText
        #expect(!text.contains("résumé"))
        #expect(text.contains(Self.para2))
        #expect(LineFeatures("EN IMAGES : la crue de la Seine").isMediaLabel)
        #expect(!LineFeatures("Vidéosurveillance : la ville s'équipe").isMediaLabel)
        #expect(!LineFeatures("Photos anciennes et souvenirs").isMediaLabel)
    }

    @Test func aPullQuoteIsReadOnce() {
        let quote = "« Nous avons dépassé le point où les petits glaciers peuvent être sauvés »"
        let page = "Les glaciers fondent plus vite que prévu\n\(Self.para1)\n\(quote)\n\(quote), estime la responsable de l'étude. Selon elle, seule une baisse rapide des émissions permettrait de préserver les plus grands.\n\(Self.para3)\n"
        let text = extractor.article(fromText: page).plainText
        #expect(text.components(separatedBy: "petits glaciers peuvent").count == 2, "read \(text)")
        // A subheading of a few words that the paragraph repeats stays.
        let heading = "Une enquête en janvier"
        let withHeading = "Titre de l'article du jour\n\(Self.para1)\n\(heading)\n\(heading) sera ouverte pour six semaines, avec un registre dans chaque mairie concernée et en ligne pour tous.\n\(Self.para3)\n"
        #expect(extractor.article(fromText: withHeading).blocks.contains(.heading(heading)))
    }

    @Test func aPlayerButtonWithItsLengthIsDropped() {
        for label in ["Écouter (5 min)", "Réécouter 12 min", "Lire la vidéo 2:31"] {
            #expect(CleanupRules.builtIn.verdict(for: label) == .drop, "\(label)")
        }
        #expect(CleanupRules.builtIn.verdict(for: "Écouter les 5 témoins") == .keep)
    }

    @Test func theSubheadingAfterAReadAlsoBoxIsKept() {
        let page = "Titre de l'article du jour\n\(Self.para1)\nSur le même sujet\nStrasbourg : le grand sapin installé place Kléber\nMulhouse : les étoffes de Noël exposées\nDes contrôles à chaque entrée\n\(Self.para2)\n\(Self.para3)\n"
        let article = extractor.article(fromText: page)
        #expect(article.blocks.contains(.heading("Des contrôles à chaque entrée")))
        #expect(!article.plainText.contains("Mulhouse"))
        // Teasers without that shape are all dropped, as before.
        let plain = "Titre de l'article du jour\n\(Self.para1)\nSur le même sujet\nLe grand sapin installé place Kléber\nDes contrôles à chaque entrée\n\(Self.para2)\n"
        #expect(!extractor.article(fromText: plain).plainText.contains("sapin"))
    }
}
