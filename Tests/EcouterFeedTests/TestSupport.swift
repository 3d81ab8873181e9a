// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterTestSupport
import Foundation
import Testing

/// The bytes of a fixture file.
func fixture(_ name: String) throws -> [UInt8] {
    let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
    return [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
}

func fixtureText(_ name: String) throws -> String {
    String(decoding: try fixture(name), as: UTF8.self)
}

/// A fresh empty directory under the system's temporary directory.
func temporaryDirectory(_ label: String = "feed") -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("ecouter-\(label)-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Inode and modification time (ns): both change when a file is rewritten by rename.
func identity(of url: URL) -> (inode: UInt64, modified: Int)? {
    var info = stat()
    guard stat(url.path, &info) == 0 else { return nil }
    return (UInt64(info.st_ino), info.st_mtim.tv_sec * 1_000_000_000 + info.st_mtim.tv_nsec)
}

/// What a finished tool left.
typealias ToolResult = ChildOutput

extension ChildOutput {
    var data: Data { stdout }
    var err: String { stderr }
    var out: String { stdoutText }
}

/// Runs a tool off the cooperative pool (see ``ChildRun``); returns status, stdout and stderr.
@discardableResult
func runTool(_ path: String, _ arguments: [String], stdin: Data? = nil) async throws -> ToolResult {
    try await ChildRun.run(URL(fileURLWithPath: path), arguments, stdin: stdin, timeout: 600)
}

/// The duration ffprobe decodes from an audio file, in seconds.
func probedDuration(_ url: URL) async throws -> Double {
    let result = try await runTool("/usr/bin/ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "default=nw=1:nk=1", url.path])
    return try #require(Double(result.out.trimmingCharacters(in: .whitespacesAndNewlines)))
}

/// Samples ffmpeg decodes from an audio file (mono 16-bit), divided by the rate: the exact duration
/// for an MP3 with a LAME info frame (encoder delay and padding removed).
func decodedSeconds(_ url: URL) async throws -> Double {
    let result = try await runTool("/usr/bin/ffmpeg", ["-v", "error", "-i", url.path, "-f", "s16le", "-ac", "1", "-ar", "16000", "-"])
    return Double(result.data.count) / 2 / 16000
}
