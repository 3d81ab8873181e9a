// SPDX-License-Identifier: GPL-3.0-or-later
@testable import EcouterNormalization
import Testing

@Suite("Word tables: lines and fields")
struct TableTextTests {
    @Test("lines split at LF with a CR dropped and empty ones left out; fields keep empty ones and every scalar")
    func linesAndFields() {
        let text = "km\tkilomètre\r\n\n€\teuro\teuros\n\te\u{301}\t\n"
        let lines = TableText.lines(text)
        #expect(lines == ["km\tkilomètre", "€\teuro\teuros", "\te\u{301}\t"])
        #expect(TableText.fields(lines[1]) == ["€", "euro", "euros"])
        #expect(TableText.fields(lines[2]) == ["", "e\u{301}", ""])
        #expect(TableText.lines("") == [] && TableText.lines("\n\r\n") == [])
    }
}
