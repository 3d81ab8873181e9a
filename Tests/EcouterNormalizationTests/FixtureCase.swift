// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterNormalization
import Foundation
import Testing

/// One golden line of a fixture file: `written<TAB>spoken` (or `region<TAB>written<TAB>spoken`).
struct FixtureCase: Sendable, CustomTestStringConvertible {
    var file: String
    var line: Int
    var region: FrenchRegion
    var written: String
    var spoken: String
    var testDescription: String { "\(file):\(line) \(written)" }

    /// The cases of `Fixtures/<name>.tsv`; lines starting with "# " and blank lines are comments.
    static func load(_ name: String) -> [FixtureCase] {
        guard let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil),
            let text = try? String(contentsOf: folder.appendingPathComponent(name + ".tsv"), encoding: .utf8)
        else { return [] }
        var cases: [FixtureCase] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("# ") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if fields.count == 2 {
                cases.append(FixtureCase(file: name, line: index + 1, region: .france, written: fields[0], spoken: fields[1]))
            } else if fields.count == 4 && fields[0] != "id" {
                // tn_eval.py's layout: id, category, written, spoken.
                cases.append(FixtureCase(file: name, line: index + 1, region: .france, written: fields[2], spoken: fields[3]))
            } else if fields.count == 3, let region = FrenchRegion(rawValue: fields[0]) {
                cases.append(FixtureCase(file: name, line: index + 1, region: region, written: fields[1], spoken: fields[2]))
            }
        }
        return cases
    }

    /// Spelling differences that do not change what is heard: hyphens versus spaces, repeated spaces.
    static func comparable(_ text: String) -> String {
        text.replacingOccurrences(of: "-", with: " ").split(whereSeparator: { $0 == " " }).joined(separator: " ")
    }

    func check() {
        let normalizer = FrenchNormalizer(options: NormalizerOptions(region: region))
        let got = normalizer.normalize(written)
        #expect(Self.comparable(got) == Self.comparable(spoken), "\(file):\(line) «\(written)»")
    }
}
