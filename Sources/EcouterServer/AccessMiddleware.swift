// SPDX-License-Identifier: GPL-3.0-or-later
import Hummingbird

/// With a token configured, every request that is not a read (GET, HEAD, OPTIONS) must carry
/// `Authorization: Bearer TOKEN`, or it gets 401. Reading cached audio stays open, so links work
/// in players and podcasts.
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        switch request.method {
        case .get, .head, .options: return try await next(request, context)
        default: break
        }
        let given = request.headers[.authorization] ?? ""
        guard given.hasPrefix("Bearer "), Self.constantTimeEqual(Array(given.utf8.dropFirst(7)), Array(token.utf8)) else {
            throw APIError(.unauthorized, "unauthorized", "this server needs `Authorization: Bearer TOKEN` for \(request.method.rawValue)", headers: [.wwwAuthenticate: "Bearer"])
        }
        return try await next(request, context)
    }

    /// Compares without stopping at the first difference, so timing does not tell how much was right.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: a.count ^ b.count)
        for i in 0..<max(a.count, b.count) {
            difference |= (i < a.count ? a[i] : 0) ^ (i < b.count ? b[i] : 0)
        }
        return difference == 0
    }
}

/// CORS for the configured origins only (the button runs on the newspaper's pages): their
/// requests get `Access-Control-Allow-Origin`, their preflights 204; other origins get nothing,
/// which the browser turns into a refusal.
struct AllowedOriginsMiddleware<Context: RequestContext>: RouterMiddleware {
    let origins: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let origin = request.headers[.origin], origins.contains(origin) || origins.contains("*") else {
            return try await next(request, context)
        }
        if request.method == .options, request.headers[.accessControlRequestMethod] != nil {
            return Response(status: .noContent, headers: [
                .accessControlAllowOrigin: origin, .vary: "Origin",
                .accessControlAllowMethods: "GET, HEAD, POST, OPTIONS",
                .accessControlAllowHeaders: "Authorization, Content-Type, Range, If-None-Match",
                .accessControlMaxAge: "86400",
            ])
        }
        var response: Response
        do { response = try await next(request, context) } catch let error as APIError {
            response = APIError.jsonResponse(status: error.status, code: error.code, message: error.message, headers: error.extraHeaders)
        }
        response.headers[.accessControlAllowOrigin] = origin
        response.headers[.vary] = "Origin"
        response.headers[.accessControlExposeHeaders] = "Content-Range, Content-Length, ETag, Location, Retry-After"
        return response
    }
}
