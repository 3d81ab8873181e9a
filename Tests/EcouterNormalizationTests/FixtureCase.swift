// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterNormalization
import Foundation
import Testing

/// One golden line of a fixture file: `written<TAB>spoken` (or `region<TAB>written<TAB>spoken`, or
/// tn_eval.py's `id<TAB>category<TAB>written<TAB>spoken`). A spoken cell may hold several accepted
/// readings separated by " || ", as tn_eval.py reads them.
struct FixtureCase: Sendable, CustomTestStringConvertible {
    var file: String
    var line: Int
    var region: FrenchRegion
    var written: String
    var spoken: String
    /// Why the line could not be read, when it is malformed: such a case fails instead of being skipped.
    var malformed: String?
    var testDescription: String { "\(file):\(line) \(written)" }

    /// The cases of `Fixtures/<name>.tsv`; lines starting with "# " and blank lines are comments.
    /// A missing file gives one failing case, so a renamed fixture cannot pass by having no cases.
    static func load(_ name: String) -> [FixtureCase] {
        guard let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil),
            let text = try? String(contentsOf: folder.appendingPathComponent(name + ".tsv"), encoding: .utf8)
        else {
            return [FixtureCase(file: name, line: 0, region: .france, written: "", spoken: "", malformed: "file not found")]
        }
        var cases: [FixtureCase] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("# ") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            func add(_ region: FrenchRegion, _ written: String, _ spoken: String) {
                let problem = written.isEmpty || spoken.isEmpty ? "empty written or spoken field" : nil
                cases.append(FixtureCase(file: name, line: index + 1, region: region, written: written, spoken: spoken, malformed: problem))
            }
            if fields.count == 2 {
                add(.france, fields[0], fields[1])
            } else if fields.count == 4 {
                // tn_eval.py's layout: id, category, written, spoken, under a header line.
                if index == 0 && fields == ["id", "category", "written", "spoken"] { continue }
                add(.france, fields[2], fields[3])
            } else if fields.count == 3, let region = FrenchRegion(rawValue: fields[0]) {
                add(region, fields[1], fields[2])
            } else {
                cases.append(FixtureCase(file: name, line: index + 1, region: .france, written: String(line), spoken: "",
                    malformed: "\(fields.count) tab-separated fields"))
            }
        }
        return cases
    }

    /// Spelling differences that do not change what is heard: hyphens versus spaces, repeated spaces.
    static func comparable(_ text: String) -> String {
        text.replacingOccurrences(of: "-", with: " ").split(whereSeparator: { $0 == " " }).joined(separator: " ")
    }

    /// The accepted readings of the spoken cell.
    var readings: [String] { spoken.components(separatedBy: " || ") }

    func check() {
        if let malformed {
            Issue.record("\(file):\(line) malformed fixture line: \(malformed)")
            return
        }
        let normalizer = FrenchNormalizer(options: NormalizerOptions(region: region))
        let got = Self.comparable(normalizer.normalize(written))
        #expect(readings.contains { Self.comparable($0) == got }, "\(file):\(line) «\(written)» → «\(got)»")
    }
}
