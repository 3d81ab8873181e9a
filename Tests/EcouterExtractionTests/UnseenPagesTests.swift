// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
@testable import EcouterExtraction

/// The pages of Fixtures/pages-unseen and pages-unseen-3 to pages-unseen-8, scored as
/// ../shared/eval/extract_eval.py scores them: bags of lowercased words (letters and digits),
/// precision = shared / read, recall = shared / body, summed over the pages of one kind. They were written before the extractor saw them, so the
/// bar is the (0.98), not an exact match.
@Suite struct UnseenPagesTests {
    static let bar = 0.98

    @Test(arguments: [("pages-unseen", 20), ("pages-unseen-3", 10), ("pages-unseen-4", 6), ("pages-unseen-5", 4), ("pages-unseen-6", 3), ("pages-unseen-7", 3), ("pages-unseen-8", 4)], ["txt", "html"])
    func wordPrecisionAndRecallReachTheBar(_ set: (name: String, pages: Int), _ kind: String) throws {
        let folder = FixturePages.fixtures.appendingPathComponent(set.name)
        let pages = FixturePages.pages(withExtension: kind, in: folder)
        #expect(pages.count >= set.pages)
        var shared = 0, read = 0, body = 0
        for page in pages {
            let text = try ArticleExtractor().article(from: try FixturePages.bytes(page, in: folder)).plainText
            let got = Self.words(text), gold = Self.words(try FixturePages.body(of: page, in: folder))
            let common = got.reduce(0) { $0 + min($1.value, gold[$1.key] ?? 0) }
            shared += common
            read += got.values.reduce(0, +)
            body += gold.values.reduce(0, +)
        }
        let precision = Double(shared) / Double(max(read, 1)), recall = Double(shared) / Double(max(body, 1))
        #expect(precision >= Self.bar, "\(set.name) \(kind): precision \(precision)")
        #expect(recall >= Self.bar, "\(set.name) \(kind): recall \(recall)")
    }

    /// Word counts, as the evaluator's `[^\W_]+` tokens, lowercased.
    static func words(_ text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for word in text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }) { counts[String(word), default: 0] += 1 }
        return counts
    }
}
