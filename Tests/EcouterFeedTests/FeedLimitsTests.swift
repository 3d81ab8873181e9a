// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
@testable import EcouterFeed

/// Limits an embedder or a flag can set: bounded, and out-of-range values are errors, not traps.
@Suite struct FeedRunOptionsBoundsTests {
    @Test func jobsAreBoundedByTheCores() {
        #expect(FeedRunOptions(directory: URL(fileURLWithPath: "/tmp"), jobs: 100).jobs == FeedRunOptions.maximumJobs)
        #expect(FeedRunOptions.maximumJobs == max(1, ProcessInfo.processInfo.activeProcessorCount))
        #expect(FeedRunOptions(directory: URL(fileURLWithPath: "/tmp"), jobs: -5).jobs == 1)
    }

    @Test(arguments: [1e19, .infinity, .nan, 0, -1])
    func absurdTimeoutsAreUsageErrors(_ timeout: Double) async throws {
        let fetcher = HTTPFetcher(limits: FetchLimits(timeout: timeout))
        await #expect(throws: FeedError.self) { try await fetcher.fetch(URL(string: "http://127.0.0.1:9/")!) }
        #expect(throws: FeedError.self) { try FetchLimits(timeout: timeout).validate() }
    }
}
