// SPDX-License-Identifier: GPL-3.0-or-later
import Testing

/// Whole news sentences mixing classes, in the layout `tn_eval.py` reads (id, category, written, spoken).
@Suite struct NewsSentencesTests {
    static let cases = FixtureCase.load("news_sentences")

    @Test func fixtureIsPresent() {
        #expect(Self.cases.count >= 60)
    }

    @Test(arguments: cases) func reads(_ fixture: FixtureCase) {
        fixture.check()
    }
}
