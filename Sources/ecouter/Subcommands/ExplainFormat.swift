// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter

/// The text of `ecouter normalize --explain`: for each sentence a header line, then one line per
/// spoken piece, in aligned columns:
///
///     sentence 1 [0, 51) Le 1er mars, M. Dupont a payé 1 234,56 € à 14h30.
///       [0, 2)    Le        word      Le
///       [3, 11)   1er mars  date      premier mars
///
/// Spans are half-open ranges of Unicode scalar offsets into the input text (into the line with
/// --lines). Line breaks and tabs inside a column are shown as spaces so each piece stays on one line.
enum ExplainFormat {
    /// The lines for one sentence whose first scalar is at `offset` in the input.
    static func lines(label: String, written: String, offset: Int, pieces: [SpokenPiece]) -> [String] {
        let length = written.unicodeScalars.count
        var result = ["\(label) [\(offset), \(offset + length)) \(oneLine(written))"]
        let rows = pieces.map { piece in
            (span: "[\(offset + piece.source.lowerBound), \(offset + piece.source.upperBound))",
             written: oneLine(piece.written), rule: piece.rule,
             spoken: oneLine(piece.spoken))
        }
        let spanWidth = rows.map(\.span.count).max() ?? 0
        // A very long written form (a whole address) is not allowed to push every other row right.
        let writtenWidth = min(rows.map(\.written.count).max() ?? 0, 32)
        let ruleWidth = rows.map(\.rule.count).max() ?? 0
        for row in rows {
            let line = "  " + padded(row.span, spanWidth) + "  " + padded(row.written, writtenWidth) + "  "
                + padded(row.rule, ruleWidth) + "  " + row.spoken
            result.append(line.trimmingTrailingSpaces)
        }
        return result
    }

    private static func padded(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    private static func oneLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 ? " " : $0 }))
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
