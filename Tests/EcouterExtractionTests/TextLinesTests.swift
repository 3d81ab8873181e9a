// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterCore
@testable import EcouterExtraction
import Testing

@Suite("Page text: lines and the shapes read from them")
struct TextLinesTests {
    @Test("LF, CR, CRLF (one break), U+2028 and U+2029 end lines; empty lines are kept; other scalars stay")
    func lineBreaks() {
        let text = "Titre\r\n\r\nUn paragraphe\u{2028}suite\u{2029}fin\rdernière é\u{301}\n"
        #expect(TextLines.split(text) == ["Titre", "", "Un paragraphe", "suite", "fin", "dernière é\u{301}", ""])
        #expect(TextLines.split("") == [""])
        // E2 80 with another third byte is an ordinary scalar (U+2026 …), not a break.
        #expect(TextLines.split("a…b\u{2027}c") == ["a…b\u{2027}c"])
    }

    @Test("clock times and numeric dates, with non-ASCII digits and long lines")
    func clockTimesAndDates() {
        #expect(TextShape.isClockTime("14:30") && TextShape.isClockTime("9 h 05") && TextShape.isClockTime("\u{00A0}21h52"))
        #expect(!TextShape.isClockTime("14:30 et la suite du direct") && !TextShape.isClockTime("1430"))
        #expect(TextShape.hasNumericDate("publie le 12/03/2024 a 10h32") && TextShape.hasNumericDate("2024-03-12"))
        #expect(TextShape.hasNumericDate("le ١٢/٠٣/٢٠٢٤"), "Arabic-Indic digits count as digits, as Character.isNumber did")
        #expect(!TextShape.hasNumericDate("12/03 puis 2024") && !TextShape.hasNumericDate("1.5.2.3.4 version"))
    }
}
