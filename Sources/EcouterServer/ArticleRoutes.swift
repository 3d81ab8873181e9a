// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Hummingbird

/// `POST /v1/articles` (make or find an article's audio) and `GET /v1/articles/{id}.{format}`.
struct ArticleRoutes: Sendable {
    let service: ArticleService
    let maxBodyBytes: Int
    let fetcher: ArticleFetcher

    func register(on router: Router<ServerContext>) {
        router.post("/v1/articles") { request, context in try await self.create(request, context: context) }
        router.get("/v1/articles/:file") { request, context in try await self.file(request, context: context, head: false) }
        router.head("/v1/articles/:file") { request, context in try await self.file(request, context: context, head: true) }
    }

    private struct Created: Encodable {
        struct Audio: Encodable { var mp3, opus, wav: String }
        var id: String
        var duration: Double
        var audio: Audio
        var text: String
        /// The word and sentence timings (JSON) and the same as WebVTT.
        var timings: String
        var vtt: String
    }

    private func create(_ request: Request, context: ServerContext) async throws -> Response {
        let contentType = request.headers[.contentType]
        let query = request.queryDictionary
        let declared = request.headers[.contentLength]
        let bytes = try await request.body.collect(limit: maxBodyBytes, declaredLength: declared)
        let input = try await ArticleInput.decode(body: bytes, contentType: contentType, query: query, fetcher: fetcher)
        // A client that hangs up leaves its rendering; the rendering stops when nobody else waits
        // for it (RenderScheduler).
        let hangUp = await context.hangUp()
        let service = self.service
        let outcome: ArticleService.Outcome
        do {
            outcome = try await hangUp.cancellingOnHangUp { try await service.audio(for: input.article, voice: input.voice) }
        } catch is CancellationError where hangUp.hasFired {
            service.metrics.hangUps.increment()
            throw CancellationError()
        }
        let id = outcome.entry.id
        let base = "/v1/articles/\(id)"
        let created = Created(
            id: id, duration: (outcome.entry.duration * 1000).rounded() / 1000,
            audio: .init(mp3: base + ".mp3", opus: base + ".opus", wav: base + ".wav"), text: base + ".txt",
            timings: base + ".json", vtt: base + ".vtt")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8", .location: base + ".mp3"]
        headers[.cacheControl] = "no-store"
        return Response(
            status: outcome.created ? .created : .ok, headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: try encoder.encode(created))))
    }

    private static let contentTypes = [
        "mp3": "audio/mpeg", "opus": "audio/ogg; codecs=opus", "wav": "audio/wav", "txt": "text/plain; charset=utf-8",
        "vtt": "text/vtt; charset=utf-8", "json": "application/json",
    ]

    /// The cache file behind a URL's extension (the JSON timings are not stored as `.json`).
    private static func cacheFormat(_ extension: String) -> String {
        `extension` == "json" ? AudioCache.timingsJSON : `extension`
    }

    private func file(_ request: Request, context: ServerContext, head: Bool) async throws -> Response {
        let name = context.parameters.get("file") ?? ""
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, ContentID.isValid(parts[0]), let type = Self.contentTypes[String(parts[1])] else {
            throw APIError(.notFound, "not_found", "no such article file; ids are 32 hex digits, formats mp3, opus, wav, txt, vtt, json")
        }
        let id = String(parts[0]), format = String(parts[1])
        guard let contents = service.cache.contents(of: id, format: Self.cacheFormat(format)) else {
            throw APIError(.notFound, "not_found", "no article \(id) in the cache (it may have been evicted: POST it again)")
        }
        return try StaticFile.respond(to: request, contents: contents, contentType: type, etag: "\"\(id).\(format)\"", head: head)
    }
}
