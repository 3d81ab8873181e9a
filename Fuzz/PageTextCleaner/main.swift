// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer harness: page text (scraped, with its chrome) into an article: the block classifier,
// the cleanup rules, the headline search. Every block it keeps has text.
import EcouterExtraction

private let extractor = ArticleExtractor()

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let article = extractor.article(fromText: fuzzText(data, size))
    checkArticle(article)
    return 0
}
