// SPDX-License-Identifier: GPL-3.0-or-later
import Testing

@Suite struct OrdinalTests {
    static let cases = FixtureCase.load("ordinal")

    @Test func fixtureIsPresent() {
        #expect(Self.cases.count >= 40)
    }

    @Test(arguments: cases) func reads(_ fixture: FixtureCase) {
        fixture.check()
    }
}
