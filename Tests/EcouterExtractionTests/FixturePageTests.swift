// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
@testable import EcouterExtraction

/// Every fixture page gives exactly its clean body; chrome named per page is gone, key sentences stay.
@Suite struct FixturePageTests {
    static let htmlPages = FixturePages.pages(withExtension: "html")
    static let textPages = FixturePages.pages(withExtension: "txt")

    @Test func thereAreAtLeastSixPagesOfEachKind() {
        #expect(Self.htmlPages.count >= 6)
        #expect(Self.textPages.count >= 6)
    }

    @Test(arguments: htmlPages + textPages)
    func pageGivesItsCleanBody(_ page: String) throws {
        let article = try ArticleExtractor().article(from: try FixturePages.bytes(page))
        let expected = try FixturePages.body(of: page).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(article.plainText == expected)
    }

    /// (page, phrases that must not be read, phrases that must be read)
    static let expectations: [(String, [String], [String])] = [
        ("navettes-finistere.page.html",
         ["cookies", "Aller au contenu", "Je m'abonne", "Photo Yann Kervella", "Copier le lien", "Publicité",
          "commentaires", "vite se faire doubler", "téléphérique", "Mentions légales", "Gwenaëlle", "Mobilités"],
         ["onze passagers", "Une réponse à l'isolement des villages", "les cyclistes."]),
        ("boulangerie-croix-rousse.page.html",
         ["Publicité en cours", "4e arrondissement", "Partager", "Écouter l'article", "A lire aussi", "marché couvert",
          "newsletter", "Les plus lus", "averses", "Sophie Carrel", "14/04/2025"],
         ["baissera définitivement", "brioches aux pralines"]),
        ("secheresse-gers.page.html",
         ["cookies", "Rugby", "Publié le", "syndicat mixte", "Estimation provisoire", "Pierre Daguerre", "Plan du site", "pas un paragraphe"],
         ["moins de 40 %, du jamais vu", "pour le département. Elle réclame"]),
        ("bibliotheque-tours.page.html",
         ["Chargement", "réservé aux abonnés", "JavaScript", "Loches"],
         ["neuf cents heures", "quartiers nord."]),
        ("velo-cargo-nantes.page.html",
         ["Archives", "Propos recueillis", "Imprimer", "Envoyer par e-mail", "Cheviré", "Ouest Mobilités 2025"],
         ["Qui sont les utilisateurs", "logistique familiale"]),
        ("urgences-hiver.page.html",
         ["Consentement", "nos partenaires", "Médecine de ville", "Par la rédaction", "Lecture 3 min", "Grippe : le pic",
          "utile", "Lens", "Dunkerque", "faux contenu", "12 rue des Arts"],
         ["Les cinq mesures du plan", "tableau de bord partagé", "ouvrir des couloirs"]),
        ("chaleur-grenoble.page.txt",
         ["Publicité", "Par Élodie", "Publié le", "Écouter", "Facebook", "Chambéry", "Avez-vous", "Marc38", "Répondre"],
         ["douze mille logements", "à partir du mois de mars."]),
        ("ticket-metro.page.txt",
         ["cookies", "Tout accepter", "Accueil", "Temps de lecture", "Partager sur", "Copier le lien", "©", "Sur le même sujet", "Colomiers"],
         ["de 1,90 euro à 2,10 euros", "les personnes de plus de 65 ans non imposables."]),
        ("capteur-rennes.page.txt",
         ["Imprimer", "Envoyer par e-mail", "[1]", "[2]", "Notes", "Autonomie mesurée", "soumis pour publication"],
         ["capteur capable de mesurer", "qu'ils respirent."]),
        ("festival-cornouaille.page.txt",
         ["PUBLICITÉ", "Lecture :", "À lire aussi", "Interceltique", "fêtes maritimes", "Ronan Guéguen", "Tags", "Les plus lus", "Kéréon"],
         ["300 000 festivaliers", "Les concerts du soir", "années de pandémie."]),
        ("teletravail-bretagne.page.txt",
         ["Économie\n", "réservé aux abonnés", "Mis à jour", "Lire plus tard", "Photo d'illustration", "La suite après",
          "Yannick Le Bihan", "Partagez-le", "newsletter"],
         ["une sur trois envisage", "lancement de projets."]),
        ("cantine-bio-rouen.page.html",
         ["Le Havre", "Accueil", "Mathilde Leroux", "Publié le", "Écouter", "00:00", "Offrir", "sélections", "Lire aussi",
          "biodéchets", "Bravo à la ville", "@parents76", "un seul appareil", "Dans la même rubrique", "piscine"],
         ["Dès la rentrée de septembre", "Un surcoût absorbé par la ville", "cinq écoles à partir de janvier."]),
        ("vendanges-direct.page.html",
         ["Reims", "Mis à jour", "Publicité", "Charger plus"],
         ["12 h 30. La préfecture", "11 h 05.", "10 h 20.", "8 h 45. Les premières équipes"]),
        ("port-lorient.page.txt",
         ["Économie", "Ronan Le Floch", "Publié aujourd", "Temps de Lecture", "Offrir", "Lire plus tard", "Partager",
          "réservé aux abonnés", "00:00", "Concarneau", "Il vous reste", "Réagir"],
         ["Les chalutiers pourront bientôt", "Keroman", "encore trop élevé."]),
        ("urgences-pediatriques.page.txt",
         ["Passer au contenu", "infoplus", "Santé\n", "Article rédigé", "Groupe Infoplus", "Publié le", "Mis à jour",
          "Temps de lecture", "MAXPPP", "Partager", "Whatsapp", "Copier le lien", "commentaires", "sujets associés", "Bronchiolite\n"],
         ["plan blanc ce week-end", "composer le 15", "pour passer l'hiver."]),
        ("bus-rennes.page.txt",
         ["Marie Le Gall", "Publié le", "Abonnez-vous", "À lire aussi", "ce qui va changer", "offert par un abonné",
          "L'Écho de l'Ouest", "commentaires", "Réagir"],
         ["Les travaux sur le boulevard", "réseaux souterrains", "ne sera pas dépassé."]),
        ("potager-partage.page.html",
         ["Aller au contenu", "Associations", "Publié le", "Nadia", "Photo Nadia", "Partager", "Articles similaires",
          "Étiquettes", "fresque", "réflexions", "Bravo à toute", "Laisser un commentaire", "propulsé"],
         ["rue des Passementiers", "Un lieu de rencontre", "graines anciennes."]),
        ("eolien-manche.page.html",
         ["S'abonner", "Cherbourg\n", "Énergie", "Thomas Lecoq", "Publicité", "Lire aussi", "usine de pales",
          "Avec AFP", "Partager", "Réagissez", "Les plus lus", "éclaircies", "Écuyère"],
         ["Soixante-quatre turbines", "Des retombées pour le port", "pont de Normandie", "prévues."]),
        ("essentiel-inflation.page.html",
         ["gtag", "Menu", "Claire Dumont", "Lecture 2 min", "Sipa", "Publicité", "réservé aux abonnés", "Je m'abonne", "CGU"],
         ["L'essentiel", "stable à 1,2 %.", "il y a quatre ans."]),
        ("piscine-brest.page.txt",
         ["Brest\n", "Sports", "Loisirs", "Gaëlle", "17h12", "Écouter", "Partager", "Publicité", "newsletter", "Sur le même sujet", "Landerneau"],
         ["toit ouvrant.", "cercle des nageurs.", "en fin d'après-midi."]),
        ("hopital-numerique.page.txt",
         ["Publicité", "Écouter", "Damien Dubois", "Avez-vous", "A lire également", "Télésanté", "cabines"],
         ["cent vingt établissements.", "les établissements associatifs volontaires ;", "6 millions d'euros."]),
    ]

    @Test(arguments: expectations)
    func chromeIsDroppedAndArticleKept(_ page: String, dropped: [String], kept: [String]) throws {
        let text = try ArticleExtractor().article(from: try FixturePages.bytes(page)).plainText
        for phrase in dropped { #expect(!text.contains(phrase), "\(page) still reads \"\(phrase)\"") }
        for phrase in kept { #expect(text.contains(phrase), "\(page) lost \"\(phrase)\"") }
    }
}
