// SPDX-License-Identifier: GPL-3.0-or-later
// Compiled into the harnesses that extract articles (page text, HTML).
import EcouterExtraction

/// What any extracted article must be: no empty block and no title made of white space only.
func checkArticle(_ article: Article) {
    if let title = article.title { invariant(title.contains(where: { !$0.isWhitespace }), "a blank title") }
    for block in article.blocks {
        invariant(block.text.contains(where: { !$0.isWhitespace }), "an empty block")
    }
}
