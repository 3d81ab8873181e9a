// SPDX-License-Identifier: GPL-3.0-or-later
import Testing

@Suite struct FractionScoreTests {
    static let cases = FixtureCase.load("misc")

    @Test func fixtureIsPresent() {
        #expect(Self.cases.count >= 15)
    }

    @Test(arguments: cases) func reads(_ fixture: FixtureCase) {
        fixture.check()
    }
}
