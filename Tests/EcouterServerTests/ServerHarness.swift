// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterServer
import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import NIOCore
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A real server on 127.0.0.1 (HummingbirdTesting's live mode: a socket, a real HTTP client),
/// synthesizing in real `ecouter feed-worker` processes, with a fresh cache folder.
struct ServerHarness {
    /// The built `ecouter` binary (this test target depends on it, so SwiftPM builds it beside the tests).
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["ECOUTER_BINARY"] { return URL(fileURLWithPath: path) }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("ecouter")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/ecouter")
    }()

    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = 64
        configuration.timeoutIntervalForRequest = 300
        return URLSession(configuration: configuration)
    }()

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
    /// POSTs through URLSession on its own connection: HummingbirdTesting's live client gives up
    /// after 20 s, and a synthesis can take longer when the whole suite shares two cores.
    func post(_ uri: String, text: String, contentType: String = "text/plain", headers: HTTPFields = [:]) async throws -> PostResponse {
        guard let port else { throw URLError(.badURL) }
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(uri)")!)
        request.httpMethod = "POST"
        request.timeoutInterval = 300
        request.httpBody = Data(text.utf8)
        for field in headers { request.setValue(field.value, forHTTPHeaderField: field.name.rawName) }
        request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        let (data, response) = try await ServerHarness.session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        var fields = HTTPFields()
        for (key, value) in http.allHeaderFields {
            if let name = HTTPField.Name(String(describing: key)) { fields[name] = String(describing: value) }
        }
        return PostResponse(status: .init(code: http.statusCode), headers: fields, bodyBytes: [UInt8](data))
    }

    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await executeRequest(uri: uri, method: .get, headers: headers, body: nil)
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

/// A POST's answer, as read by URLSession.
struct PostResponse {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var bodyBytes: [UInt8]
}

protocol ReadableResponse {
    var bodyBytes: [UInt8] { get }
}

extension PostResponse: ReadableResponse {}

extension TestResponse: ReadableResponse {
    var bodyBytes: [UInt8] { Array(buffer: body) }
}

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
