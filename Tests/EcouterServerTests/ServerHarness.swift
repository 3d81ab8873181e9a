// SPDX-License-Identifier: GPL-3.0-or-later
import AsyncHTTPClient
import EcouterServer
import EcouterTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import NIOCore
import NIOHTTP1

/// A real server on 127.0.0.1 (HummingbirdTesting's live mode: a socket, a real HTTP client),
/// synthesizing in real `ecouter feed-worker` processes, with a fresh cache folder.
struct ServerHarness {
    /// The built `ecouter` (see ``BuiltCommand``).
    static var binary: URL { BuiltCommand.url }

    /// The tests' own HTTP client (AsyncHTTPClient: FoundationNetworking's URLSession can trap
    /// inside itself on Linux), 64 connections a host so that concurrent requests really are.
    /// Never shut down: it lives as long as the test process.
    static let client = HTTPClient(
        eventLoopGroupProvider: .singleton,
        configuration: HTTPClient.Configuration(
            connectionPool: .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 64)))

    /// `method` on `http://127.0.0.1:port/path`, on a connection of the tests' client: status,
    /// headers and the whole body.
    static func send(
        port: Int, _ path: String, method: HTTPMethod = .GET, body: [UInt8]? = nil, headers: [(String, String)] = [],
        timeout: TimeAmount = .seconds(300)
    ) async throws -> (status: Int, headers: HTTPHeaders, body: [UInt8]) {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = method
        for (name, value) in headers { request.headers.replaceOrAdd(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await client.execute(request, timeout: timeout)
        let bytes = try await response.body.collect(upTo: 256 << 20)
        return (Int(response.status.code), response.headers, Array(buffer: bytes))
    }

    struct NoPort: Error {}

    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ecouter-server-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs `body` against a live server made with `settings` (port 0, a new cache unless given).
    static func withServer<T>(
        _ settings: ServerSettings = ServerSettings(), _ body: @escaping @Sendable (any TestClientProtocol) async throws -> T
    ) async throws -> T {
        let cache = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: cache) }
        var s = settings
        s.port = 0
        s.cacheDirectory = s.cacheDirectory ?? cache.path
        let server = try AudioServer(settings: try s.resolved(), synthesis: SynthesisAdapter(mode: .workers(executable: binary)))
        return try await server.application().test(.live) { client in try await body(client) }
    }
}

extension TestClientProtocol {
    /// A request on a connection of the tests' own client. Not HummingbirdTesting's live client:
    /// it gives up after 20 s, and when the whole suite shares two cores an answer (a synthesis,
    /// or just a turn on the busy cooperative pool) can take longer.
    func send(_ uri: String, method: HTTPMethod, headers: HTTPFields = [:], body: [UInt8]? = nil) async throws -> LiveResponse {
        guard let port else { throw ServerHarness.NoPort() }
        let answer = try await ServerHarness.send(port: port, uri, method: method, body: body, headers: headers.map { ($0.name.rawName, $0.value) })
        var received = HTTPFields()
        for header in answer.headers {
            if let name = HTTPField.Name(header.name) { received.append(HTTPField(name: name, value: header.value)) }
        }
        return LiveResponse(status: .init(code: answer.status), headers: received, bodyBytes: answer.body)
    }

    func post(_ uri: String, text: String, contentType: String = "text/plain", headers: HTTPFields = [:]) async throws -> LiveResponse {
        var fields = headers
        fields[.contentType] = contentType
        return try await send(uri, method: .POST, headers: fields, body: Array(text.utf8))
    }

    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> LiveResponse {
        try await send(uri, method: .GET, headers: headers)
    }

    /// A counter's value from `/metrics`, 0 when absent.
    func metric(_ name: String) async throws -> Double {
        let text = try await get("/metrics").bodyText
        for line in text.split(separator: "\n") where line.hasPrefix(name + " ") {
            return Double(line.split(separator: " ").last ?? "") ?? -1
        }
        return 0
    }
}

/// An answer, as read by the tests' client.
struct LiveResponse {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var bodyBytes: [UInt8]
}

protocol ReadableResponse {
    var bodyBytes: [UInt8] { get }
}

extension LiveResponse: ReadableResponse {}

extension ReadableResponse {
    var bodyText: String { String(decoding: bodyBytes, as: UTF8.self) }

    /// The JSON body as a dictionary.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(bodyBytes)) as? [String: Any]) ?? [:]
    }

    var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String }
}

/// Article texts: distinct per test (content-addressed cache), long enough to time.
enum Texts {
    static func article(_ tag: String, sentences: Int = 2) -> String {
        let base = [
            "Le conseil municipal s'est réuni mardi soir pour voter le budget.",
            "La séance a duré plus de trois heures.",
            "Les élus ont adopté le projet à une large majorité.",
            "Le maire a salué un travail collectif.",
        ]
        return "Article \(tag).\n\n" + (0..<sentences).map { base[$0 % base.count] }.joined(separator: " ")
    }
}
