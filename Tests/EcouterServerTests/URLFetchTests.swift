// SPDX-License-Identifier: GPL-3.0-or-later
@testable import EcouterServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Fetching articles by URL", .serialized)
struct URLFetchTests {
    /// A news site on 127.0.0.1: an article, and a redirect to the same article under another origin.
    static func withOrigin(_ body: @escaping @Sendable (Int) async throws -> Void) async throws {
        let router = Router()
        router.get("/article") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: "<html><body><article><h1>Une page distante</h1><p>Le texte de l'article récupéré par adresse.</p></article></body></html>")))
        }
        router.get("/to-loopback") { request, _ in
            let port = request.head.authority?.split(separator: ":").last ?? ""
            return Response(status: .found, headers: [.location: "http://127.0.0.1:\(port)/article"])
        }
        router.get("/big") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html"], body: ResponseBody(byteBuffer: ByteBuffer(repeating: 0x61, count: 200_000)))
        }
        try await Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0))).test(.live) { client in
            try await body(try #require(client.port))
        }
    }

    @Test("an allowed origin is fetched; a redirect to an origin outside the allowlist (127.0.0.1) is refused")
    func allowlistAndRedirects() async throws {
        try await Self.withOrigin { port in
            let settings = ServerSettings(fetchOrigins: ["http://localhost:\(port)"], fetchAllowPrivate: true, fetchMaxBytes: 100_000)
            try await ServerHarness.withServer(settings) { client in
                let fetched = try await client.post("/v1/articles", text: #"{"url": "http://localhost:\#(port)/article"}"#, contentType: "application/json")
                #expect(fetched.status == .created)
                let id = try #require(fetched.json["id"] as? String)
                #expect(try await client.get("/v1/articles/\(id).txt").bodyText.contains("récupéré"))

                let redirected = try await client.post("/v1/articles", text: #"{"url": "http://localhost:\#(port)/to-loopback"}"#, contentType: "application/json")
                #expect(redirected.status == .forbidden)
                #expect(redirected.errorCode == "url_not_allowed")

                let other = try await client.post("/v1/articles", text: #"{"url": "http://127.0.0.1:\#(port)/article"}"#, contentType: "application/json")
                #expect(other.errorCode == "url_not_allowed")
                let big = try await client.post("/v1/articles", text: #"{"url": "http://localhost:\#(port)/big"}"#, contentType: "application/json")
                #expect(big.status == .contentTooLarge)
            }
        }
    }

    @Test("loopback is refused unless private addresses are allowed, even for an allowed origin")
    func loopbackRefused() async throws {
        try await Self.withOrigin { port in
            try await ServerHarness.withServer(ServerSettings(fetchOrigins: ["http://127.0.0.1:\(port)"])) { client in
                let refused = try await client.post("/v1/articles", text: #"{"url": "http://127.0.0.1:\#(port)/article"}"#, contentType: "application/json")
                #expect(refused.status == .forbidden)
                #expect(refused.errorCode == "url_not_allowed")
                #expect(refused.bodyText.contains("non-public"))
            }
        }
    }

    @Test("address policy: loopback, private, link-local, CGNAT, ULA, mapped IPv4 are not public")
    func addressPolicy() {
        for blocked: [UInt8] in [[127, 0, 0, 1], [10, 1, 2, 3], [172, 16, 0, 1], [192, 168, 1, 1], [169, 254, 169, 254], [100, 64, 0, 1], [0, 0, 0, 0], [224, 0, 0, 1]] {
            #expect(!AddressPolicy.isPublic(blocked), "\(blocked)")
        }
        #expect(AddressPolicy.isPublic([93, 184, 216, 34]))
        #expect(AddressPolicy.isPublic([172, 32, 0, 1]))
        let loopback6 = [UInt8](repeating: 0, count: 15) + [1]
        #expect(!AddressPolicy.isPublic(loopback6))
        #expect(!AddressPolicy.isPublic([0xFE, 0x80] + [UInt8](repeating: 0, count: 14)))
        #expect(!AddressPolicy.isPublic([0xFD, 0x00] + [UInt8](repeating: 0, count: 14)))
        let mapped = [UInt8](repeating: 0, count: 10) + [0xFF, 0xFF, 127, 0, 0, 1]
        #expect(!AddressPolicy.isPublic(mapped))
        #expect(AddressPolicy.isPublic([0x2A, 0x00, 0x14, 0x50] + [UInt8](repeating: 0, count: 12)))
    }
}
