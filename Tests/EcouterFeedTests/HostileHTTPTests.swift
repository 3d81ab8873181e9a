// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
@testable import EcouterFeed

/// Servers that answer badly on purpose: compression bombs, redirects to files, redirects to nowhere.
@Suite(.serialized) struct HostileHTTPTests {
    /// `megabytes` MiB of zeros, gzip-compressed (about 1 KB per MiB).
    static func gzippedZeros(megabytes: Int) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "head -c \(megabytes << 20) /dev/zero | gzip -1"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return [UInt8](data)
    }

    /// `ecouter ARGS` run under a Python parent that reports the child's exit status and peak
    /// memory (MB): measured apart from this test process, where other tests run at the same time.
    static func peakMemoryMB(_ arguments: [String]) async throws -> (status: Int32, megabytes: Int) {
        let script = "import resource,subprocess,sys; r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)"
        let result = try await runTool("/usr/bin/python3", ["-c", script, try FeedCommandTests.binary] + arguments)
        let fields = result.out.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        try #require(fields.count == 2, "\(result.out) \(result.err)")
        return (Int32(fields[0]), fields[1])
    }

    func code(_ fetcher: HTTPFetcher, _ url: URL) async -> FeedError? {
        do throws(FeedError) {
            _ = try await fetcher.fetch(url)
            return nil
        } catch {
            return error
        }
    }

    @Test func aGzipBombIsCutAtTheDecodedSizeLimit() async throws {
        let server = try LoopbackServer()
        let bomb = try Self.gzippedZeros(megabytes: 512)
        server.set("/bomb", LoopbackServer.Response(status: 200, headers: ["Content-Type": "application/xml", "Content-Encoding": "gzip"], body: bomb))
        let error = await code(HTTPFetcher(limits: FetchLimits(timeout: 20, maximumBytes: 1 << 20)), server.url("/bomb"))
        #expect(error?.code == .tooLarge, "\(String(describing: error))")
        // The command on the same bomb: 512 MiB decoded took the process past 1 GB; nothing past
        // the limit is kept now.
        let directory = temporaryDirectory("bomb")
        let (status, megabytes) = try await Self.peakMemoryMB(["feed", server.url("/bomb").absoluteString, "-d", directory.path, "--max-size", "1"])
        #expect(status == 65)
        #expect(megabytes < 200, "peak \(megabytes) MB")
    }

    @Test func aRedirectToAFileURLIsRefused() async throws {
        let server = try LoopbackServer()
        server.set("/etc/passwd", .ok("root:x:0:0"))
        server.set("/to-file", .redirect(to: "file:///etc/passwd"))
        server.set("/to-file-upper", .redirect(to: "FILE:/etc/passwd"))
        let fetcher = HTTPFetcher(limits: FetchLimits(timeout: 5))
        for path in ["/to-file", "/to-file-upper"] {
            let error = await code(fetcher, server.url(path))
            #expect(error?.code == .redirect, "\(path): \(String(describing: error))")
        }
        #expect(!server.requestedPaths.contains("/etc/passwd"), "\(server.requestedPaths)")
    }

    @Test(arguments: [301, 302, 303, 307, 308])
    func aRedirectWithoutLocationIsAnError(status: Int) async throws {
        let server = try LoopbackServer()
        server.set("/nowhere", LoopbackServer.Response(status: status, headers: [:], body: []))
        let error = await code(HTTPFetcher(limits: FetchLimits(timeout: 5)), server.url("/nowhere"))
        #expect(error?.code == .redirect, "\(String(describing: error))")
        #expect(error?.message.contains("Location") == true)
    }
}
