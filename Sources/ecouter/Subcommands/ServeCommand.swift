// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import EcouterServer
import Foundation

/// `ecouter serve`: the HTTP service (see docs/server.md). Settings: flags win over `ECOUTER_*`
/// environment variables, which win over `--config FILE` (JSON), which wins over the defaults.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve articles' audio over HTTP (the « Écouter l'article » button's server).",
        discussion: """
            POST /v1/articles with text, HTML or JSON gives the article's MP3, Ogg Opus and WAV URLs \
            (cached by content); POST /v1/audio/speech streams audio (OpenAI-compatible); \
            GET /v1/voices, /healthz, /metrics, /player.js. SIGTERM or SIGINT: requests under way \
            complete, then exit 0.

            Settings: flags > ECOUTER_* environment variables > --config FILE (JSON) > defaults.

            Example:
              ecouter serve --port 8080 --cache /var/cache/ecouter
              curl -s -H 'Content-Type: text/plain' --data-binary @article.txt localhost:8080/v1/articles
            """)

    @Option(help: "Address to listen on (default 127.0.0.1; env ECOUTER_HOST).") var host: String?
    @Option(help: "Port (default 8080, 0 picks a free one; env ECOUTER_PORT).") var port: Int?
    @Option(help: ArgumentHelp("Cache folder (default ./ecouter-cache; env ECOUTER_CACHE).", valueName: "dir")) var cache: String?
    @Option(help: ArgumentHelp("Cache size bound in MiB (default 1024; env ECOUTER_CACHE_MAX_BYTES in bytes).", valueName: "MiB")) var cacheSize: Int?
    @Option(help: "Syntheses at once, one worker process each (default 2; env ECOUTER_JOBS).") var jobs: Int?
    @Option(help: "Syntheses that may wait; more get 503 (default 32; env ECOUTER_QUEUE_LIMIT).") var queue: Int?
    @Option(help: ArgumentHelp("A JSON settings file (keys as in docs/server.md).", valueName: "file")) var config: String?
    @Option(help: ArgumentHelp("Allow a CORS origin (repeatable; env ECOUTER_CORS_ORIGINS, comma-separated).", valueName: "origin")) var corsOrigin: [String] = []
    @Option(help: ArgumentHelp("Largest request body in KiB (default 2048; env ECOUTER_MAX_BODY_BYTES in bytes).", valueName: "KiB")) var maxBody: Int?
    @Option(help: ArgumentHelp("Most characters to speak per article (default 100000; env ECOUTER_MAX_TEXT_CHARACTERS).", valueName: "n")) var maxText: Int?
    @Flag(help: "Serve the button's demo page at / (env ECOUTER_DEVELOPMENT=1).") var development = false
    @Option(help: ArgumentHelp("Let {\"url\"} fetch from this origin, scheme://host[:port] (repeatable; env ECOUTER_FETCH_ORIGINS).", valueName: "origin")) var fetchOrigin: [String] = []
    @Flag(help: "Let fetches reach loopback and private addresses (env ECOUTER_FETCH_ALLOW_PRIVATE=1).") var fetchAllowPrivate = false

    func run() async throws {
        // The token is read from the environment or the file only: a flag would show in `ps`.
        let flags = ServerSettings(
            host: host, port: port, cacheDirectory: cache, cacheMaxBytes: cacheSize.map { $0 << 20 }, jobs: jobs,
            queueLimit: queue, corsOrigins: corsOrigin.isEmpty ? nil : corsOrigin, maxBodyBytes: maxBody.map { $0 << 10 },
            maxTextCharacters: maxText, development: development ? true : nil,
            fetchOrigins: fetchOrigin.isEmpty ? nil : fetchOrigin, fetchAllowPrivate: fetchAllowPrivate ? true : nil)
        let settings: ResolvedServerSettings
        do {
            let file = try config.map { path throws(ServerSettingsError) in try ServerSettings.fromFile(path) } ?? ServerSettings()
            let environment = try ServerSettings.fromEnvironment(ProcessInfo.processInfo.environment)
            settings = try flags.over(environment).over(file).resolved()
        } catch {
            printError(error.message)
            throw ExitCode(ExitStatus.usage)
        }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let server: AudioServer
        do { server = try AudioServer(settings: settings, synthesis: SynthesisAdapter(mode: .workers(executable: executable))) } catch {
            printError(error.message)
            throw ExitCode(ExitStatus.output)
        }
        let host = settings.host
        do {
            try await server.run { port in
                FileHandle.standardError.write(Data("ecouter: serving on http://\(host):\(port)\n".utf8))
            }
        } catch {
            printError("the server stopped: \(error)")
            throw ExitCode(ExitStatus.engine)
        }
    }
}
