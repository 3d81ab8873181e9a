// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterAudio
import EcouterServer
import Foundation
import HummingbirdTesting
import Testing

@Suite("POST /v1/articles and the cached files", .serialized)
struct ArticleEndpointTests {
    @Test("POST text → 201 and audio in three formats that decode to the announced duration")
    func postThenDecode() async throws {
        try await ServerHarness.withServer { client in
            let made = try await client.post("/v1/articles", text: Texts.article("durée", sentences: 3))
            #expect(made.status == .created)
            let json = made.json
            let id = try #require(json["id"] as? String)
            let duration = try #require(json["duration"] as? Double)
            let audio = try #require(json["audio"] as? [String: String])
            #expect(audio["mp3"] == "/v1/articles/\(id).mp3")
            #expect(json["text"] as? String == "/v1/articles/\(id).txt")
            #expect(duration > 2)

            let wav = try await client.get(try #require(audio["wav"]))
            #expect(wav.headers[.contentType] == "audio/wav")
            let info = try WAVInfo(parsing: wav.bodyBytes)
            #expect(abs(info.duration - duration) < 0.01)

            let mp3 = try await client.get(try #require(audio["mp3"]))
            #expect(mp3.headers[.contentType] == "audio/mpeg")
            let mp3Seconds = try #require(try AudioProbe.duration(of: mp3.bodyBytes, extension: "mp3"))
            #expect(abs(mp3Seconds - duration) < 0.15)

            let opus = try await client.get(try #require(audio["opus"]))
            #expect(try AudioProbe.codec(of: opus.bodyBytes, extension: "opus") == "opus")
            let opusSeconds = try #require(try AudioProbe.duration(of: opus.bodyBytes, extension: "opus"))
            #expect(abs(opusSeconds - duration) < 0.1)

            let text = try await client.get("/v1/articles/\(id).txt")
            #expect(text.bodyText.contains("conseil municipal"))
        }
    }

    @Test("the answer links the word and sentence timings: JSON with the article's words, and WebVTT")
    func timingsAreServed() async throws {
        try await ServerHarness.withServer { client in
            let made = try await client.post("/v1/articles", text: Texts.article("minutage", sentences: 2))
            let json = made.json
            let id = try #require(json["id"] as? String)
            let duration = try #require(json["duration"] as? Double)
            #expect(json["timings"] as? String == "/v1/articles/\(id).json")
            #expect(json["vtt"] as? String == "/v1/articles/\(id).vtt")

            let timings = try await client.get("/v1/articles/\(id).json")
            #expect(timings.headers[.contentType] == "application/json")
            let decoded = try #require(try JSONSerialization.jsonObject(with: Data(timings.bodyBytes)) as? [String: Any])
            let articleText = try #require(decoded["text"] as? String)
            let sentences = try #require(decoded["sentences"] as? [[String: Any]])
            #expect(articleText.contains("conseil municipal"))
            #expect(sentences.count >= 2)
            let last = try #require(sentences.last?["end"] as? Double)
            #expect(abs(last - duration) < 0.1, "last cue ends at \(last) s, audio lasts \(duration) s")
            let words = sentences.flatMap { $0["words"] as? [[String: Any]] ?? [] }
            #expect(words.contains { $0["written"] as? String == "conseil" })

            let vtt = try await client.get("/v1/articles/\(id).vtt")
            #expect(vtt.headers[.contentType] == "text/vtt; charset=utf-8")
            #expect(vtt.bodyText.hasPrefix("WEBVTT"))
            #expect(vtt.bodyText.contains(" --> "))
            #expect(vtt.headers[.eTag] == "\"\(id).vtt\"")
        }
    }

    @Test("the same POST again is a cache hit: 200, same id and ETag, no second synthesis")
    func secondPostIsCacheHit() async throws {
        try await ServerHarness.withServer { client in
            let article = Texts.article("cache")
            let first = try await client.post("/v1/articles", text: article)
            #expect(first.status == .created)
            let id = try #require(first.json["id"] as? String)
            let firstTag = try await client.get("/v1/articles/\(id).mp3").headers[.eTag]
            #expect(try await client.metric("ecouter_syntheses_total") == 1)

            let second = try await client.post("/v1/articles", text: article)
            #expect(second.status == .ok)
            #expect(second.json["id"] as? String == id)
            let secondFile = try await client.get("/v1/articles/\(id).mp3")
            #expect(secondFile.headers[.eTag] == firstTag)
            #expect(secondFile.headers[.cacheControl] == "public, max-age=31536000, immutable")
            #expect(try await client.metric("ecouter_syntheses_total") == 1)
            #expect(try await client.metric("ecouter_cache_hits_total") == 1)

            // Another voice is another rendering.
            let belgian = try await client.post("/v1/articles?voice=fr-BE", text: article)
            #expect(belgian.status == .created)
            #expect(belgian.json["id"] as? String != id)
        }
    }

    @Test("Range gives exactly the bytes asked for; past the end is 416; If-None-Match is 304")
    func rangesAndConditionalGets() async throws {
        try await ServerHarness.withServer { client in
            let made = try await client.post("/v1/articles", text: Texts.article("plages"))
            let id = try #require(made.json["id"] as? String)
            let uri = "/v1/articles/\(id).mp3"
            let whole = try await client.get(uri)
            let bytes = whole.bodyBytes
            #expect(whole.headers[.acceptRanges] == "bytes")
            #expect(bytes.count > 1000)

            let middle = try await client.get(uri, headers: [.range: "bytes=100-199"])
            #expect(middle.status == .partialContent)
            #expect(middle.bodyBytes == Array(bytes[100...199]))
            #expect(middle.headers[.contentRange] == "bytes 100-199/\(bytes.count)")

            let tail = try await client.get(uri, headers: [.range: "bytes=-10"])
            #expect(tail.bodyBytes == Array(bytes[(bytes.count - 10)...]))
            let open = try await client.get(uri, headers: [.range: "bytes=\(bytes.count - 3)-"])
            #expect(open.bodyBytes == Array(bytes[(bytes.count - 3)...]))

            let past = try await client.get(uri, headers: [.range: "bytes=\(bytes.count)-"])
            #expect(past.status == .rangeNotSatisfiable)
            #expect(past.headers[.contentRange] == "bytes */\(bytes.count)")
            #expect(past.errorCode == "range_not_satisfiable")

            let tag = try #require(whole.headers[.eTag])
            let cached = try await client.get(uri, headers: [.ifNoneMatch: tag])
            #expect(cached.status == .notModified)
            #expect(cached.bodyBytes.isEmpty)
            let other = try await client.get(uri, headers: [.ifNoneMatch: "\"something-else\""])
            #expect(other.status == .ok)
        }
    }

    @Test("HTML and JSON bodies are read; an unknown id or format is a JSON 404")
    func bodiesAndMissingFiles() async throws {
        try await ServerHarness.withServer { client in
            let html = "<html><body><article><h1>Titre</h1><p>Le texte de l'article, assez long pour être lu.</p></article></body></html>"
            let fromHTML = try await client.post("/v1/articles", text: html, contentType: "text/html")
            #expect(fromHTML.status == .created)
            let fromJSON = try await client.post(
                "/v1/articles", text: #"{"html": "\#(html.replacingOccurrences(of: "\"", with: "\\\""))"}"#, contentType: "application/json")
            #expect(fromJSON.status == .ok)
            #expect(fromJSON.json["id"] as? String == fromHTML.json["id"] as? String)

            let missing = try await client.get("/v1/articles/0123456789abcdef0123456789abcdef.mp3")
            #expect(missing.status == .notFound)
            #expect(missing.errorCode == "not_found")
            let badFormat = try await client.get("/v1/articles/\(fromHTML.json["id"] as? String ?? "").flac")
            #expect(badFormat.status == .notFound)
            let nowhere = try await client.get("/nowhere")
            #expect(nowhere.status == .notFound)
            #expect(nowhere.errorCode == "not_found")
        }
    }
}
