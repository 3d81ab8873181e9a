// SPDX-License-Identifier: GPL-3.0-or-later
import Testing
@testable import EcouterExtraction

/// Shapes that the pages of Fixtures/pages-unseen-5 got wrong on first run. Each page fails
/// without its fix.
@Suite struct ToolbarAndPlayerLinkShapeTests {
    let extractor = ArticleExtractor()
    static let standfirst = "Entre 2021 et 2025, la même société a remporté onze appels d'offres dans l'agglomération, souvent seule candidate, selon les documents que nous avons consultés et que la chambre régionale des comptes examine depuis le printemps."
    static let para1 = "Le conseil municipal a adopté lundi soir le budget de la ville pour l'année prochaine, après un débat de quatre heures dans une salle comble."
    static let para2 = "L'opposition a dénoncé une hausse des impôts locaux, que la majorité juge indispensable pour financer la rénovation des écoles primaires."

    /// A comments counter in the toolbar under the byline is not the comment thread: the title
    /// and a standfirst are not yet the article's body, so the body after it is read.
    @Test func aCommentsCounterAboveTheBodyDoesNotEndTheArticle() {
        let page = "Le Journal\nEnquête\nMarchés publics : une entreprise rafle les contrats de trois mairies\n\(Self.standfirst)\n2 décembre 2026 | Par Claire Vasseur\nOffrir l'article\nCommentaires (34)\n\(Self.para1)\n\(Self.para2)\n"
        let text = extractor.article(fromText: page).plainText
        #expect(text.contains(Self.standfirst))
        #expect(text.contains(Self.para1))
        #expect(text.contains(Self.para2))
    }

    /// Once two paragraphs are read, the comment thread's heading still ends the article.
    @Test func theCommentThreadAfterTheBodyStillEndsIt() {
        let comment = "Enfin une bonne nouvelle pour notre quartier, il était temps que la mairie s'en occupe sérieusement !"
        let page = "Le Journal\nLe budget adopté après quatre heures de débat\n\(Self.para1)\n\(Self.para2)\nCommentaires (3)\nJosiane\n1 décembre 2026 à 9 h 12\n\(comment)\nRépondre\n"
        let text = extractor.article(fromText: page).plainText
        #expect(text.contains(Self.para2))
        #expect(!text.contains("Enfin une bonne nouvelle"))
    }

    /// A player link set "Réécouter : …" between two paragraphs is dropped, and the subheading
    /// right after it, before a paragraph, is kept.
    @Test func theSubheadingAfterAPlayerLinkIsKept() {
        let page = "Radio Vallée\nLa maternité de Privas ferme ses portes le 31 janvier\n\(Self.para1)\nRéécouter : le journal de 7 heures du 2 décembre\nUn centre de périnatalité maintenu\n\(Self.para2)\n"
        let text = extractor.article(fromText: page).plainText
        #expect(text.contains("Un centre de périnatalité maintenu\n"))
        #expect(!text.contains("Réécouter"))
        #expect(text.contains(Self.para2))
    }
}
