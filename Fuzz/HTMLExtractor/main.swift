// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer harness: HTML bytes into an article (encoding sniffing, libxml2's HTML parser behind the
// attribute bound, the chrome filter, the content locator, JSON-LD metadata). A refusal is an
// ExtractionError; anything else must be a well-formed article.
import EcouterExtraction

private let extractor = ArticleExtractor()

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    do throws(ExtractionError) {
        checkArticle(try extractor.article(fromHTML: fuzzBytes(data, size)))
    } catch {
        invariant(!error.message.isEmpty, "an extraction error without a message")
    }
    return 0
}
