// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterNormalization
import Foundation
import Testing

/// One hand-written case of `Fixtures/segmentation.jsonl`: a text and the sentences expected in it.
struct SegmentationCase: Codable, Sendable, CustomTestStringConvertible {
    var id: String
    var text: String
    var sentences: [String]

    var testDescription: String { id }

    /// All cases of the fixture file (empty if it cannot be read; `fixtureIsComplete` then fails).
    static let all: [SegmentationCase] = (try? load()) ?? []

    static func load() throws -> [SegmentationCase] {
        guard let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile)
        }
        let data = try Data(contentsOf: folder.appendingPathComponent("segmentation.jsonl"))
        let decoder = JSONDecoder()
        return try data.split(separator: UInt8(ascii: "\n")).map {
            try decoder.decode(SegmentationCase.self, from: Data($0))
        }
    }
}

@Suite("Sentence segmentation fixtures")
struct SegmentFixtureTests {
    @Test func fixtureIsComplete() throws {
        let cases = try SegmentationCase.load()
        #expect(cases.count >= 80)
        #expect(Set(cases.map(\.id)).count == cases.count, "ids are unique")
        // Every family of the brief is represented.
        for family in ["abbr", "init", "num", "list", "ell", "quote", "qe", "url", "line", "misc", "news", "space", "doc"] {
            #expect(cases.contains { $0.id.hasPrefix(family + "-") }, "family \(family)")
        }
    }

    @Test(arguments: SegmentationCase.all)
    func segments(_ fixture: SegmentationCase) {
        let text = fixture.text
        let got = SentenceSegmenter().sentenceRanges(in: text).map { String(text[$0]) }
        #expect(got == fixture.sentences)
    }

    /// The same texts with every line break turned into a space, as `ecouter sentences --lines` sees
    /// them, still give sentences that are substrings of the text in order, whatever the split.
    @Test(arguments: SegmentationCase.all)
    func rangesStayInSource(_ fixture: SegmentationCase) {
        let text = fixture.text
        let ranges = SentenceSegmenter().sentenceRanges(in: text)
        var previousUpper = text.startIndex
        for range in ranges {
            #expect(range.lowerBound >= previousUpper)
            #expect(!range.isEmpty)
            previousUpper = range.upperBound
        }
        let joined = ranges.map { String(text[$0]) }.joined()
        let visible = String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.properties.isWhitespace }))
        let joinedVisible = String(String.UnicodeScalarView(joined.unicodeScalars.filter { !$0.properties.isWhitespace }))
        #expect(joinedVisible == visible)
    }
}
