// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterTestSupport
import Foundation
import Testing
@testable import EcouterFeed

/// `ecouter feed` as a user runs it: the built binary, its exit codes, its JSON events, its workers.
@Suite(.serialized) struct FeedCommandTests {
    /// The built `ecouter` (see ``BuiltCommand``; `swift build --build-tests` builds it).
    static var binary: String {
        get throws {
            let path = BuiltCommand.path
            try #require(FileManager.default.isExecutableFile(atPath: path), "build the ecouter product first (\(path))")
            return path
        }
    }

    static func feedFile(_ items: [FeedRunnerTests.Item]) throws -> String {
        let url = temporaryDirectory("cli-source").appendingPathComponent("feed.json")
        try Data(FeedRunnerTests.jsonFeed(items).utf8).write(to: url)
        return url.path
    }

    static let items = (0..<4).map { FeedRunnerTests.Item(id: "urn:cli:\($0)", title: "Brève \($0)", text: "Ceci est la brève numéro \($0), lue à voix haute.") }

    @Test func workerProcessesMakeTheSameAudioAsOneProcess() async throws {
        let source = try Self.feedFile(Self.items)
        let serial = temporaryDirectory("cli-serial"), parallel = temporaryDirectory("cli-parallel"), again = temporaryDirectory("cli-again")
        let one = try await runTool(try Self.binary, ["feed", source, "-d", serial.path, "--jobs", "1"])
        let two = try await runTool(try Self.binary, ["feed", source, "-d", parallel.path, "--jobs", "2", "--json"])
        let three = try await runTool(try Self.binary, ["feed", source, "-d", again.path, "--jobs", "3"])
        #expect(one.status == 0, "\(one.err)")
        #expect(two.status == 0, "\(two.err)")
        #expect(three.status == 0, "\(three.err)")
        // Not a terminal and no --json: silent.
        #expect(one.out.isEmpty && one.err.isEmpty)
        let serialEntries = try FeedRunnerTests.manifest(in: serial).items
        let parallelEntries = try FeedRunnerTests.manifest(in: parallel).items
        #expect(serialEntries.map(\.id) == parallelEntries.map(\.id))
        let againEntries = try FeedRunnerTests.manifest(in: again).items
        for (a, (b, c)) in zip(serialEntries, zip(parallelEntries, againEntries)) {
            #expect(a.textHash == b.textHash && a.settingsHash == b.settingsHash && a.file == b.file && b.file == c.file)
            // eSpeak NG keeps hidden state between utterances (see SpeechEngine): the same sentence
            // spoken after different ones may differ by milliseconds, so which process or worker
            // spoke an item shows only in the last digits of its duration.
            let durations = [a.duration, b.duration, c.duration].map { $0 ?? -1 }
            #expect(durations.max()! - durations.min()! < 0.1, "\(a.id): \(durations)")
        }
        for entry in parallelEntries {
            let url = parallel.appendingPathComponent(try #require(entry.file))
            #expect(abs(try await decodedSeconds(url) - (entry.duration ?? 0)) < 0.05)
        }
        // One JSON object per line: start, an item-start and an item per item, finish.
        let lines = two.out.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(lines.allSatisfy { $0 != nil })
        let kinds = lines.compactMap { $0?["event"] as? String }
        #expect(kinds.first == "start" && kinds.last == "finish")
        #expect(kinds.filter { $0 == "item" }.count == 4)
        #expect(lines.last??["generated"] as? Int == 4)
    }

    @Test func exitCodesTellWhatHappened() async throws {
        let bin = try Self.binary
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        // Some items failed: 1, and the manifest says why.
        let withFailure = try Self.feedFile([Self.items[0], .init(id: "urn:cli:empty", title: "Vide", text: "")])
        let out = temporaryDirectory("cli-fail")
        let failed = try await runTool(bin, ["feed", withFailure, "-d", out.path, "--jobs", "2"])
        #expect(failed.status == 1)
        #expect(try String(contentsOf: out.appendingPathComponent("manifest.json"), encoding: .utf8).contains("no text"))
        // Hostile, malformed or non-feed documents: 65 with a one-line message, nothing written.
        for name in ["xxe.xml", "billion-laughs.xml", "malformed.xml", "not-a-feed.xml"] {
            let target = temporaryDirectory("cli-bad").appendingPathComponent("out")
            let result = try await runTool(bin, ["feed", fixtures.appendingPathComponent(name).path, "-d", target.path])
            #expect(result.status == 65, "\(name): \(result.err)")
            #expect(result.err.hasPrefix("ecouter: error: ") && result.err.split(separator: "\n").count == 1, "\(result.err)")
            #expect(!FileManager.default.fileExists(atPath: target.path))
        }
        // Usage: 64.
        for arguments in [["--shard", "3/2"], ["--jobs", "0"], ["--format", "ogg"], ["--base-url", "ftp://x"]] {
            let result = try await runTool(bin, ["feed", withFailure, "-d", out.path] + arguments)
            #expect(result.status == 64, "\(arguments): \(result.err)")
        }
        // DIR cannot be made: 73.
        let blocker = temporaryDirectory("cli-blocker").appendingPathComponent("file")
        try Data().write(to: blocker)
        let unwritable = try await runTool(bin, ["feed", withFailure, "-d", blocker.appendingPathComponent("out").path])
        #expect(unwritable.status == 73)
        #expect(unwritable.err.contains("not a directory"), "\(unwritable.err)")
        // A missing feed file is unreadable input: 65.
        #expect(try await runTool(bin, ["feed", "/nonexistent/feed.xml", "-d", out.path]).status == 65)
    }
}

extension FeedCommandTests {
    /// The start, the wait for two items and the interrupt run as one blocking closure on a
    /// thread of its own (``offCooperativePool``), so a busy cooperative pool (the rest of the
    /// suite) cannot delay the interrupt until after the run has finished.
    @Test func anInterruptedRunLeavesNoPartialFilesAndResumes() async throws {
        let items = (0..<80).map {
            FeedRunnerTests.Item(id: "urn:int:\($0)", title: "Article \($0)", text: "Premier paragraphe de l'article \($0), assez long pour prendre un peu de temps.\n\nDeuxième paragraphe, qui continue le récit de la journée.")
        }
        let source = try Self.feedFile(items)
        let directory = temporaryDirectory("cli-interrupt")
        let manifestURL = directory.appendingPathComponent("manifest.json")
        let binary = try Self.binary
        let (wasRunning, status) = try await offCooperativePool {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["feed", source, "-d", directory.path, "--jobs", "2"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Interrupt once some items are recorded.
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline, (try? FeedRunnerTests.manifest(in: directory).items.count) ?? 0 < 2 { usleep(20_000) }
            let wasRunning = process.isRunning
            process.interrupt()
            process.waitUntilExit()
            return (wasRunning, process.terminationStatus)
        }
        #expect(wasRunning, "the run ended before it could be interrupted")
        #expect(status == 130)
        try await Task.sleep(for: .seconds(0.5))  // workers notice their parent is gone
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(names.allSatisfy { !$0.hasSuffix(".part") }, "\(names)")
        let recorded = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: manifestURL)).items.filter { $0.file != nil }
        #expect(!recorded.isEmpty && recorded.count < 80)

        // The next run keeps what was recorded and makes the rest.
        let resumed = try await runTool(try Self.binary, ["feed", source, "-d", directory.path, "--jobs", "2", "--json"])
        #expect(resumed.status == 0, "\(resumed.err)")
        let finish = try #require(resumed.out.split(separator: "\n").last.flatMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] })
        #expect(finish["unchanged"] as? Int ?? -1 >= recorded.count)
        #expect((finish["generated"] as? Int ?? 0) + (finish["unchanged"] as? Int ?? 0) == 80)
    }
}
