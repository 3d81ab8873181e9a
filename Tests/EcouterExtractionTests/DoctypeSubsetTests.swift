// SPDX-License-Identifier: GPL-3.0-or-later
import Testing
@testable import EcouterExtraction

/// A DOCTYPE with an internal subset: its declarations are not page text, nor the title.
@Suite struct DoctypeSubsetTests {
    static let pages = [
        "<!DOCTYPE html [\n<!ENTITY e1 \"Texte de l'entité 1\">\n<!ENTITY e2 \"Texte de l'entité 2\">\n]>\n",
        "<!doctype html [<!ENTITY x \"Ceci est le sous-ensemble > qui fuit\">]>",
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\" \"x[1]\" [ <!-- it's ] > here --> <!ENTITY x \"y\"> ]  >",
    ].map { $0 + "<html><body><p>Le premier paragraphe de l'article, assez long pour compter.</p><p>Un second paragraphe suit ici.</p></body></html>" }

    @Test(arguments: pages)
    func theSubsetIsNotRead(_ page: String) throws {
        let article = try ArticleExtractor().article(fromHTML: Array(page.utf8))
        let read = ([article.title ?? ""] + article.blocks.map(\.text)).joined(separator: "\n")
        #expect(!read.contains("ENTITY") && !read.contains("entité") && !read.contains("fuit") && !read.contains("]>"), "\(read)")
        #expect(read.contains("Le premier paragraphe"))
    }

    @Test func otherDoctypesAreUntouched() {
        for page in ["<!DOCTYPE html><p>a [b]> c</p>", "<p>[x]></p>", "<!DOCTYPE html [ never closed"] {
            #expect(DoctypeSubset.removed(from: Array(page.utf8)) == Array(page.utf8))
        }
        #expect(DoctypeSubset.removed(from: Array("<!DOCTYPE a [<!ENTITY b \"c\">]><p>d</p>".utf8)) == Array("<!DOCTYPE a ><p>d</p>".utf8))
    }
}
