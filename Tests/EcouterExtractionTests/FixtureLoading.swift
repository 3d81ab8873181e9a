// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// The fixture pages: Fixtures/pages/NAME.page.(html|txt) with NAME.body.txt, the clean text.
enum FixturePages {
    static let folder: URL = {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            fatalError("Fixtures resource folder missing from the test bundle")
        }
        return url.appendingPathComponent("pages")
    }()

    /// NAME.page.EXT file names, sorted.
    static func pages(withExtension ext: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".page.\(ext)") }.sorted()
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    static func body(of page: String) throws -> String {
        let base = page.components(separatedBy: ".page.")[0]
        return try String(contentsOf: folder.appendingPathComponent(base + ".body.txt"), encoding: .utf8)
    }

    /// The repository root, from this file's path (for the shipped rules file).
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
