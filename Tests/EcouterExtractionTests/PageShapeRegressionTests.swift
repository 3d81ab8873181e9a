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

    @Test func aDayAndATimeIsADateLine() {
        for line in ["Aujourd'hui à 05:00", "Hier à 18h30", "Mardi à 7h"] { #expect(TextShape.isDateLine(line), "\(line)") }
        #expect(!TextShape.isDateLine("Mardi, 3 blessés"))
    }

    @Test func anInterviewEndsWithItsTerseAnswer() {
        let page = "Entretien avec la maire de la ville\n\(Self.para1)\nSerez-vous candidate à votre succession ?\nJe le dirai en janvier. Pour l'instant, je travaille.\nMunicipales 2026\nMobilités\n"
        #expect(extractor.article(fromText: page).plainText.contains("Pour l'instant, je travaille."))
    }

    @Test func theAuthorsBoxIsNotRead() {
        let page = "Titre de l'article du jour\n\(Self.para1)\n\(Self.para2)\nNadia Benali\nJournaliste au service économie, spécialiste de la consommation et du pouvoir d'achat.\nMots-clés :\nInflation\nPrix\n"
        let text = extractor.article(fromText: page).plainText
        #expect(!text.contains("Benali") && !text.contains("spécialiste"), "read \(text)")
        #expect(text.contains(Self.para2))
    }

    @Test func sharePromptsAndCreditsAreChrome() {
        for line in ["Partagez l'article sur les réseaux sociaux :", "Propulsé par Audion", "Relu par le comité scientifique"] {
            #expect(CleanupRules.builtIn.verdict(for: line) == .drop, "\(line)")
        }
    }

    @Test func aHeadingListedInTheContentsIsKeptWhereItStands() {
        let page = "Cinq légumes à semer en décembre\n\(Self.para1)\nSommaire\nLa mâche\nLes fèves\nLa mâche\n\(Self.para2)\nLes fèves\n\(Self.para3)\n"
        let article = extractor.article(fromText: page)
        #expect(article.blocks.contains(.heading("La mâche")), "\(article.blocks)")
        #expect(article.blocks.filter { $0.text == "La mâche" }.count == 1)
    }

    @Test func commentsAfterAReadAlsoBoxAreNotRead() {
        let comment = "Merci Mireille, je vais essayer la mâche cette année, j'avais toujours cru qu'il était trop tard pour la semer."
        let page = "Cinq légumes à semer en décembre\n\(Self.para1)\n\(Self.para2)\nArticles similaires\nTailler ses rosiers en hiver\n4 réflexions sur « Cinq légumes à semer en décembre »\n\(comment)\n"
        #expect(!extractor.article(fromText: page).plainText.contains("Merci Mireille"))
    }

    @Test func teaserSummariesInAReadAlsoBoxAreNotRead() {
        let page = "Un huis clos en mer\n\(Self.para1)\n\(Self.para2)\nVous aimerez aussi\n« Les Gardiens du phare » : notre critique\nUn drame maritime sobre et bouleversant.\nLes films les plus attendus de décembre\nNotre sélection pour les fêtes.\n"
        let text = extractor.article(fromText: page).plainText
        #expect(!text.contains("drame maritime") && !text.contains("sélection"), "read \(text)")
        #expect(CleanupRules.builtIn.verdict(for: "Partager : Facebook X WhatsApp") == .drop)
    }

    @Test func aNoticeAboveTheHeadlineIsNotTheTitle() {
        let page = "Alerte travaux : la rue Lenepveu est fermée à la circulation jusqu'au 4 décembre.\nFermer\nVille d'Angers\nUne patinoire écologique sur la place du Ralliement\n\(Self.para1)\n\(Self.para2)\n"
        let article = extractor.article(fromText: page)
        #expect(article.title == "Une patinoire écologique sur la place du Ralliement")
        #expect(!article.plainText.contains("Lenepveu"))
    }

    @Test func aMenuOfPlaceNamesIsNotTheHeadline() {
        let page = "Le Dauphin Savoyard\nChoisir mon édition : Annecy Chambéry Albertville Thonon-les-Bains Annemasse Aix-les-Bains Cluses Sallanches\nHaute-Savoie / Environnement\nAnnecy. Le lac sous surveillance après une prolifération d'algues\n\(Self.para1)\n\(Self.para2)\n"
        #expect(extractor.article(fromText: page).title == "Annecy. Le lac sous surveillance après une prolifération d'algues")
    }

    @Test func teaserSummariesSetApartByBlankLinesAreNotRead() {
        let page = "Le pont fermé pour trois semaines\n\n\(Self.para1)\n\n\(Self.para2)\n\nVous aimerez aussi\n\nMérignac : un nouveau parc de stationnement\n\nOuvert depuis lundi, il compte mille deux cents places et des bornes de recharge pour les voitures.\n\nArcachon : la dune du Pilat a reculé\n\nLes tempêtes de l'hiver dernier ont accéléré l'érosion du site.\n\nSud Gironde Info\n"
        let text = extractor.article(fromText: page).plainText
        #expect(!text.contains("Ouvert depuis lundi") && !text.contains("tempêtes"), "read \(text)")
        #expect(text.contains(Self.para2))
        #expect(CleanupRules.builtIn.verdict(for: "(BUTTON) J'accepte (BUTTON) Paramétrer") == .drop)
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

/// The same shapes in HTML pages.
@Suite struct HTMLShapeRegressionTests {
    static let para1 = "<p>Tout commence par un départ ordinaire, à l'aube, dans le port. Trois hommes embarquent pour une marée de dix jours, comme ils l'ont fait des centaines de fois.</p>"
    static let para2 = "<p>La caméra ne quitte presque jamais le chalutier. Les plans serrés et le fracas des vagues installent un sentiment d'étouffement rarement atteint dans le cinéma français.</p>"
    static let para3 = "<p>Les trois comédiens, dont deux n'avaient jamais tourné, composent un trio crédible, fait de silences et de gestes précis, et portent le film jusqu'au bout.</p>"

    func read(_ body: String) throws -> String {
        let page = "<html><body><main><h1>Un huis clos en mer qui tient en haleine</h1>\(body)</main></body></html>"
        return try ArticleExtractor().article(from: Array(page.utf8)).plainText
    }

    @Test func aDefinitionListOfLabelsIsADataCard() throws {
        let card = "<div><dl><dt>Réalisation</dt><dd>Anne Kerjean</dd><dt>Durée</dt><dd>1 h 48</dd></dl><a href=\"/s\">Voir les séances</a></div>"
        let text = try read(card + Self.para1 + Self.para2)
        #expect(!text.contains("Kerjean"))
        #expect(!text.contains("séances"))
        // A glossary (definitions that are sentences) is read.
        let glossary = "<dl><dt>Marée</dt><dd>Une sortie en mer de plusieurs jours, le temps de remplir les cales du bateau de pêche.</dd><dt>Chalutier</dt><dd>Un bateau qui tire un filet en forme d'entonnoir derrière lui, au fond ou entre deux eaux.</dd></dl>"
        #expect(try read(Self.para1 + glossary + Self.para2).contains("entonnoir"))
    }

    @Test func aPullQuoteIsReadOnceWhateverItsClass() throws {
        let quote = "<blockquote>Un sentiment d'étouffement rarement atteint dans le cinéma français</blockquote>"
        let text = try read(Self.para1 + Self.para2 + "<h2>Une distribution</h2>" + Self.para3 + quote + Self.para1.replacingOccurrences(of: "Tout commence", with: "Tout finit"))
        #expect(text.components(separatedBy: "rarement atteint").count == 2, "read \(text)")
    }
}
