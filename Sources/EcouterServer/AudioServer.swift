// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
public import Hummingbird
public import Logging
import ServiceLifecycle

/// `ecouter serve`: the HTTP service behind the « Écouter l'article » button.
///
/// ```swift
/// let server = try AudioServer(settings: try ServerSettings(port: 8080).resolved(),
///                              synthesis: SynthesisAdapter(mode: .workers(executable: ecouterBinary)))
/// try await server.run()   // until SIGTERM or SIGINT; requests under way complete first
/// ```
public struct AudioServer: Sendable {
    public let settings: ResolvedServerSettings
    let synthesis: SynthesisAdapter
    let metrics = ServerMetrics()
    let cache: AudioCache
    let scheduler: RenderScheduler
    let logger: Logger

    /// - Throws: ``ServerSettingsError`` when the cache folder cannot be made.
    public init(settings: ResolvedServerSettings, synthesis: SynthesisAdapter, logger: Logger = Logger(label: "ecouter.serve")) throws(ServerSettingsError) {
        self.settings = settings
        self.synthesis = synthesis
        self.logger = logger
        do { cache = try AudioCache(directory: settings.cacheDirectory, maxBytes: settings.cacheMaxBytes) } catch {
            throw ServerSettingsError(error.message)
        }
        scheduler = RenderScheduler(jobs: settings.jobs, queueLimit: settings.queueLimit, metrics: metrics)
    }

    /// The Hummingbird application (tests run it with HummingbirdTesting).
    /// - Parameter onListening: called with the bound port once the server accepts connections.
    public func application(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let router = Router(context: ServerContext.self)
        router.add(middleware: MetricsRecordingMiddleware(metrics: metrics))
        router.add(middleware: LogRequestsMiddleware(.info))
        router.add(middleware: JSONErrorMiddleware())
        if !settings.corsOrigins.isEmpty { router.add(middleware: AllowedOriginsMiddleware(origins: Set(settings.corsOrigins))) }
        if let token = settings.token { router.add(middleware: BearerTokenMiddleware(token: token)) }
        let service = ArticleService(
            cache: cache, scheduler: scheduler, synthesis: synthesis, metrics: metrics, maxTextCharacters: settings.maxTextCharacters)
        let fetcher = ArticleFetcher(
            allowedOrigins: Set(settings.fetchOrigins), allowPrivateAddresses: settings.fetchAllowPrivate,
            maxBytes: settings.fetchMaxBytes, timeout: settings.fetchTimeout)
        ArticleRoutes(service: service, maxBodyBytes: settings.maxBodyBytes, fetcher: fetcher).register(on: router)
        SpeechRoute(
            synthesis: synthesis, gate: StreamGate(limit: settings.jobs + settings.queueLimit), metrics: metrics,
            maxBodyBytes: settings.maxBodyBytes, maxTextCharacters: settings.maxTextCharacters
        ).register(on: router)
        InfoRoutes(metrics: metrics, scheduler: scheduler, cache: cache, development: settings.development).register(on: router)
        return Application(
            router: router,
            server: .http1(configuration: .init(additionalChannelHandlers: [HangUpHandler()])),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "ecouter"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// Serves until SIGTERM or SIGINT, then stops accepting, lets requests under way finish, and returns.
    public func run(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let app = application(onListening: onListening)
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        await synthesis.shutdown()
    }
}
