// SPDX-License-Identifier: GPL-3.0-or-later

/// Feminine nouns frequent in news text, for number agreement: "21 pages" → "vingt et une pages",
/// "1 fois" → "une fois". Singular and plural forms, lower case.
enum FeminineNouns {
    static let nouns: Set<String> = [
        "abeille", "abeilles", "académie", "académies", "accusation", "accusations", "action", "actions", "affaire",
        "affaires", "agence", "agences", "allée", "allées", "ambulance", "ambulances", "amende", "amendes", "analyse",
        "analyses", "année", "années", "arme", "armes", "arrestation", "arrestations", "association", "associations",
        "attaque", "attaques", "audience", "audiences", "augmentation", "augmentations", "autoroute", "autoroutes",
        "avenue", "avenues", "bactérie", "bactéries", "baisse", "baisses", "balle", "balles", "banque", "banques",
        "bataille", "batailles", "batterie", "batteries", "blessure", "blessures", "blessée", "blessées", "bombe",
        "bombes", "brebis", "bête", "bêtes", "candidate", "candidates", "candidature", "candidatures", "carte",
        "cartes", "cartouche", "cartouches", "case", "caserne", "casernes", "cases", "catégorie", "catégories",
        "cause", "causes", "cellule", "cellules", "centaine", "centaines", "centrale", "centrales", "chambre",
        "chambres", "championne", "championnes", "chanson", "chansons", "chaîne", "chaînes", "chose", "choses",
        "chute", "chutes", "chèvre", "chèvres", "cinquantaine", "cinquantaines", "circonscription",
        "circonscriptions", "classe", "classes", "collectivité", "collectivités", "colline", "collines", "colonne",
        "colonnes", "commande", "commandes", "commune", "communes", "compagne", "compagnes", "condamnation",
        "condamnations", "condition", "conditions", "conférence", "conférences", "conséquence", "conséquences",
        "course", "courses", "cousine", "cousines", "crise", "crises", "croissance", "croissances", "croix", "côte",
        "côtes", "demande", "demandes", "demi-finale", "demi-finales", "dette", "dettes", "discussion", "discussions",
        "disposition", "dispositions", "division", "divisions", "dizaine", "dizaines", "donnée", "données", "dose",
        "doses", "douzaine", "douzaines", "décision", "décisions", "défaite", "défaites", "départementale",
        "départementales", "députée", "députées", "enquête", "enquêtes", "entreprise", "entreprises", "entrée",
        "entrées", "espèce", "espèces", "expérience", "expériences", "facture", "factures", "famille", "familles",
        "façon", "façons", "femme", "femmes", "fenêtre", "fenêtres", "fille", "filles", "fin", "finale", "finales",
        "fins", "fleur", "fleurs", "fois", "forêt", "forêts", "frappe", "frappes", "frontière", "frontières",
        "gare", "gares", "graine", "graines", "grand-mère", "grand-mères", "grève", "grèves", "guerre",
        "guerres", "génération", "générations", "habitation", "habitations", "hausse", "hausses", "heure", "heures",
        "hospitalisation", "hospitalisations", "huitaine", "huitaines", "idée", "idées", "image", "images",
        "infection", "infections", "information", "informations", "injection", "injections", "institution",
        "institutions", "interpellation", "interpellations", "intervention", "interventions", "joueuse", "joueuses",
        "journée", "journées", "langue", "langues", "lettre", "lettres", "ligne", "lignes", "liste", "listes",
        "livraison", "livraisons", "loi", "lois", "mairie", "mairies", "maison", "maisons", "maladie", "maladies",
        "manche", "manches", "manifestante", "manifestantes", "manifestation", "manifestations", "manière",
        "manières", "marche", "marches", "marque", "marques", "matinée", "matinées", "mesure", "mesures", "militante",
        "militantes", "mine", "mines", "minute", "minutes", "mise", "mises", "mission", "missions", "molécule",
        "molécules", "montagne", "montagnes", "municipalité", "municipalités", "munition",
        "munitions", "mère", "mères", "médaille", "médailles", "nageuse", "nageuses", "nation", "nationale",
        "nationales", "nations", "nièce", "nièces", "noix", "note", "notes", "nouvelle", "nouvelles", "nuit", "nuits",
        "nuitée", "nuitées", "négociation", "négociations", "obligation", "obligations", "observation",
        "observations", "oeuvre", "oeuvres", "offensive", "offensives", "offre", "offres", "opération", "opérations",
        "organisation", "organisations", "page", "pages", "parcelle", "parcelles", "part", "partie", "parties",
        "parts", "peine", "peines", "perdrix", "personnalité", "personnalités", "personne", "personnes", "phase",
        "phases", "photo", "photos", "piste", "pistes", "pièce", "pièces", "place", "places", "plage", "plages",
        "plainte", "plaintes", "plante", "plantes", "plaque", "plaques", "policière", "policières", "porte", "portes",
        "poule", "poules", "prison", "prisons", "progression", "progressions", "proposition", "propositions",
        "propriété", "propriétés", "protéine", "protéines", "province", "provinces", "préfecture", "préfectures",
        "période", "périodes", "quarantaine", "quarantaines", "question", "questions", "quinzaine", "quinzaines",
        "radio", "radios", "raison", "raisons", "rame", "rames", "recherche", "recherches", "rencontre", "rencontres",
        "reprise", "reprises", "rivière", "rivières", "roquette", "roquettes", "route", "routes", "rue", "rues",
        "règle", "règles", "réforme", "réformes", "région", "régions", "réplique", "répliques", "réponse", "réponses",
        "république", "républiques", "résidence", "résidences", "réunion", "réunions", "révolution", "révolutions",
        "saison", "saisons", "salariée", "salariées", "salle", "salles", "sanction", "sanctions", "scène", "scènes",
        "seconde", "secondes", "secousse", "secousses", "semaine", "semaines", "session", "sessions", "société",
        "sociétés", "soeur", "soeurs", "soirée", "soirées", "soixantaine", "soixantaines", "sortie", "sorties",
        "souche", "souches", "souris", "star", "stars", "station", "stations", "structure", "structures", "surface",
        "surfaces", "séance", "séances", "sélection", "sélections", "sénatrice", "sénatrices", "séquence",
        "séquences", "série", "séries", "sœur", "sœurs", "table", "tables", "tante", "tantes", "tentative",
        "tentatives", "tonne", "tonnes", "tournée", "tournées", "tranche", "tranches", "trentaine", "trentaines",
        "turbine", "turbines", "université", "universités", "usine", "usines", "vaccination", "vaccinations", "vache",
        "vaches", "vague", "vagues", "vallée", "vallées", "variante", "variantes", "vedette", "vedettes", "vente",
        "ventes", "version", "versions", "victime", "victimes", "victoire", "victoires", "vidéo", "vidéos", "vie",
        "vies", "villa", "villas", "ville", "villes", "vingtaine", "vingtaines", "visite", "visites", "voie", "voies",
        "voiture", "voitures", "voix", "école", "écoles", "édition", "éditions", "élection", "élections", "émission",
        "émissions", "éolienne", "éoliennes", "épouse", "épouses", "épreuve", "épreuves", "équipe", "équipes",
        "étape", "étapes", "étoile", "étoiles", "étude", "études", "île", "îles", "œuvre", "œuvres",
    ]

