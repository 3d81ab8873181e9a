// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing

/// `ecouter normalize --explain`: per sentence, the rule, source span and spoken form of each piece.
@Suite("Command: normalize --explain")
struct NormalizeExplainTests {
    /// One piece row: "  [from, to)  written  rule  spoken".
    struct Row {
        var span: Range<Int>
        var rest: String
    }

    /// The rows of the output; header lines start with "sentence" or "line".
    static func rows(_ output: String) -> [Row] {
        output.split(separator: "\n").compactMap { line -> Row? in
            guard line.hasPrefix("  ["), let close = line.firstIndex(of: ")") else { return nil }
            let numbers = line[line.index(line.startIndex, offsetBy: 3)..<close].split(separator: ",")
                .compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard numbers.count == 2, numbers[0] <= numbers[1] else { return nil }
            return Row(span: numbers[0]..<numbers[1], rest: String(line[line.index(after: close)...]).trimmingCharacters(in: .whitespaces))
        }
    }

    @Test("A piece line gives the span, the written text, the rule and what is said")
    func pieceLine() async throws {
        let result = try await CommandRunner.run(["normalize", "--explain"], stdin: Data("Le 1er mars à 14h30.\n".utf8))
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdoutText.split(separator: "\n").map(String.init)
        #expect(lines.first == "sentence 1 [0, 20) Le 1er mars à 14h30.")
        let time = lines.first { $0.contains("14h30 ") }?.split(separator: " ").map(String.init)
        #expect(time == ["[14,", "19)", "14h30", "time", "quatorze", "heures", "trente"])
    }

    @Test("Spans are offsets into the whole input: each row starts with the text at its span")
    func spansIntoTheFile() async throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("samples/article.txt")
        let text = try String(contentsOf: file, encoding: .utf8)
        let scalars = Array(text.unicodeScalars)
        let result = try await CommandRunner.run(["normalize", "--explain", file.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let rows = Self.rows(result.stdoutText)
        let headers = result.stdoutText.split(separator: "\n").filter { $0.hasPrefix("sentence ") }
        let plain = try await CommandRunner.run(["normalize", file.path])
        #expect(headers.count == plain.stdoutText.split(separator: "\n").count)
        #expect(rows.count > headers.count * 3)
        var previousEnd = 0
        for row in rows {
            #expect(row.span.lowerBound >= previousEnd && row.span.upperBound <= scalars.count, "\(row)")
            previousEnd = row.span.upperBound
            guard row.span.upperBound <= scalars.count else { continue }
            let written = String(String.UnicodeScalarView(scalars[row.span].map { $0.value < 0x20 ? " " : $0 }))
            #expect(row.rest.hasPrefix(written), "\(row) should start with «\(written)»")
        }
    }

    @Test("With --lines, one header per line and spans into that line")
    func explainLines() async throws {
        let result = try await CommandRunner.run(["normalize", "--explain", "--lines"], stdin: Data("21 pages\nM. Dupont\n".utf8))
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdoutText.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("line ") } == ["line 1 [0, 8) 21 pages", "line 2 [0, 9) M. Dupont"])
        #expect(lines.contains { $0.hasPrefix("  [0, 2)") && $0.contains("M.") && $0.contains("abbreviation") && $0.hasSuffix("monsieur") })
    }

    @Test("A missing file is a one-line error and a non-zero exit")
    func missingFile() async throws {
        let result = try await CommandRunner.run(["normalize", "--explain", "/nonexistent/article.txt"])
        #expect(result.status != 0)
        #expect(result.stderr.split(separator: "\n").count == 1, "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("--help documents the format")
    func help() async throws {
        let result = try await CommandRunner.run(["normalize", "--help"])
        #expect(result.stdoutText.contains("--explain"))
        #expect(result.stdoutText.contains("Unicode scalar"))
    }
}
