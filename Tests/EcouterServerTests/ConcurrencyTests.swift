// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterServer
import Foundation
import HummingbirdTesting
import Testing

@Suite("Single flight")
struct ConcurrencyTests {
    @Test("20 concurrent identical POSTs → one synthesis, one id")
    func twentyIdentical() async throws {
        try await ServerHarness.withServer(ServerSettings(jobs: 2, queueLimit: 4)) { client in
            let parallel = ParallelClient(port: try #require(client.port))
            let article = Texts.article("vingt", sentences: 8)
            let responses = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        let r = try await parallel.post("/v1/articles", text: article)
                        let json = try? JSONSerialization.jsonObject(with: r.body) as? [String: Any]
                        return (r.status, json?["id"] as? String)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(responses.count == 20)
            #expect(responses.allSatisfy { $0.0 == 201 || $0.0 == 200 })
            #expect(Set(responses.compactMap(\.1)).count == 1)
            // They really overlapped: several found no audio yet and joined the one rendering.
            #expect(try await client.metric("ecouter_cache_misses_total") >= 2)
            #expect(try await client.metric("ecouter_syntheses_total") == 1)
        }
    }
}
