// SPDX-License-Identifier: GPL-3.0-or-later
import Testing
@testable import EcouterExtraction

/// Shapes that the pages of Fixtures/pages-unseen-8 got wrong on first run. Each check fails
/// without its fix.
@Suite struct LiveMinutesCreditsAndBoxShapeTests {
    static let para1 = "Sur un centre venu de la droite, l'attaquant reprend de la tête au premier poteau et trompe le gardien, le stade explose."
    static let para2 = "Le milieu de terrain profite d'une relance manquée dans l'axe, s'avance seul et croise sa frappe, tout est à refaire."
    static let para3 = "La coopérative qui réunit la plupart des producteurs a des réserves de deux ans, constituées pendant les très bonnes années."

    /// A sports live's match minutes are post stamps like times of day: the first post, short,
    /// after « 1' » at the foot of the live is read (it was dropped, the minute counting as chrome).
    @Test func aShortPostAfterAMatchMinuteIsRead() {
        let kickOff = "Coup d'envoi donné par les visiteurs, en maillot rouge et or."
        let page = "Brest - Lens : les Bretons renversent les Sang et Or\n81'\n\(Self.para1)\n56'\n\(Self.para2)\n1'\n\(kickOff)\n"
        let text = ArticleExtractor().article(fromText: page).plainText
        #expect(text.contains(kickOff))
        #expect(!text.contains("81'") && !text.contains("1'\n"))
    }

    @Test func matchMinutesAreTold() {
        #expect(TextShape.isMatchMinute("23'") && TextShape.isMatchMinute("90+5'") && TextShape.isMatchMinute("45 + 2’"))
        #expect(!TextShape.isMatchMinute("l'") && !TextShape.isMatchMinute("2026'") && !TextShape.isMatchMinute("90+'") && !TextShape.isMatchMinute("'"))
    }

    /// A programme's credits after a transcript ("Réalisation : … Prise de son : …") are not read.
    @Test func aCreditsRollIsNotRead() {
        let credits = "Les Gens du marais, une série documentaire de Gaëlle Tanguy. Réalisation : Pierre Olivier. Prise de son : Lucie Marchand."
        let page = "Dans les marais, la récolte du sel se joue à la météo près\n\(Self.para3)\n\(Self.para1)\n\(credits)\n"
        let text = ArticleExtractor().article(fromText: page).plainText
        #expect(text.contains(Self.para1))
        #expect(!text.contains("Prise de son"))
        #expect(!LineFeatures.isCreditRoll("Le constat est simple : il manque des bras. La réponse : Paris décidera."))
    }

    /// The notices a sports live prints: the helpline under any wording of the gambling notice,
    /// and the live's closing word to its readers.
    @Test func aLivesGamblingAndClosingNoticesAreNotRead() {
        let page = """
            Brest - Lens : les Bretons renversent les Sang et Or
            Le match est terminé, merci d'avoir suivi ce direct avec nous. Rendez-vous samedi pour Lens - Marseille.
            \(Self.para1)
            Les paris sportifs comportent des risques : endettement, isolement, dépendance. Pour être aidé, appelez le 09 74 75 13 13 (appel non surtaxé).
            \(Self.para2)
            """
        let text = ArticleExtractor().article(fromText: page).plainText
        #expect(text.contains(Self.para1) && text.contains(Self.para2))
        #expect(!text.contains("merci d'avoir suivi") && !text.contains("09 74"))
    }

    /// In an interview, a question right after a « Lire aussi » run is the next question, not
    /// one more teaser (it was skipped with the teasers, its answer read without it).
    @Test func anInterviewsQuestionAfterAReadAlsoRunIsRead() {
        let question = "Qu'est-ce qui a changé depuis ?"
        let page = """
            Claire Dussault : « Le train de nuit n'a jamais été ringard »
            Pourquoi les trains de nuit ont-ils presque disparu en France ?
            \(Self.para1)
            Le TGV a donc tué le train de nuit ?
            \(Self.para2)
            Lire aussi
            Trains de nuit : la ligne Paris-Berlin suspendue pour l'hiver
            Réservé à nos abonnés
            \(question)
            \(Self.para3)
            Les nouvelles lignes sont-elles à la hauteur ?
            Pas encore. Les voitures rénovées sont confortables, mais il en manque, et les trains sont souvent complets des semaines à l'avance.
            """
        let text = ArticleExtractor().article(fromText: page).plainText
        #expect(text.contains(question) && text.contains(Self.para3))
        #expect(!text.contains("Paris-Berlin"))
    }
}

extension LiveMinutesCreditsAndBoxShapeTests {
    /// A subheading right after a box set inside the text (an agenda of dates and places) is
    /// read with the paragraph under it; the box is not.
    @Test func aSubheadingAfterABoxInsideTheTextIsRead() {
        let page = """
            Château-Chinon : les bénévoles rachètent le cinéma pour l'euro symbolique
            \(Self.para3)
            \(Self.para1)
            Agenda
            Samedi 5 décembre
            Marché de Noël, place Notre-Dame, de 10 heures à 18 heures
            Dimanche 6 décembre
            Loto du club de foot, salle des fêtes, 14 heures
            Envoyez vos annonces à agenda@eclaireur-morvan.fr
            Une programmation pour tous les âges
            \(Self.para2)
            """
        let text = ArticleExtractor().article(fromText: page).plainText
        #expect(text.contains("Une programmation pour tous les âges\n\n" + Self.para2))
        #expect(!text.contains("Loto") && !text.contains("Envoyez"))
    }
}

extension LiveMinutesCreditsAndBoxShapeTests {
    /// A podcast page's « Transcription » heading is a label over the transcript, not read; the
    /// transcript is.
    @Test func aTranscriptsLabelIsNotRead() throws {
        let page = """
            <html><body><div class="episode"><h1>Pourquoi les abeilles désertent les villes ?</h1>
            <div class="transcript"><button>Afficher la transcription</button><h2>Transcription</h2>
            <p>\(Self.para1)</p><p>\(Self.para2)</p><p>\(Self.para3)</p></div></div></body></html>
            """
        let text = try ArticleExtractor().article(fromHTML: Array(page.utf8)).plainText
        #expect(text.contains(Self.para1) && text.contains(Self.para3))
        #expect(!text.contains("Transcription"))
    }
}

extension LiveMinutesCreditsAndBoxShapeTests {
    /// Among a live's posts stamped with minutes, « Mi-temps » stands where a stamp would: it is
    /// not read as a subheading; the post under it is read.
    @Test func aPeriodNameAmongPostStampsIsNotRead() {
        let halfTime = "Brest mène 1-0 à la pause, grâce à l'ouverture du score. Les visiteurs ont eu le ballon sans jamais inquiéter le gardien."
        let page = "Brest - Lens : les Bretons renversent les Sang et Or\n81'\n\(Self.para1)\n56'\n\(Self.para2)\nMi-temps\n\(halfTime)\n23'\n\(Self.para3)\n"
        let text = ArticleExtractor().article(fromText: page).plainText
        #expect(text.contains(halfTime) && text.contains(Self.para3))
        #expect(!text.contains("Mi-temps"))
    }
}
