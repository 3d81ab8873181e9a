// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import Foundation
import Hummingbird

/// `GET /v1/voices`, `/healthz`, `/metrics`, `/player.js`, and the demo page at `/` in development mode.
struct InfoRoutes: Sendable {
    let metrics: ServerMetrics
    let scheduler: RenderScheduler
    let cache: AudioCache
    let development: Bool

    func register(on router: Router<ServerContext>) {
        router.get("/v1/voices") { _, _ in
            struct Voice: Encodable { var id, description, region: String; var rate: Int }
            let voices = VoicePreset.builtIn.map { Voice(id: $0.name, description: $0.description, region: $0.region.rawValue, rate: $0.rate) }
            return try Self.json(["voices": voices])
        }
        router.get("/healthz") { _, _ in
            try Self.json(["status": "ok"])
        }
        router.get("/metrics") { _, _ in
            metrics.queueLength.set(Double(await scheduler.queueLength))
            let text = metrics.registry.emitToBuffer()
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: text)))
        }
        router.get("/player.js") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "public, max-age=3600"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: Self.playerScript)))
        }
        if development {
            router.get("/") { _, _ in
                Response(
                    status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: Self.demoPage)))
            }
        }
    }

    static func json(_ value: some Encodable) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }

    static let playerScript = resource("player.js")
    static let demoPage = resource("demo.html")

    /// A file of this target's Resources folder.
    static func resource(_ name: String) -> [UInt8] {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil),
            let data = FileManager.default.contents(atPath: url.path)
        else { return [] }
        return [UInt8](data)
    }
}
