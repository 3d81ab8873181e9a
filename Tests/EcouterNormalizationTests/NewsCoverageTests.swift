// SPDX-License-Identifier: GPL-3.0-or-later
import Testing

/// Whole news sentences per reading class a newsreader meets (elision before "un", fractions in
/// context, race times, scores, service and phone numbers, abbreviations in references, names of
/// letters and digits, addresses) and traps that must stay as written. Written before the rules that
/// read them; scored by phonemes with `tn_eval.py` (see docs/normalization-coverage.md).
@Suite struct NewsCoverageTests {
    static let cases = FixtureCase.load("news_coverage")

    @Test func everyClassIsCovered() {
        #expect(Self.cases.count >= 120)
    }

    @Test(arguments: cases) func reads(_ fixture: FixtureCase) {
        fixture.check()
    }
}
