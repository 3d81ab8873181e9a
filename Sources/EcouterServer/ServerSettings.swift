// SPDX-License-Identifier: GPL-3.0-or-later
public import Foundation
public import EcouterCore

/// Everything `ecouter serve` can be told. Each field is optional so that layers can be merged:
/// command-line flags win over `ECOUTER_*` environment variables, which win over the JSON config
/// file, which wins over ``ServerSettings/defaults``.
public struct ServerSettings: Sendable, Equatable, Codable {
    public var host: String?
    public var port: Int?
    /// Where rendered audio is kept (content-addressed files).
    public var cacheDirectory: String?
    /// The cache's size bound in bytes; least recently used articles are removed past it.
    public var cacheMaxBytes: Int?
    /// Syntheses that run at once (worker processes).
    public var jobs: Int?
    /// Syntheses that may wait for a worker; beyond it a POST gets 503 with Retry-After.
    public var queueLimit: Int?
    /// When set, every POST must carry `Authorization: Bearer TOKEN`.
    public var token: String?
    /// Origins allowed by CORS (exact `scheme://host[:port]`); empty means no CORS headers.
    public var corsOrigins: [String]?
    /// Request bodies larger than this get 413.
    public var maxBodyBytes: Int?
    /// Articles with more characters to speak than this get 413.
    public var maxTextCharacters: Int?
    /// Serves the demo page at `/`.
    public var development: Bool?
    /// Origins (`scheme://host[:port]`) that `{"url": ...}` may fetch from; none (the default) disables fetching.
    public var fetchOrigins: [String]?
    /// Lets fetches reach loopback, private and link-local addresses (off by default; tests use 127.0.0.1).
    public var fetchAllowPrivate: Bool?
    /// Largest page fetched, in bytes.
    public var fetchMaxBytes: Int?
    /// Time limit for a whole fetch, redirects included, in seconds.
    public var fetchTimeout: Double?

    public init(
        host: String? = nil, port: Int? = nil, cacheDirectory: String? = nil, cacheMaxBytes: Int? = nil,
        jobs: Int? = nil, queueLimit: Int? = nil, token: String? = nil, corsOrigins: [String]? = nil,
        maxBodyBytes: Int? = nil, maxTextCharacters: Int? = nil, development: Bool? = nil,
        fetchOrigins: [String]? = nil, fetchAllowPrivate: Bool? = nil, fetchMaxBytes: Int? = nil, fetchTimeout: Double? = nil
    ) {
        self.host = host
        self.port = port
        self.cacheDirectory = cacheDirectory
        self.cacheMaxBytes = cacheMaxBytes
        self.jobs = jobs
        self.queueLimit = queueLimit
        self.token = token
        self.corsOrigins = corsOrigins
        self.maxBodyBytes = maxBodyBytes
        self.maxTextCharacters = maxTextCharacters
        self.development = development
        self.fetchOrigins = fetchOrigins
        self.fetchAllowPrivate = fetchAllowPrivate
        self.fetchMaxBytes = fetchMaxBytes
        self.fetchTimeout = fetchTimeout
    }

    /// What an unconfigured server uses.
    public static let defaults = ServerSettings(
        host: "127.0.0.1", port: 8080, cacheDirectory: "ecouter-cache", cacheMaxBytes: 1 << 30, jobs: 2,
        queueLimit: 32, token: nil, corsOrigins: [], maxBodyBytes: 2 << 20, maxTextCharacters: 100_000,
        development: false, fetchOrigins: [], fetchAllowPrivate: false, fetchMaxBytes: 4 << 20, fetchTimeout: 15)

    /// `self`'s values where set, `other`'s elsewhere.
    public func over(_ other: ServerSettings) -> ServerSettings {
        ServerSettings(
            host: host ?? other.host, port: port ?? other.port, cacheDirectory: cacheDirectory ?? other.cacheDirectory,
            cacheMaxBytes: cacheMaxBytes ?? other.cacheMaxBytes, jobs: jobs ?? other.jobs,
            queueLimit: queueLimit ?? other.queueLimit, token: token ?? other.token,
            corsOrigins: corsOrigins ?? other.corsOrigins, maxBodyBytes: maxBodyBytes ?? other.maxBodyBytes,
            maxTextCharacters: maxTextCharacters ?? other.maxTextCharacters, development: development ?? other.development,
            fetchOrigins: fetchOrigins ?? other.fetchOrigins, fetchAllowPrivate: fetchAllowPrivate ?? other.fetchAllowPrivate,
            fetchMaxBytes: fetchMaxBytes ?? other.fetchMaxBytes, fetchTimeout: fetchTimeout ?? other.fetchTimeout)
    }

