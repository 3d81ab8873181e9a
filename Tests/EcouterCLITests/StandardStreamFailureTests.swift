// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing

/// Standard streams that fail: closed, full, a directory, a reader that left. Each is a one-line
/// error and a documented exit status (73 output, 65 input), never a trap (132) nor a silent 0.
@Suite("Command: failing standard streams")
struct StandardStreamFailureTests {
    /// Runs `ecouter ARGS` through the shell with `redirections` applied (e.g. `>&-`, `>/dev/full`).
    static func shell(_ arguments: [String], _ redirections: String) async throws -> CommandRunner.Result {
        let quoted = ([CommandRunner.binary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        return try await CommandRunner.run(["-c", "exec " + quoted.joined(separator: " ") + " " + redirections], shell: true)
    }

    static let printingCommands: [[String]] = [
        ["text", "ARTICLE"], ["voices"], ["phonemes", "ARTICLE"], ["normalize", "ARTICLE"], ["sentences", "ARTICLE"],
        ["info", "WAV"],
    ]

    @Test("a closed or full standard output is exit 73 with one line", arguments: printingCommands, [">&-", ">/dev/full"])
    func outputFails(_ command: [String], _ redirection: String) async throws {
        let dir = try ScratchDirectory()
        let article = try dir.write("article.txt", "Le 1er mars, M. Dupont a payé 12 €. Il est reparti.\n")
        let wav = dir.path("a.wav")
        if command.contains("WAV") {
            let made = try await CommandRunner.run([article, "-o", wav])
            try #require(made.status == 0, "stderr: \(made.stderr)")
        }
        let arguments = command.map { $0 == "ARTICLE" ? article : $0 == "WAV" ? wav : $0 }
        let result = try await Self.shell(arguments, redirection)
        #expect(result.status == 73, "stderr: \(result.stderr)")
        #expect(result.stderr.hasPrefix("ecouter: error: cannot write to standard output"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test("a closed or directory standard input is exit 65 with one line", arguments: ["<&-", "</"])
    func inputFails(_ redirection: String) async throws {
        let result = try await Self.shell(["text", "-"], redirection)
        #expect(result.status == 65, "stderr: \(result.stderr)")
        #expect(result.stderr.hasPrefix("ecouter: error: cannot read standard input"))
    }

    @Test("a reader that leaves early (| head -c 1) is an output error, not SIGPIPE")
    func readerLeaves() async throws {
        let dir = try ScratchDirectory()
        let long = try dir.write("long.txt", String(repeating: "Une phrase de plus. ", count: 200_000))
        let quoted = "'" + CommandRunner.binary.path + "' sentences '" + long + "'"
        let result = try await CommandRunner.run(["-c", "set -o pipefail; " + quoted + " | head -c 1 >/dev/null"], shell: true)
        #expect(result.status == 73, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("Broken pipe"))
    }

    @Test("a closed standard error does not stop the command")
    func closedStandardError() async throws {
        let dir = try ScratchDirectory()
        let article = try dir.write("article.txt", "Bonjour.\n")
        let result = try await Self.shell(["normalize", article], "2>&-")
        #expect(result.status == 0)
        #expect(result.stdoutText == "Bonjour.\n")
    }
}

@Suite("Command: info on odd headers")
struct InfoHeaderTests {
    @Test("a 0 Hz header is bad input, not 'inf s'")
    func zeroRate() async throws {
        let dir = try ScratchDirectory()
        var header: [UInt8] = Array("RIFF".utf8) + [40, 0, 0, 0] + Array("WAVEfmt ".utf8) + [16, 0, 0, 0, 1, 0, 1, 0]
        header += [0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 16, 0] + Array("data".utf8) + [4, 0, 0, 0, 1, 0, 2, 0]
        let wav = try dir.write("zero.wav", header)
        let result = try await CommandRunner.run(["info", wav])
        #expect(result.status == 65, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("0 Hz") && !result.stdoutText.contains("inf"))
    }
}

@Suite("Command: feed --json into a reader that leaves")
struct FeedJSONReaderLeavesTests {
    @Test("feed --json | head -c 1: the run completes, then exit 73 with one line (was SIGILL)")
    func readerLeaves() async throws {
        let dir = try ScratchDirectory()
        let items = (0..<6).map { "{\"id\": \"urn:head:\($0)\", \"title\": \"Brève \($0)\", \"content_text\": \"Ceci est la brève \($0).\"}" }
        let feed = try dir.write("feed.json", "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Head\", \"items\": [\(items.joined(separator: ","))]}")
        let out = dir.path("out")
        let command = ["'\(CommandRunner.binary.path)'", "feed", "'\(feed)'", "-d", "'\(out)'", "--json", "--format", "wav"].joined(separator: " ")
        let result = try await CommandRunner.run(["-c", "set -o pipefail; \(command) | head -c 1 >/dev/null"], shell: true)
        #expect(result.status == 73, "stderr: \(result.stderr)")
        #expect(result.stderr.hasPrefix("ecouter: error: the run finished, but its events were not all printed"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json"))) as? [String: Any]
        let entries = manifest?["items"] as? [[String: Any]] ?? []
        #expect(entries.count == 6 && entries.allSatisfy { $0["file"] != nil && $0["error"] == nil })
    }
}
