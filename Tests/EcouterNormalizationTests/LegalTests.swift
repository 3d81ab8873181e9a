// SPDX-License-Identifier: GPL-3.0-or-later
import Testing

/// Fixtures/legal.tsv
@Suite struct LegalTests {
    static let cases = FixtureCase.load("legal")

    @Test func fixtureIsPresent() {
        #expect(Self.cases.count >= 15)
    }

    @Test(arguments: cases) func reads(_ fixture: FixtureCase) {
        fixture.check()
    }
}
