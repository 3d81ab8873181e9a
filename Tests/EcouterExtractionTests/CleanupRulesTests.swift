// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
@testable import EcouterExtraction

@Suite struct CleanupRulesTests {
    @Test func builtInCopyEqualsShippedFile() throws {
        let url = FixturePages.repositoryRoot.appendingPathComponent("voices/cleanup-rules.txt")
        let shipped = try String(contentsOf: url, encoding: .utf8)
        #expect(builtInCleanupRulesText == shipped, "run scripts/sync-cleanup-rules.sh after editing voices/cleanup-rules.txt")
    }

    @Test func builtInRulesParseAndCoverEveryKind() {
        let kinds = Set(CleanupRules.builtIn.rules.map(\.kind))
        #expect(kinds == Set(CleanupRules.Kind.allCases))
        #expect(CleanupRules.builtIn.rules.count > 100)
    }

    @Test func unknownKindIsAnErrorNamingTheLine() {
        #expect(throws: ExtractionError.self) { try CleanupRules(parsing: "# comment\nline Pub\nremove Pub") }
        do {
            _ = try CleanupRules(parsing: "line Pub\n\nremove Pub")
        } catch {
            #expect(error.code == .invalidRules)
            #expect(error.message.contains("line 3"))
        }
    }

    @Test func ruleWithoutPhraseIsAnError() {
        #expect(throws: ExtractionError.self) { try CleanupRules(parsing: "prefix   ") }
    }

    @Test(arguments: [
        ("Publicité en cours de chargement...", CleanupRules.Verdict.drop),
        ("ÉCOUTER L’ARTICLE", .drop),
        ("Écouter l'article :", .drop),
        ("Partager | Imprimer | Réagir", .drop),
        ("Lire aussi : Les hôpitaux face au froid", .drop),
        ("À lire aussi | Brest : le pont rouvre", .drop),
        ("À lire aussi", .sectionHeading),
        ("A lire également.", .sectionHeading),
        ("Avez-vous apprécié ce contenu ?", .end),
        ("Nous utilisons des cookies pour mesurer l'audience.", .drop),
        ("Tags : Quimper, Festival", .end),
        ("Tags: Quimper", .end),
        ("Lecture 3 min.", .drop),
        ("Temps de lecture : 4 minutes", .drop),
        ("00:00 / 05:13", .drop),
        ("Commentaires (12)", .end),
        ("Photo Jean Dupont/AFP", .drop),
        ("Le ministre lors de sa visite à Brest, lundi. (Photo : Jean Dupont)", .drop),
        ("Le bâtiment rénové (photo ci-dessus) accueillera les élèves dès septembre.", .keep),
        ("Partager | Imprimer", .drop),
        // Article text that merely mentions the words stays.
        ("Tags et graffitis envahissent le centre-ville", .keep),
        ("Lecture publique : la ville rouvre sa médiathèque", .keep),
        ("Photo de classe : les anciens élèves se retrouvent", .keep),
        ("Lire aussi les rapports de la Cour des comptes permet de comprendre la décision.", .keep),
        ("La CNIL a sanctionné un site qui déposait des traceurs sans consentement.", .keep),
        ("Partager le gâteau entre tous les enfants n'a pas été simple.", .keep),
        ("Publicité mensongère : l'enseigne condamnée", .keep),
    ])
    func verdicts(_ line: String, _ expected: CleanupRules.Verdict) {
        #expect(CleanupRules.builtIn.verdict(for: line) == expected)
    }

    @Test func userRulesExtendTheBuiltInSet() throws {
        let text = "Le titre\n\nUn paragraphe d'article assez long pour être lu comme tel, avec une virgule.\n\nOffre spéciale Noël\n"
        #expect(ArticleExtractor().article(fromText: text).plainText.contains("Offre spéciale"))
        let mine = try CleanupRules(parsing: "line Offre spéciale Noël")
        let extractor = ArticleExtractor(rules: CleanupRules.builtIn.merging(mine))
        #expect(!extractor.article(fromText: text).plainText.contains("Offre spéciale"))
        #expect(extractor.article(fromText: text).plainText.contains("Un paragraphe"))
    }

    @Test func longLinesAreNotDroppedByPrefixOrContainsRules() {
        let long = "Publié le matin même, le rapport " + String(repeating: "détaille les conséquences de la sécheresse, ", count: 5)
        #expect(CleanupRules.builtIn.verdict(for: long) == .keep)
        let longCookie = "Nous utilisons des cookies " + String(repeating: "et bien d'autres choses encore, ", count: 25)
        #expect(CleanupRules.builtIn.verdict(for: longCookie) == .keep)
    }
}
