// SPDX-License-Identifier: GPL-3.0-or-later
import Testing

/// Fixture files are read strictly: a line that is not a fixture is a failing case, never skipped.
@Suite struct FixtureLoadingTests {
    static let files = [
        "abbreviation", "acronym", "cardinal", "date", "decimal_percent", "legal", "measure", "misc", "money",
        "news_coverage", "news_sentences", "ordinal", "postal_code", "regions", "roman", "symbol", "time",
    ]

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
