// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing

/// The modes the evaluators drive: one output line per input line, whatever the line holds.
@Suite("Command: text modes")
struct TextModesTests {
    static let items = ["21 pages", "", "le 1er janvier 2024", "M. Dupont", "   ", "14h30", "\u{00A0}1\u{202F}234,56 €"]

    @Test("normalize --lines keeps one line per item")
    func normalizeLines() throws {
        let result = try CommandRunner.run(["normalize", "--lines"], stdin: Data((Self.items.joined(separator: "\n") + "\n").utf8))
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdoutText.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == Self.items.count)
        #expect(lines[0] == "vingt et une pages")
        #expect(lines[1] == "")
        #expect(lines[5] == "quatorze heures trente")
    }

    @Test("phonemes --lines keeps one line per item and gives eSpeak NG mnemonics")
    func phonemesLines() throws {
        let result = try CommandRunner.run(["phonemes", "--lines", "-"], stdin: Data((Self.items.joined(separator: "\n") + "\n").utf8))
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdoutText.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == Self.items.count)
        #expect(lines[0].contains("yn"))      // "une", feminine
        #expect(lines[3].contains("m@sj"))    // "monsieur", not the letter M
        #expect(lines[1].isEmpty)
    }

    @Test("--lines with invalid UTF-8 is an input error")
    func invalidLines() throws {
        let result = try CommandRunner.run(["normalize", "--lines"], stdin: Data([0x61, 0xFF, 0x0A]))
        #expect(result.status == 65)
        #expect(result.stderr.contains("UTF-8"))
    }
}
