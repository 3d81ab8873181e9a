// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing

/// Every kind of bad input: a one-line message on stderr, a distinct exit status, no file left.
@Suite("Command: bad input")
struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var input: [UInt8]?          // nil: the input path does not exist
        var extra: [String] = []
        var status: Int32
        var message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "missing file", input: nil, status: 65, message: "no such file"),
        Case(name: "empty file", input: [], status: 65, message: "empty"),
        Case(name: "whitespace only", input: Array(" \n\t\n   ".utf8), status: 65, message: "empty"),
        Case(name: "invalid UTF-8", input: [0x4C, 0x27, 0xE9, 0x74, 0xE9, 0x0A], extra: ["--input-format", "text"], status: 65, message: "UTF-8"),
        Case(name: "binary with NUL bytes", input: [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00], status: 65, message: "binary"),
        Case(name: "unknown voice", input: Array("Bonjour.".utf8), extra: ["--voice", "xx-nowhere"], status: 64, message: "unknown voice"),
        Case(name: "missing preset file", input: Array("Bonjour.".utf8), extra: ["--voice", "/nonexistent/preset.json"], status: 64, message: "preset"),
        Case(name: "rate too low", input: Array("Bonjour.".utf8), extra: ["--rate", "5"], status: 64, message: "rate"),
        Case(name: "rate too high", input: Array("Bonjour.".utf8), extra: ["--rate", "9000"], status: 64, message: "rate"),
        Case(name: "pitch out of range", input: Array("Bonjour.".utf8), extra: ["--pitch", "150"], status: 64, message: "pitch"),
        Case(name: "volume out of range", input: Array("Bonjour.".utf8), extra: ["--volume=-3"], status: 64, message: "volume"),
        Case(name: "unreadable lexicon", input: Array("Bonjour.".utf8), extra: ["--lexicon", "/nonexistent.tsv"], status: 64, message: "lexicon"),
    ]

    @Test("refused with a clear message and no output file", arguments: cases)
    func refused(_ c: Case) async throws {
        let dir = try ScratchDirectory()
        let input = c.input.map { try? dir.write("article.txt", $0) } ?? dir.path("absent.txt")
        let out = dir.path("out.wav")
        let before = dir.contents
        let result = try await CommandRunner.run([input ?? "", "-o", out] + c.extra)
        #expect(result.status == c.status, "stderr: \(result.stderr)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(result.stderr)")
        #expect(result.stderr.hasPrefix("ecouter: error:") || result.stderr.hasPrefix("Error:"), "stderr: \(result.stderr)")
        #expect(result.stderr.lowercased().contains(c.message.lowercased()), "stderr: \(result.stderr)")
        #expect(dir.contents == before, "left behind: \(dir.contents)")
    }

    @Test("a directory as input")
    func directoryInput() async throws {
        let dir = try ScratchDirectory()
        let result = try await CommandRunner.run([dir.url.path, "-o", dir.path("out.wav")])
        #expect(result.status == 65)
        #expect(result.stderr.contains("is a directory"))
        #expect(dir.contents.isEmpty)
    }

    @Test("an unwritable output path: missing directory, a directory, a directory that refuses files")
    func unwritableOutput() async throws {
        let dir = try ScratchDirectory()
        let input = try dir.write("article.txt", "Une phrase à lire.")
        let missing = try await CommandRunner.run([input, "-o", dir.path("nope/out.wav")])
        #expect(missing.status == 73, "stderr: \(missing.stderr)")
        #expect(missing.stderr.contains("cannot write"))
        let sub = dir.path("sub")
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
        let onDirectory = try await CommandRunner.run([input, "-o", sub])
        #expect(onDirectory.status == 73, "stderr: \(onDirectory.stderr)")
        // /proc refuses new files even to root: a directory that exists but cannot be written.
        let refused = try await CommandRunner.run([input, "-o", "/proc/ecouter-\(getpid()).wav"])
        #expect(refused.status == 73, "stderr: \(refused.stderr)")
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(dir.contents == ["article.txt", "sub"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: sub).isEmpty)
    }

    @Test("usage errors exit 64 with ArgumentParser's message")
    func usage() async throws {
        let noFile = try await CommandRunner.run([])
        #expect(noFile.status == 64)
        let unknownFlag = try await CommandRunner.run(["article.txt", "--frobnicate"])
        #expect(unknownFlag.status == 64)
        #expect(unknownFlag.stderr.contains("frobnicate"))
        let stdinNoOutput = try await CommandRunner.run(["-"], stdin: Data("Bonjour.".utf8))
        #expect(stdinNoOutput.status == 64)
        #expect(stdinNoOutput.stderr.contains("-o"))
    }

    @Test("missing eSpeak NG data is a one-line error and exit 69, not the library's exit(1)")
    func missingVoiceData() async throws {
        let dir = try ScratchDirectory()
        try FileManager.default.createDirectory(atPath: dir.path("data/espeak-ng-data"), withIntermediateDirectories: true)
        let input = try dir.write("article.txt", "Une phrase.")
        let result = try await CommandRunner.run([input, "-o", dir.path("out.wav")], environment: ["ESPEAK_DATA_PATH": dir.path("data")])
        #expect(result.status == 69)
        #expect(result.stderr.split(separator: "\n").count == 1, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("voice data"))
        #expect(!FileManager.default.fileExists(atPath: dir.path("out.wav")))
    }

    @Test("an existing output is left untouched when reading fails")
    func keepsExisting() async throws {
        let dir = try ScratchDirectory()
        let out = try dir.write("out.wav", "previous audio")
        let input = try dir.write("bad.txt", [0xFF, 0xFE, 0x00])
        let result = try await CommandRunner.run([input, "-o", out])
        #expect(result.status == 65)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "previous audio")
        #expect(dir.contents == ["bad.txt", "out.wav"])
    }
}
