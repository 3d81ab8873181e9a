// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterServer
import Foundation
import HummingbirdTesting
import Testing

/// The « Écouter l'article » button in a real browser: Debian's Chromium, headless, on the demo page.
@Suite("player.js in headless Chromium")
struct ButtonBrowserTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test("clicking the button POSTs the article, the audio plays, and the highlight moves with it", .timeLimit(.minutes(8)))
    func clickAndPlay() async throws {
        let browser = try #require(Self.chromium, "Chromium is missing: scripts/setup.sh --test installs it")
        try await ServerHarness.withServer(ServerSettings(development: true)) { client in
            let port = try #require(client.port)
            let profile = ServerHarness.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: profile) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: browser)
            // No --dump-dom: it snapshots at load, before any audio. The demo page's autotest mode
            // clicks the button and logs what the audio element did; headless Chromium prints the
            // page's console on standard error with --enable-logging=stderr.
            process.arguments = [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)",
                "--autoplay-policy=no-user-gesture-required", "--enable-logging=stderr", "--v=0",
                "http://127.0.0.1:\(port)/?autotest",
            ]
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let handle = errors.fileHandleForReading
            let line = await Task.detached { () -> String in
                var seen = Data()
                let deadline = Date().addingTimeInterval(300)
                while Date() < deadline {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    seen.append(chunk)
                    let text = String(decoding: seen, as: UTF8.self)
                    if let match = text.firstMatch(of: /ecouter-demo: ([^"]*)"/) { return String(match.1) }
                }
                return ""
            }.value
            process.terminate()
            process.waitUntilExit()
            let state = line
            #expect(state.hasPrefix("played "), "the page reported: \(state.isEmpty ? "nothing" : state)")
            // It chose a format the browser plays (Chromium plays Opus), and the server made it once.
            #expect(state.hasSuffix(".opus"))
            // The highlight followed the voice from the title to the first paragraph's sentence.
            #expect(state.contains("; sentences 0,1;") || state.contains(",0,1;"), "the page reported: \(state)")
            #expect(state.contains("highlighted «Le maire a inauguré samedi 12 mars la médiathèque du centre-ville"), "the page reported: \(state)")
            #expect(try await client.metric("ecouter_syntheses_total") == 1)
        }
    }
}
