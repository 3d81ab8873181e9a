// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterTestSupport
import Foundation

/// Runs the built `ecouter` binary as a user would, capturing its output and exit status.
struct CommandRunner {
    typealias Result = ChildOutput

    /// The built `ecouter` (see ``BuiltCommand``).
    static var binary: URL { BuiltCommand.url }

    /// Runs `ecouter ARGS` with `stdin` fed in and `environment` added, waits for it (at most `timeout` seconds)
    /// off the cooperative pool (see ``ChildRun``).
    /// With `shell`, runs `/bin/bash ARGS` instead (for redirections the test needs).
    static func run(
        _ arguments: [String], stdin: Data = Data(), environment: [String: String] = [:], timeout: TimeInterval = 120,
        shell: Bool = false
    ) async throws -> Result {
        try await ChildRun.run(
            shell ? URL(fileURLWithPath: "/bin/bash") : binary, arguments, stdin: stdin, environment: environment,
            timeout: timeout)
    }

    /// Starts reading a long article in `dir` into `long.wav` and returns once its temporary
    /// `.part` file exists (or after 20 s), so a signal sent next lands mid-synthesis.
    static func startLongReading(in dir: ScratchDirectory, standardError: Pipe = Pipe()) async throws -> Process {
        let long = Array(repeating: "Une phrase parmi des milliers, lue jusqu'à ce qu'on l'interrompe.", count: 3000).joined(separator: " ")
        let input = try dir.write("long.txt", long)
        let process = Process()
        process.executableURL = binary
        process.arguments = [input, "-o", dir.path("long.wav")]
        process.standardError = standardError
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, !dir.contents.contains(where: { $0.hasSuffix(".part") }) {
            try await Task.sleep(for: .milliseconds(10))
        }
        return process
    }
}

/// A scratch directory removed at the end of a test.
final class ScratchDirectory {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("ecouter-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let p = path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: p))
        return p
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }

    /// Every entry, hidden ones included (a leftover temporary file is a failure).
    var contents: [String] { (try? FileManager.default.contentsOfDirectory(atPath: url.path).sorted()) ?? [] }
}
