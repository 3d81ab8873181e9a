// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing

/// Settings that would make absurd pauses, deadlines or encoders: refused as usage (exit 64) with a
/// one-line reason, never an arithmetic trap (132) or a late failure.
@Suite("Command: bounded settings")
struct SettingsBoundsTests {
    static let article = "Le 1er mars, M. Dupont a payé 12 €.\n"

    @Test("a preset pause of 2⁶³ − 1 ms is refused", arguments: ["sentence", "paragraph", "heading", "title"])
    func absurdPause(_ pause: String) async throws {
        let dir = try ScratchDirectory()
        var pauses: [String: Int] = ["sentence": 350, "paragraph": 800, "heading": 600, "title": 1100]
        pauses[pause] = Int.max
        let preset: [String: Any] = [
            "name": "lent", "description": "d", "espeakVoice": "fr", "region": "fr-FR", "rate": 160, "pitch": 50,
            "volume": 100, "lexicons": [String](), "pauses": pauses,
        ]
        let presetPath = try dir.write("preset.json", [UInt8](try JSONSerialization.data(withJSONObject: preset)))
        let input = try dir.write("a.txt", Self.article)
        let result = try await CommandRunner.run([input, "-o", dir.path("a.wav"), "--voice", presetPath])
        #expect(result.status == 64, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("\(pause) pause"), "stderr: \(result.stderr)")
        #expect(!dir.contents.contains("a.wav"))
    }

    @Test("an absurd --timeout is refused before any fetch", arguments: ["1e19", "inf", "nan", "0", "-1", "3601"])
    func absurdTimeout(_ value: String) async throws {
        let dir = try ScratchDirectory()
        // Port 9 (discard) on loopback: nothing is fetched, the flag is refused first.
        let result = try await CommandRunner.run(["feed", "http://127.0.0.1:9/feed.xml", "-d", dir.path("out"), "--timeout=\(value)"])
        #expect(result.status == 64, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("--timeout"), "stderr: \(result.stderr)")
    }

    @Test("bit rates MP3 cannot carry at 22 050 Hz are refused when parsed", arguments: [
        ["read"], ["feed"],
    ], [7, 33, 72, 176, 192, 320])
    func refusedBitrate(_ command: [String], _ kbps: Int) async throws {
        let dir = try ScratchDirectory()
        let input = try dir.write("a.txt", Self.article)
        let arguments = command == ["read"] ? [input, "-o", dir.path("a.mp3")] : ["feed", input, "-d", dir.path("out")]
        let result = try await CommandRunner.run(arguments + ["--bitrate", String(kbps)])
        #expect(result.status == 64, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("--bitrate"), "stderr: \(result.stderr)")
        #expect(!dir.contents.contains("a.mp3") && !dir.contents.contains("out"))
    }

    @Test("every bit rate the help lists makes an MP3", arguments: [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160])
    func acceptedBitrate(_ kbps: Int) async throws {
        let dir = try ScratchDirectory()
        let input = try dir.write("a.txt", "Bonjour.\n")
        let result = try await CommandRunner.run([input, "-o", dir.path("a.mp3"), "--bitrate", String(kbps)])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let size = (try? FileManager.default.attributesOfItem(atPath: dir.path("a.mp3"))[.size] as? Int) ?? 0
        #expect(size > 0)
    }
}
