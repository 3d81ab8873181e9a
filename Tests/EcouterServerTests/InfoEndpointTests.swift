// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterAudio
import EcouterServer
import Foundation
import HummingbirdTesting
import Testing

@Suite("Voices, health, metrics, player, speech stream", .serialized)
struct InfoEndpointTests {
    @Test("/metrics is Prometheus text: every sample line parses, every metric has HELP and TYPE")
    func metricsParse() async throws {
        try await ServerHarness.withServer { client in
            _ = try await client.post("/v1/articles", text: Texts.article("métriques"))
            _ = try await client.get("/healthz")
            let response = try await client.get("/metrics")
            #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = response.bodyText
            let sample = try Regex(#"^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*"(,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*")*\})? -?[0-9.eE+-]+(Inf)?$"#)
            var typed = Set<String>(), sampled = Set<String>()
            for line in text.split(separator: "\n") {
                if line.hasPrefix("# TYPE ") { typed.insert(String(line.split(separator: " ")[2])); continue }
                if line.hasPrefix("# HELP ") { continue }
                #expect(line.wholeMatch(of: sample) != nil, "not a sample line: \(line)")
                let name = String(line.prefix { $0 != "{" && $0 != " " })
                sampled.insert(name)
            }
            for name in sampled {
                let family = ["_bucket", "_sum", "_count"].reduce(name) { n, suffix in n.hasSuffix(suffix) ? String(n.dropLast(suffix.count)) : n }
                #expect(typed.contains(family), "no TYPE for \(name)")
            }
            for needed in ["ecouter_http_requests_total", "ecouter_cache_misses_total", "ecouter_queue_length", "ecouter_synthesis_seconds_count"] {
                #expect(sampled.contains(needed), "missing \(needed)")
            }
        }
    }

    @Test("/v1/voices lists the presets; /healthz is ok; /player.js is the button script")
    func infoRoutes() async throws {
        try await ServerHarness.withServer { client in
            let voices = try await client.get("/v1/voices").json["voices"] as? [[String: Any]]
            #expect(voices?.compactMap { $0["id"] as? String }.contains("fr-BE") == true)
            #expect(try await client.get("/healthz").json["status"] as? String == "ok")
            let player = try await client.get("/player.js")
            #expect(player.headers[.contentType]?.hasPrefix("text/javascript") == true)
            #expect(player.bodyText.contains("data-ecouter"))
            #expect(try await client.get("/").status == .notFound)  // the demo page is for development mode
        }
        try await ServerHarness.withServer(ServerSettings(development: true)) { client in
            let page = try await client.get("/").bodyText
            #expect(page.contains("<script src=\"/player.js\""))
        }
    }

    @Test("/v1/audio/speech streams a WAV (streaming header) and an Ogg Opus that decode")
    func speechStream() async throws {
        try await ServerHarness.withServer { client in
            let body = #"{"model": "tts-1", "input": "Bonjour à tous. Voici les nouvelles du jour.", "voice": "alloy", "response_format": "wav"}"#
            let wav = try await client.post("/v1/audio/speech", text: body, contentType: "application/json")
            #expect(wav.status == .ok)
            #expect(wav.headers[.contentType] == "audio/wav")
            let info = try WAVInfo(parsing: wav.bodyBytes)
            #expect(info.isStreamingHeader)
            #expect(info.duration > 1.5)

            let faster = #"{"input": "Bonjour à tous. Voici les nouvelles du jour.", "response_format": "wav", "speed": 2.0}"#
            let fast = try WAVInfo(parsing: try await client.post("/v1/audio/speech", text: faster, contentType: "application/json").bodyBytes)
            #expect(fast.duration < info.duration * 0.8)

            let opusBody = #"{"input": "Bonjour à tous. Voici les nouvelles du jour.", "response_format": "opus"}"#
            let opus = try await client.post("/v1/audio/speech", text: opusBody, contentType: "application/json")
            #expect(opus.headers[.contentType] == "audio/ogg; codecs=opus")
            let seconds = try #require(try AudioProbe.duration(of: opus.bodyBytes, extension: "opus"))
            #expect(abs(seconds - info.duration) < 0.1)

            let bad = try await client.post("/v1/audio/speech", text: #"{"input": "x", "response_format": "flac"}"#, contentType: "application/json")
            #expect(bad.status == .badRequest)
            #expect(bad.errorCode == "unsupported_format")
        }
    }
}
