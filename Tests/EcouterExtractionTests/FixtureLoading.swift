// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// The fixture pages: Fixtures/pages/NAME.page.(html|txt) with NAME.body.txt, the clean text.
/// Fixtures/pages-unseen and pages-unseen-3 hold pages written before the extractor was tuned on
/// them (scored, not required to match exactly).
enum FixturePages {
    static let fixtures: URL = {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            fatalError("Fixtures resource folder missing from the test bundle")
        }
        return url
    }()
    static let folder = fixtures.appendingPathComponent("pages")
    static let unseenFolder = fixtures.appendingPathComponent("pages-unseen")

    /// NAME.page.EXT file names, sorted.
    static func pages(withExtension ext: String, in folder: URL = folder) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".page.\(ext)") }.sorted()
    }

    static func bytes(_ name: String, in folder: URL = folder) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    static func body(of page: String, in folder: URL = folder) throws -> String {
        let base = page.components(separatedBy: ".page.")[0]
        return try String(contentsOf: folder.appendingPathComponent(base + ".body.txt"), encoding: .utf8)
    }

    /// The repository root, from this file's path (for the shipped rules file).
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
