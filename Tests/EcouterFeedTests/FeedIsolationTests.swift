// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
@testable import EcouterFeed

/// A sentence that crashes libespeak-ng costs that sentence in a feed, not the item.
@Suite(.serialized) struct FeedIsolationTests {
    @Test(arguments: ["1", "2"])
    func aCrashingSentenceIsReportedInTheManifestAndTheItemIsVoiced(jobs: String) async throws {
        // Aborts libespeak-ng 1.51 ("stack smashing detected"): see the CLI's isolation tests.
        let crashing = String(repeating: "α.,", count: 60)
        let items = [
            FeedRunnerTests.Item(id: "urn:crash:0", title: "Brève calme", text: "Une brève sans histoire, lue en entier."),
            FeedRunnerTests.Item(id: "urn:crash:1", title: "Brève piégée", text: "Avant le piège. \(crashing) Après le piège, la fin est lue."),
        ]
        let source = try FeedCommandTests.feedFile(items)
        let directory = temporaryDirectory("crash-\(jobs)")
        let run = try await runTool(try FeedCommandTests.binary, ["feed", source, "-d", directory.path, "--jobs", jobs, "--format", "wav"])
        #expect(run.status == 0, "\(run.err)")
        let entries = try FeedRunnerTests.manifest(in: directory).items
        #expect(entries.count == 2 && entries.allSatisfy { $0.error == nil && $0.file != nil })
        #expect(entries[0].warnings == nil)
        let warnings = try #require(entries[1].warnings)
        #expect(warnings.count == 1 && warnings[0].contains("the speech engine crashed on it"), "\(warnings)")
        // "Après le piège, la fin est lue." was read too: longer than the sentences before it.
        #expect((entries[1].duration ?? 0) > 8, "\(entries[1].duration ?? 0)")
    }
}
