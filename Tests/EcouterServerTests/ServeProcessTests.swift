// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import NIOHTTP1
import Testing

/// Set once, read from another task.
final class Answered: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}

/// The `ecouter serve` binary itself: start-up line, graceful shutdown on SIGTERM.
@Suite("ecouter serve (the binary)")
struct ServeProcessTests {
    /// A running `ecouter serve --port 0`, with the port read from its start-up line.
    final class RunningServer: @unchecked Sendable {
        let process = Process()
        let port: Int
        private let lock = NSLock()
        private var errors = Data()

        init(arguments: [String], environment: [String: String] = [:]) throws {
            process.executableURL = ServerHarness.binary
            process.arguments = ["serve", "--port", "0"] + arguments
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            let stderr = Pipe()
            process.standardError = stderr
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let handle = stderr.fileHandleForReading
            let lock = self.lock
            nonisolated(unsafe) var collected = Data()
            let found = DispatchSemaphore(value: 0)
            nonisolated(unsafe) var announced: Int?
            Thread.detachNewThread {
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    lock.withLock {
                        collected.append(chunk)
                        if announced == nil, let range = String(decoding: collected, as: UTF8.self).firstMatch(of: /serving on http:\/\/127\.0\.0\.1:(\d+)/) {
                            announced = Int(range.1)
                            found.signal()
                        }
                    }
                }
                found.signal()
            }
            _ = found.wait(timeout: .now() + 60)
            guard let port = lock.withLock({ announced }) else {
                process.terminate()
                throw StartError(output: lock.withLock { String(decoding: collected, as: UTF8.self) })
            }
            self.port = port
        }

        struct StartError: Error { var output: String }

        func request(_ path: String, method: String = "GET", body: String? = nil) async throws -> (Int, Data) {
            let answer = try await ServerHarness.send(
                port: port, path, method: HTTPMethod(rawValue: method), body: body.map { Array($0.utf8) },
                headers: body == nil ? [] : [("Content-Type", "text/plain")], timeout: .seconds(120))
            return (answer.status, Data(answer.body))
        }

        func metric(_ name: String) async throws -> Double {
            let (_, data) = try await request("/metrics")
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where line.hasPrefix(name + " ") {
                return Double(line.split(separator: " ").last ?? "") ?? -1
            }
            return 0
        }
    }

    @Test("SIGTERM during a synthesis: the request completes with its audio, then the process exits 0")
    func gracefulShutdown() async throws {
        let cache = ServerHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: cache) }
        let server = try RunningServer(arguments: ["--cache", cache.path])
        let answered = Answered()
        let post = Task {
            defer { answered.set() }
            return try await server.request("/v1/articles", method: "POST", body: Texts.article("arrêt", sentences: 60))
        }
        var waited = 0
        while try await server.metric("ecouter_cache_misses_total") < 1, waited < 200 {
            try await Task.sleep(for: .milliseconds(50))
            waited += 1
        }
        kill(server.process.processIdentifier, SIGTERM)
        // The request was under way when the signal went (its answer had not arrived).
        #expect(!answered.isSet)
        let (status, data) = try await post.value
        #expect(status == 201)
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let id = try #require(json?["id"] as? String)
        #expect(FileManager.default.fileExists(atPath: cache.appendingPathComponent("\(id).mp3").path))
        let deadline = Date().addingTimeInterval(30)
        while server.process.isRunning && Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!server.process.isRunning)
        #expect(server.process.terminationReason == .exit)
        #expect(server.process.terminationStatus == 0)
    }

    @Test("bad settings: a one-line error and exit 64")
    func badSettings() throws {
        let process = Process()
        process.executableURL = ServerHarness.binary
        process.arguments = ["serve", "--jobs", "0"]
        let stderr = Pipe()
        process.standardError = stderr
        try process.run()
        let text = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 64)
        #expect(text == "ecouter: error: jobs must be 1–64\n")
    }
}

@Suite("ecouter FILE -o out.opus")
struct OpusOutputTests {
    @Test("the read command writes Ogg Opus for a .opus name, decoding to the same length as the WAV")
    func readToOpus() throws {
        let folder = ServerHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("article.txt")
        try Data(Texts.article("opus", sentences: 3).utf8).write(to: input)
        func read(to name: String) throws -> [UInt8] {
            let process = Process()
            process.executableURL = ServerHarness.binary
            process.arguments = [input.path, "-o", folder.appendingPathComponent(name).path, "--quiet"]
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            return [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
        }
        let opus = try read(to: "article.opus")
        #expect(Array(opus.prefix(4)) == Array("OggS".utf8))
        #expect(try AudioProbe.codec(of: opus, extension: "opus") == "opus")
        let wavSeconds = try #require(try AudioProbe.duration(of: try read(to: "article.wav"), extension: "wav"))
        let opusSeconds = try #require(try AudioProbe.duration(of: opus, extension: "opus"))
        #expect(abs(opusSeconds - wavSeconds) < 0.1)
        // 24 kb/s: about 3 kB per second of audio, a tenth of the 16-bit 22 kHz WAV.
        #expect(Double(opus.count) / opusSeconds < 4000)
    }
}

@Suite("ecouter feed --format opus")
struct FeedOpusTests {
    @Test("a feed voiced as Ogg Opus: .opus files that decode to their manifest duration, audio/ogg in the index")
    func feedToOpus() throws {
        let folder = ServerHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let feed = folder.appendingPathComponent("feed.xml")
        let body = Texts.article("podcast opus", sentences: 3)
        try Data("""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Le Journal</title><link>https://example.org/</link><description>Essai</description>
            <item><title>Une brève</title><guid>breve-1</guid><link>https://example.org/breve-1</link><description>\(body)</description></item>
            </channel></rss>
            """.utf8).write(to: feed)
        let output = folder.appendingPathComponent("out")
        let process = Process()
        process.executableURL = ServerHarness.binary
        process.arguments = ["feed", feed.path, "-d", output.path, "--format", "opus", "--jobs", "1"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: output.path)
        let audio = names.filter { $0.hasSuffix(".opus") }
        #expect(audio.count == 1, "\(names)")
        #expect(!names.contains { $0.hasSuffix(".mp3") })
        let name = try #require(audio.first)
        let bytes = [UInt8](try Data(contentsOf: output.appendingPathComponent(name)))
        #expect(try AudioProbe.codec(of: bytes, extension: "opus") == "opus")
        let seconds = try #require(try AudioProbe.duration(of: bytes, extension: "opus"))
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("manifest.json"))) as? [String: Any]
        let items = manifest?["items"] as? [[String: Any]] ?? []
        let listed = try #require(items.first?["duration"] as? Double)
        #expect(abs(seconds - listed) < 0.1)
        let index = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("audio/ogg"))
    }
}
