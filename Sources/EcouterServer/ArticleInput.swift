// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import Foundation
import Hummingbird

/// What a POST asks to be read, decoded from its body by content type:
/// `text/plain` (page text), `text/html` (a page or a fragment), or `application/json`
/// `{"text"|"html"|"url": ..., "voice": ..., "rate": ...}`. For the first two, `voice` and `rate`
/// come from the query string.
struct ArticleInput: Sendable {
    var article: Article
    var voice: VoiceChoice

    private struct JSONBody: Decodable {
        var text: String?
        var html: String?
        var url: String?
        var voice: String?
        var rate: Int?
    }

    static func decode(body: ByteBuffer, contentType: String?, query: [String: String], fetcher: ArticleFetcher) async throws(APIError) -> ArticleInput {
        let bytes = Array(buffer: body)
        let type = (contentType ?? "text/plain").split(separator: ";")[0].trimmingCharacters(in: .whitespaces).lowercased()
        // Checked whatever the body: a bad query is an error even when the JSON names its own voice.
        let rate: Int?
        if let text = query["rate"] {
            guard let value = Int(text) else { throw APIError(.badRequest, "bad_rate", "rate must be a whole number") }
            rate = value
        } else {
            rate = nil
        }
        let queryVoice = try VoiceChoice(voice: query["voice"], rate: rate)
        switch type {
        case "application/json":
            let json: JSONBody
            do { json = try JSONDecoder().decode(JSONBody.self, from: Data(bytes)) } catch {
                throw APIError(.badRequest, "bad_json", "the body is not a JSON object with text, html or url")
            }
            let given = [json.text, json.html, json.url].compactMap { $0 }
            guard given.count == 1 else {
                throw APIError(.badRequest, "bad_json", "give exactly one of text, html or url")
            }
            let voice = json.voice == nil && json.rate == nil ? queryVoice : try VoiceChoice(voice: json.voice, rate: json.rate)
            if let url = json.url {
                let page = try await fetcher.fetch(url)
                return ArticleInput(article: try article(page.bytes, format: page.isHTML ? .html : .text, voice: voice), voice: voice)
            }
            if let html = json.html {
                return ArticleInput(article: try article(Array(html.utf8), format: .html, voice: voice), voice: voice)
            }
            return ArticleInput(article: try article(Array((json.text ?? "").utf8), format: .text, voice: voice), voice: voice)
        case "text/plain", "text/html":
            let voice = queryVoice
            return ArticleInput(article: try article(bytes, format: type == "text/html" ? .html : .text, voice: voice), voice: voice)
        default:
            throw APIError(.unsupportedMediaType, "unsupported_media_type", "send text/plain, text/html or application/json")
        }
    }

    private static func article(_ bytes: [UInt8], format: InputFormat, voice: VoiceChoice) throws(APIError) -> Article {
        do { return try ArticleReader(options: voice.readingOptions).article(from: bytes, format: format) } catch {
            throw APIError(.badRequest, "bad_input", error.message)
        }
    }
}
