// SPDX-License-Identifier: GPL-3.0-or-later
import Testing

/// Fixtures/postal_code.tsv
@Suite struct PostalCodeTests {
    static let cases = FixtureCase.load("postal_code")

    @Test func fixtureIsPresent() {
        #expect(Self.cases.count >= 15)
    }

    @Test(arguments: cases) func reads(_ fixture: FixtureCase) {
        fixture.check()
    }
}
