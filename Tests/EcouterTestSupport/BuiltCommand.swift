// SPDX-License-Identifier: GPL-3.0-or-later
public import Foundation

/// The built `ecouter` executable, for the test targets that run it as a user would.
///
/// One place for the search, so the CLI, feed and server tests all run the same binary:
/// `$ECOUTER_BINARY` when set (to test an installed or release build), else the `ecouter` that
/// SwiftPM builds beside the test bundle (the test targets depend on the executable), else the
/// package's `.build/debug/ecouter`.
public enum BuiltCommand {
    public static let url: URL = {
        if let path = ProcessInfo.processInfo.environment["ECOUTER_BINARY"] { return URL(fileURLWithPath: path) }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("ecouter")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/ecouter")
    }()

    public static var path: String { url.path }
}