    /// Reads `ECOUTER_HOST`, `ECOUTER_PORT`, `ECOUTER_CACHE`, `ECOUTER_CACHE_MAX_BYTES`, `ECOUTER_JOBS`,
    /// `ECOUTER_QUEUE_LIMIT`, `ECOUTER_TOKEN`, `ECOUTER_CORS_ORIGINS` (comma-separated),
    /// `ECOUTER_MAX_BODY_BYTES`, `ECOUTER_MAX_TEXT_CHARACTERS`, `ECOUTER_DEVELOPMENT` (1/true),
    /// `ECOUTER_FETCH_ORIGINS` (comma-separated), `ECOUTER_FETCH_ALLOW_PRIVATE` (1/true).
    public static func fromEnvironment(_ env: [String: String]) throws(ServerSettingsError) -> ServerSettings {
        func int(_ key: String) throws(ServerSettingsError) -> Int? {
            guard let text = env[key], !text.isEmpty else { return nil }
            guard let value = Int(text) else { throw ServerSettingsError("\(key) must be a whole number, not \(text)") }
            return value
        }
        func list(_ key: String) -> [String]? {
            env[key].map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        }
        func flag(_ key: String) -> Bool? { env[key].map { ["1", "true", "yes"].contains($0.lowercased()) } }
        return ServerSettings(
            host: env["ECOUTER_HOST"].flatMap { $0.isEmpty ? nil : $0 }, port: try int("ECOUTER_PORT"),
            cacheDirectory: env["ECOUTER_CACHE"].flatMap { $0.isEmpty ? nil : $0 },
            cacheMaxBytes: try int("ECOUTER_CACHE_MAX_BYTES"), jobs: try int("ECOUTER_JOBS"),
            queueLimit: try int("ECOUTER_QUEUE_LIMIT"), token: env["ECOUTER_TOKEN"].flatMap { $0.isEmpty ? nil : $0 },
            corsOrigins: list("ECOUTER_CORS_ORIGINS"), maxBodyBytes: try int("ECOUTER_MAX_BODY_BYTES"),
            maxTextCharacters: try int("ECOUTER_MAX_TEXT_CHARACTERS"), development: flag("ECOUTER_DEVELOPMENT"),
            fetchOrigins: list("ECOUTER_FETCH_ORIGINS"), fetchAllowPrivate: flag("ECOUTER_FETCH_ALLOW_PRIVATE"))
    }

    /// Reads a JSON object with the same keys as this type (`host`, `port`, `cacheDirectory`, …).
    /// At most 64 KiB is read, so a device or a huge file is an error, not a hang.
    public static func fromFile(_ path: String) throws(ServerSettingsError) -> ServerSettings {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw ServerSettingsError("cannot read the config file \(path)") }
        defer { try? handle.close() }
        let data: Data
        do { data = try handle.read(upToCount: 64 << 10 + 1) ?? Data() } catch {
            throw ServerSettingsError("cannot read the config file \(path)")
        }
        guard data.count <= 64 << 10 else { throw ServerSettingsError("the config file \(path) is larger than 64 KiB") }
        do { return try JSONDecoder().decode(ServerSettings.self, from: data) } catch let DecodingError.typeMismatch(_, context) {
            throw ServerSettingsError("the config file \(path): key \(context.codingPath.map(\.stringValue).joined(separator: ".")) has the wrong type")
        } catch {
            throw ServerSettingsError("the config file \(path) is not a JSON object of settings")
        }
    }

    /// Every value present and in range, or a one-line error naming the setting.
    public func resolved() throws(ServerSettingsError) -> ResolvedServerSettings {
        let s = over(.defaults)
        guard let port = s.port, (0...65535).contains(port) else { throw ServerSettingsError("port must be 0–65535") }
        guard let jobs = s.jobs, (1...64).contains(jobs) else { throw ServerSettingsError("jobs must be 1–64") }
        guard let queue = s.queueLimit, queue >= 0 else { throw ServerSettingsError("queueLimit must be 0 or more") }
        guard let body = s.maxBodyBytes, body > 0 else { throw ServerSettingsError("maxBodyBytes must be positive") }
        guard let text = s.maxTextCharacters, text > 0 else { throw ServerSettingsError("maxTextCharacters must be positive") }
        guard let cacheBytes = s.cacheMaxBytes, cacheBytes > 0 else { throw ServerSettingsError("cacheMaxBytes must be positive") }
        guard let fetchBytes = s.fetchMaxBytes, fetchBytes > 0 else { throw ServerSettingsError("fetchMaxBytes must be positive") }
        guard let fetchTimeout = s.fetchTimeout, fetchTimeout > 0, fetchTimeout <= 300 else { throw ServerSettingsError("fetchTimeout must be 0–300 seconds") }
        return ResolvedServerSettings(
            host: s.host ?? "127.0.0.1", port: port, cacheDirectory: URL(fileURLWithPath: s.cacheDirectory ?? "ecouter-cache"),
            cacheMaxBytes: cacheBytes, jobs: jobs, queueLimit: queue, token: s.token, corsOrigins: s.corsOrigins ?? [],
            maxBodyBytes: body, maxTextCharacters: text, development: s.development ?? false,
            fetchOrigins: s.fetchOrigins ?? [], fetchAllowPrivate: s.fetchAllowPrivate ?? false, fetchMaxBytes: fetchBytes,
            fetchTimeout: fetchTimeout)
    }
}

/// Settings with every value decided.
public struct ResolvedServerSettings: Sendable {
    public var host: String
    public var port: Int
    public var cacheDirectory: URL
    public var cacheMaxBytes: Int
    public var jobs: Int
    public var queueLimit: Int
    public var token: String?
    public var corsOrigins: [String]
    public var maxBodyBytes: Int
    public var maxTextCharacters: Int
    public var development: Bool
    public var fetchOrigins: [String]
    public var fetchAllowPrivate: Bool
    public var fetchMaxBytes: Int
    public var fetchTimeout: Double
}

/// A setting that cannot be used, with a one-line message naming it.
public typealias ServerSettingsError = CodedError<ServerSettingsErrorDomain>

/// The codes of ``ServerSettingsError``.
public enum ServerSettingsErrorDomain {}

extension ErrorCode where Domain == ServerSettingsErrorDomain {
    /// A setting out of its range or not in its expected form.
    public static var invalid: Self { Self("invalid") }
}

extension CodedError where Domain == ServerSettingsErrorDomain {
    package init(_ message: String) { self.init(.invalid, message) }
}
