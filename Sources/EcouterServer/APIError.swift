// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Hummingbird

/// A failure answered as `{"error": {"code": "...", "message": "..."}}` with an HTTP status.
/// Messages are one line and never carry a path or a stack trace.
struct APIError: Error, HTTPResponseError {
    var status: HTTPResponse.Status
    var code: String
    var message: String
    var extraHeaders: HTTPFields = [:]

    init(_ status: HTTPResponse.Status, _ code: String, _ message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message.replacingOccurrences(of: "\n", with: " ")
        self.extraHeaders = headers
    }

    var headers: HTTPFields { extraHeaders }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Self.jsonResponse(status: status, code: code, message: message, headers: extraHeaders)
    }

    static func jsonResponse(status: HTTPResponse.Status, code: String, message: String, headers: HTTPFields = [:]) -> Response {
        struct Body: Encodable { struct Inner: Encodable { var code: String; var message: String }; var error: Inner }
        let data = (try? JSONEncoder().encode(Body(error: .init(code: code, message: message)))) ?? Data("{}".utf8)
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// Turns every error that escapes a route (Hummingbird's own 404/405/413 included) into the JSON shape.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let isPreflight = request.method == .options && request.headers[.accessControlRequestMethod] != nil
        if !isPreflight, let allowed = Self.allowedMethods(for: request.uri.path), !allowed.contains(request.method) {
            let list = allowed.map(\.rawValue).joined(separator: ", ")
            return APIError.jsonResponse(
                status: .methodNotAllowed, code: "method_not_allowed", message: "\(request.method.rawValue) is not served here; use \(list)",
                headers: [.allow: list])
        }
        do {
            let response = try await next(request, context)
            return response
        } catch let error as APIError {
            return APIError.jsonResponse(status: error.status, code: error.code, message: error.message, headers: error.extraHeaders)
        } catch let error as HTTPError {
            let code = Self.code(for: error.status)
            var headers = error.headers
            headers[.contentType] = nil
            return APIError.jsonResponse(status: error.status, code: code, message: error.body ?? error.status.reasonPhrase, headers: headers)
        } catch {
            context.logger.error("unexpected failure", metadata: ["error": "\(error)"])
            return APIError.jsonResponse(status: .internalServerError, code: "internal", message: "internal error")
        }
    }

    /// The routes' methods by path, so that a known path asked with another method gets 405, not 404.
    /// (CORS preflights are answered before this, by the CORS middleware, for allowed origins.)
    static func allowedMethods(for path: String) -> [HTTPRequest.Method]? {
        switch path {
        case "/v1/articles", "/v1/audio/speech": return [.post]
        case "/v1/voices", "/healthz", "/metrics", "/player.js", "/": return [.get]
        default: return path.hasPrefix("/v1/articles/") ? [.get, .head] : nil
        }
    }

    static func code(for status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "not_found"
        case .methodNotAllowed: "method_not_allowed"
        case .contentTooLarge: "too_large"
        case .badRequest: "bad_request"
        case .unauthorized: "unauthorized"
        default: "http_\(status.code)"
        }
    }
}
