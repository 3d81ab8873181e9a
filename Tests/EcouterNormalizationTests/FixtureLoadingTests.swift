// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing

/// Fixture files are read strictly: a line that is not a fixture is a failing case, never skipped.
@Suite struct FixtureLoadingTests {
    static let listed = [
        "abbreviation", "acronym", "cardinal", "date", "decimal_percent", "legal", "measure", "misc", "money",
        "news_coverage", "news_sentences", "ordinal", "postal_code", "regions", "roman", "symbol", "time",
    ]
    /// Every `.tsv` file in the fixture folder, so a new fixture file is checked without being listed.
    static let files: [String] = {
        guard let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil),
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return listed }
        return Array(Set(listed + names.filter { $0.hasSuffix(".tsv") }.map { String($0.dropLast(4)) })).sorted()
    }()

    @Test(arguments: files) func everyLineIsAFixture(_ name: String) {
        let cases = FixtureCase.load(name)
        #expect(!cases.isEmpty)
        for fixture in cases {
            #expect(fixture.malformed == nil, "\(name).tsv:\(fixture.line): \(fixture.malformed ?? "")")
        }
    }

    @Test func aMissingFileIsAFailingCase() {
        let cases = FixtureCase.load("no_such_fixture_file")
        #expect(cases.count == 1)
        #expect(cases.first?.malformed == "file not found")
    }
}