    /// Feminine adjectives that may stand between the number and the noun ("21 nouvelles pages").
    static let adjectives: Set<String> = [
        "nouvelles", "nouvelle", "grandes", "grande", "petites", "petite", "premières", "première", "dernières",
        "dernière", "belles", "belle", "vieilles", "vieille", "bonnes", "bonne", "mauvaises", "mauvaise", "vraies",
        "vraie", "longues", "longue", "courtes", "courte", "hautes", "haute", "seules", "seule", "principales",
        "principale", "anciennes", "ancienne", "importantes", "importante", "nombreuses",
    ]

    /// Masculine nouns that end like feminine ones ("un comité", "un musée", "un bastion").
    static let masculineExceptions: Set<String> = [
        "comité", "comités", "musée", "musées", "lycée", "lycées", "trophée", "trophées", "apogée", "mausolée",
        "mausolées", "scarabée", "scarabées", "colisée", "athée", "athées", "pygmée", "pygmées", "bastion",
        "bastions", "silence", "silences", "squelette", "squelettes", "cimetière", "cimetières", "mercure",
        "murmure", "murmures", "augure", "augures", "chlorure", "cyanure", "sulfure", "millier", "milliers", "été", "étés",
        "député", "députés", "traité", "traités", "côté", "côtés", "pâté", "pâtés", "invité", "invités",
        "incendie", "incendies", "génie", "génies", "parapluie", "parapluies", "sosie", "sosies", "zombie",
        "zombies", "cookie", "cookies", "hippie", "hippies", "messie", "stade", "stades", "grade", "grades",
        "nomade", "nomades", "camarade", "camarades", "malade", "malades", "magazine", "magazines", "platine",
        "violoncelle", "violoncelles", "vermicelle", "vermicelles", "modèle", "modèles", "quadrige",
        "domaine", "domaines", "capitaine", "capitaines", "moine", "moines", "patrimoine", "patrimoines",
        "chanoine", "antoine", "marine", "marines", "rebelle", "rebelles", "pipeline", "pipelines", "trampoline", "jade",
    ]
    /// Endings that are nearly always feminine: "-tion", "-sion", "-ité", "-ance", "-ence", "-ette",
    /// "-esse", "-euse", "-trice", "-ière", "-ée", "-ure" (singular or plural).
    static let feminineEndings: [String] = [
        "tion", "sion", "ité", "ance", "ence", "ette", "esse", "euse", "trice", "ière", "ée", "ure",
        "ie", "ade", "ine", "elle", "aille", "ouille", "ise",
    ]

    /// The endings as scalars, compared from the end of the word without building substrings.
    private static let endingScalars: [[Unicode.Scalar]] = feminineEndings.map { Array($0.unicodeScalars) }

    /// Whether `word` (lower case) is a feminine noun: listed, or with a feminine ending and no exception.
    static func isFeminine(_ word: String) -> Bool {
        if nouns.contains(word) { return true }
        if masculineExceptions.contains(word) { return false }
        let scalars = Array(word.unicodeScalars)
        var n = scalars.count
        if n > 0 && scalars[n - 1] == "s" { n -= 1 }  // plural
        guard n >= 5 else { return false }
        func endsWith(_ ending: [Unicode.Scalar]) -> Bool {
            guard ending.count <= n else { return false }
            var k = 0
            while k < ending.count {
                if scalars[n - ending.count + k] != ending[k] { return false }
                k += 1
            }
            return true
        }
        // "-ine" but not "-aine"/"-oine" ("domaine", "moine" are masculine; "semaine" is listed).
        if endsWith(["a", "i", "n", "e"]) || endsWith(["o", "i", "n", "e"]) { return false }
        return endingScalars.contains(where: endsWith)
    }

    static func isAdjective(_ word: String) -> Bool { adjectives.contains(word) }
}
