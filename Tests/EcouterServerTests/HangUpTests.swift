// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterServer
import Foundation
import HummingbirdTesting
import Testing

/// A client that disconnects stops its synthesis, unless another request waits for the same audio.
@Suite("A client that hangs up", .serialized)
struct HangUpTests {
    /// Polls `condition` every 50 ms for up to 120 s.
    static func eventually(_ condition: () async throws -> Bool) async throws -> Bool {
        for _ in 0..<2400 {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    @Test("POST, then hang up while it renders: the rendering is cancelled and its worker slot freed")
    func postHangUp() async throws {
        try await ServerHarness.withServer(ServerSettings(jobs: 1, queueLimit: 4)) { client in
            let port = try #require(client.port)
            let connection = try RawConnection(port: port)
            // Long enough (1500 sentences, ~75 000 characters) that its WAV is far from made when
            // the hang-up arrives, even on a loaded machine: with 300 the WAV was once done first and
            // the hang-up only cancelled the encoding.
            try connection.sendPost("/v1/articles", body: Texts.article("raccroché", sentences: 1500), contentType: "text/plain")
            #expect(try await Self.eventually { try await client.metric("ecouter_cache_misses_total") >= 1 })
            connection.close()
            #expect(try await Self.eventually { try await client.metric("ecouter_renderings_cancelled_total") == 1 })
            #expect(try await Self.eventually { try await client.metric("ecouter_client_hangups_total") == 1 })
            // The only slot (jobs 1) is free again: a short article renders, and it is the only
            // synthesis ever finished. Had the long one gone on, it would have finished first (2).
            let short = try await client.post("/v1/articles", text: Texts.article("après le raccroché"))
            #expect(short.status == .created)
            #expect(try await client.metric("ecouter_syntheses_total") == 1)
        }
    }

    @Test("two clients wait for the same article and one hangs up: the other still gets it (Connection: close)")
    func sharedRenderingSurvives() async throws {
        try await ServerHarness.withServer(ServerSettings(jobs: 1, queueLimit: 4)) { client in
            let port = try #require(client.port)
            let article = Texts.article("partagé", sentences: 60)
            let leaving = try RawConnection(port: port), staying = try RawConnection(port: port)
            try leaving.sendPost("/v1/articles", body: article, contentType: "text/plain")
            try staying.sendPost("/v1/articles", body: article, contentType: "text/plain")
            #expect(try await Self.eventually { try await client.metric("ecouter_cache_misses_total") >= 2 })
            leaving.close()
            let answer = await staying.read()
            #expect(RawConnection.status(of: answer) == 201, "\(String(decoding: answer.prefix(200), as: UTF8.self))")
            #expect(try await client.metric("ecouter_syntheses_total") == 1)
            #expect(try await client.metric("ecouter_renderings_cancelled_total") == 0)
            #expect(try await Self.eventually { try await client.metric("ecouter_client_hangups_total") == 1 })
        }
    }

    @Test("/v1/audio/speech: hang up after the first audio bytes and the synthesis stops")
    func streamHangUp() async throws {
        try await ServerHarness.withServer { client in
            let port = try #require(client.port)
            let sentences = 120
            let input = try JSONSerialization.data(withJSONObject: ["input": Texts.article("flux coupé", sentences: sentences), "response_format": "mp3"])
            let connection = try RawConnection(port: port)
            try connection.sendPost("/v1/audio/speech", body: String(decoding: input, as: UTF8.self), contentType: "application/json")
            let start = await connection.read { RawConnection.bodyBytes(of: $0) > 0 }
            #expect(RawConnection.status(of: start) == 200)
            connection.close()
            #expect(try await Self.eventually { try await client.metric("ecouter_streams_cancelled_total") == 1 })
            let spoken = try await client.metric("ecouter_stream_sentences_total")
            try await Task.sleep(for: .seconds(2))
            // Nothing more was synthesized, and far from the whole article was.
            #expect(try await client.metric("ecouter_stream_sentences_total") == spoken)
            #expect(spoken < Double(sentences) / 2)
        }
    }
}
