// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterServer
import Foundation
import HummingbirdTesting
import Testing

/// The « Écouter l'article » button in a real browser: Debian's Chromium, headless, on the demo page.
@Suite("player.js in headless Chromium")
struct ButtonBrowserTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test("clicking the button POSTs the article and the audio plays past 0.5 s", .timeLimit(.minutes(3)))
    func clickAndPlay() async throws {
        let browser = try #require(Self.chromium, "Chromium is missing: scripts/setup.sh --test installs it")
        try await ServerHarness.withServer(ServerSettings(development: true)) { client in
            let port = try #require(client.port)
            let profile = ServerHarness.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: profile) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: browser)
            process.arguments = [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)",
                "--autoplay-policy=no-user-gesture-required", "--virtual-time-budget=60000", "--dump-dom",
                "http://127.0.0.1:\(port)/?autotest",
            ]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let dom = await Task.detached { String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }.value
            process.waitUntilExit()
            let state = dom.firstMatch(of: /id="ecouter-demo-state"[^>]*>([^<]*)</).map { String($0.1) } ?? ""
            #expect(state.hasPrefix("played "), "the page reported: \(state.isEmpty ? "nothing" : state)")
            // It chose a format the browser plays (Chromium plays Opus), and the server made it once.
            #expect(state.hasSuffix(".opus"))
            #expect(try await client.metric("ecouter_syntheses_total") == 1)
            #expect(dom.contains("aria-pressed"))
        }
    }
}
