// SPDX-License-Identifier: GPL-3.0-or-later
@testable import EcouterServer
import Foundation
import Testing

@Suite("Server settings and byte ranges")
struct SettingsTests {
    @Test("flags win over the environment, which wins over the file, which wins over the defaults")
    func precedence() throws {
        let folder = ServerHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("serve.json")
        try Data(#"{"port": 9001, "jobs": 3, "host": "0.0.0.0", "queueLimit": 7}"#.utf8).write(to: file)
        let fromFile = try ServerSettings.fromFile(file.path)
        let fromEnv = try ServerSettings.fromEnvironment(["ECOUTER_PORT": "9002", "ECOUTER_JOBS": "4", "ECOUTER_CORS_ORIGINS": "https://a.example, https://b.example"])
        let flags = ServerSettings(port: 9003)
        let resolved = try flags.over(fromEnv).over(fromFile).resolved()
        #expect(resolved.port == 9003)
        #expect(resolved.jobs == 4)
        #expect(resolved.host == "0.0.0.0")
        #expect(resolved.queueLimit == 7)
        #expect(resolved.corsOrigins == ["https://a.example", "https://b.example"])
        #expect(resolved.maxBodyBytes == ServerSettings.defaults.maxBodyBytes)
    }

    @Test("bad settings are one-line errors naming the setting")
    func badSettings() throws {
        #expect(throws: ServerSettingsError.self) { try ServerSettings.fromEnvironment(["ECOUTER_PORT": "http"]) }
        #expect((try? ServerSettings(port: 70000).resolved()) == nil)
        do { _ = try ServerSettings(jobs: 0).resolved() } catch { #expect(error.message == "jobs must be 1–64") }
        let folder = ServerHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.json")
        try Data(#"{"port": "eighty"}"#.utf8).write(to: file)
        do { _ = try ServerSettings.fromFile(file.path); Issue.record("accepted a string port") } catch {
            #expect(error.message.contains("port"))
        }
        do { _ = try ServerSettings.fromFile("/dev/zero"); Issue.record("read a device") } catch {
            #expect(error.message.contains("64 KiB"))
        }
    }

    @Test("Range headers: single ranges parsed, several or malformed ignored, past the end unsatisfiable")
    func byteRanges() {
        #expect(ByteRange.parse("bytes=0-9", size: 100) == .satisfiable(0...9))
        #expect(ByteRange.parse("bytes=90-200", size: 100) == .satisfiable(90...99))
        #expect(ByteRange.parse("bytes=-30", size: 100) == .satisfiable(70...99))
        #expect(ByteRange.parse("bytes=-300", size: 100) == .satisfiable(0...99))
        #expect(ByteRange.parse("bytes=50-", size: 100) == .satisfiable(50...99))
        #expect(ByteRange.parse("bytes=100-", size: 100) == .unsatisfiable)
        #expect(ByteRange.parse("bytes=-0", size: 100) == .unsatisfiable)
        #expect(ByteRange.parse("bytes=0-1,5-6", size: 100) == nil)
        #expect(ByteRange.parse("bytes=9-3", size: 100) == nil)
        #expect(ByteRange.parse("items=0-3", size: 100) == nil)
        #expect(ByteRange.parse("bytes=x-3", size: 100) == nil)
        #expect(ByteRange.parse("bytes=99999999999999999999-", size: 100) == nil)
    }
}
