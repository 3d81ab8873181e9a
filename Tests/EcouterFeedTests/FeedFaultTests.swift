// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import EcouterTestSupport
import Foundation
import Testing
@testable import EcouterFeed

/// Feed runs under faults: two runs at once, `kill -9` at random moments, a full disk. In every
/// case the manifest stays valid JSON, nothing truncated is recorded as done, and the next run
/// completes the work.
@Suite(.serialized) struct FeedFaultTests {
    static func items(_ count: Int, prefix: String) -> [FeedRunnerTests.Item] {
        (0..<count).map {
            FeedRunnerTests.Item(id: "urn:\(prefix):\($0)", title: "Article \($0)", text: "Premier paragraphe de l'article \($0), assez long pour durer un peu.\n\nDeuxième paragraphe, qui continue le récit.")
        }
    }

    /// Every entry recorded as done names a file that exists with the recorded size and parses as a
    /// complete WAV file; no temporary file is left once `settled` (the run's processes are gone).
    static func checkConsistent(_ directory: URL, settled: Bool = true) throws {
        let manifestURL = directory.appendingPathComponent("manifest.json")
        guard FileManager.default.fileExists(atPath: manifestURL.path) else { return }
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: manifestURL))
        for entry in manifest.items where entry.error == nil {
            let file = try #require(entry.file, "\(entry.id) has no file and no error")
            let bytes = try [UInt8](Data(contentsOf: directory.appendingPathComponent(file)))
            #expect(bytes.count == entry.bytes, "\(file): \(bytes.count) bytes on disk, \(entry.bytes ?? -1) recorded")
            let info = try WAVInfo(parsing: bytes)
            #expect(!info.isStreamingHeader && info.samples.count * 2 + 44 == bytes.count, "\(file) is not complete")
        }
        if settled {
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            #expect(names.allSatisfy { !$0.hasSuffix(".part") }, "\(names)")
        }
    }

    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try FeedCommandTests.binary)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Polls, blocking, until `count` entries are recorded or `process` ends (at most 60 s).
    /// The race-sensitive part of each test below (wait, then act on the still-running process)
    /// runs as one blocking closure on a thread of its own (``offCooperativePool``): a busy
    /// cooperative pool would otherwise resume the test after the run had already finished.
    static func waitForEntries(_ count: Int, in directory: URL, while process: Process) {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, process.isRunning, (try? FeedRunnerTests.manifest(in: directory).items.count) ?? 0 < count {
            usleep(10_000)
        }
    }

    @Test func aSecondRunInTheSameDirectoryIsRefusedAndTheFirstKeepsItsEntries() async throws {
        let first = try FeedCommandTests.feedFile(Self.items(30, prefix: "first"))
        let second = try FeedCommandTests.feedFile(Self.items(3, prefix: "second"))
        let directory = temporaryDirectory("lock")
        let binary = try FeedCommandTests.binary
        let (wasRunning, refused, firstStatus) = try await offCooperativePool {
            let running = try Self.start(["feed", first, "-d", directory.path, "--format", "wav", "--jobs", "1"])
            Self.waitForEntries(1, in: directory, while: running)
            let wasRunning = running.isRunning
            let refused = try ChildRun.blocking(URL(fileURLWithPath: binary), ["feed", second, "-d", directory.path, "--format", "wav"], timeout: 600)
            running.waitUntilExit()
            return (wasRunning, refused, running.terminationStatus)
        }
        #expect(wasRunning, "the first run ended before the second could start")
        #expect(refused.status == 73, "\(refused.err)")
        #expect(refused.err.hasPrefix("ecouter: error: ") && refused.err.contains("in use by another ecouter feed run"), "\(refused.err)")
        #expect(firstStatus == 0)
        let afterFirst = try FeedRunnerTests.manifest(in: directory)
        #expect(afterFirst.items.count == 30 && afterFirst.items.allSatisfy { $0.id.hasPrefix("urn:first:") && $0.error == nil })
        try Self.checkConsistent(directory)

        // Once the first has finished, the second runs; the first feed's entries stay (marked gone).
        let later = try await runTool(try FeedCommandTests.binary, ["feed", second, "-d", directory.path, "--format", "wav"])
        #expect(later.status == 0, "\(later.err)")
        let both = try FeedRunnerTests.manifest(in: directory)
        #expect(both.items.filter { $0.id.hasPrefix("urn:first:") }.count == 30)
        #expect(both.items.filter { $0.id.hasPrefix("urn:second:") && $0.position != nil }.count == 3)
        try Self.checkConsistent(directory)
    }

    @Test func shardRunsShareTheDirectoryButAWholeRunWaitsForThem() throws {
        let directory = temporaryDirectory("lock-shards")
        let one = try DirectoryLock(directory: directory, shard: try Shard(index: 1, count: 2))
        let two = try DirectoryLock(directory: directory, shard: try Shard(index: 2, count: 2))
        #expect(throws: FeedError(.busy, "\(directory.path) is in use by another ecouter feed run; run again once it has finished")) {
            try DirectoryLock(directory: directory, shard: .all)
        }
        #expect(throws: FeedError.self) { try DirectoryLock(directory: directory, shard: try Shard(index: 1, count: 2)) }
        one.release()
        two.release()
        // Retried for a moment: a child another test forks at that instant holds a copy of the
        // descriptors (close-on-exec closes them only at its exec), and flock(2) locks live as long as
        // any copy. Seen once in a whole-suite run; a lock really kept would fail all 40 tries.
        var whole: DirectoryLock?
        for _ in 0..<40 where whole == nil {
            whole = try? DirectoryLock(directory: directory, shard: .all)
            if whole == nil { usleep(50_000) }
        }
        #expect(whole != nil, "the whole-run lock is free once both shards released theirs")
        whole?.release()
    }

    @Test func temporariesOfDeadWritersAreRemovedAndLiveOnesKept() async throws {
        let directory = temporaryDirectory("stale")
        let dead = Process()
        dead.executableURL = URL(fileURLWithPath: "/bin/true")
        try dead.run()
        dead.waitUntilExit()
        let stale = ".0123456789abcdef0123456789abcdef.mp3.\(dead.processIdentifier).42.part"
        let live = ".manifest.json.\(getpid()).7.part"
        let foreign = ".not-ours.part"
        for name in [stale, live, foreign] { try Data([1, 2, 3]).write(to: directory.appendingPathComponent(name)) }
        let feed = FeedRunnerTests.jsonFeed([.init(id: "urn:stale", title: "Titre", text: "Un texte.")])
        _ = try await FeedRunnerTests.run(feed, into: directory, format: .wav)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(!names.contains(stale))
        #expect(names.contains(live) && names.contains(foreign))
    }

    /// `kill -9` of the command (its workers then stop on their own) at a moment drawn from a seed.
    @Test(arguments: [1, 2, 3, 4, 5])
    func killedAtARandomMomentTheNextRunCompletes(seed: UInt64) async throws {
        var random = SplitMix(seed: seed)
        let items = Self.items(100, prefix: "kill\(seed)")
        let source = try FeedCommandTests.feedFile(items)
        let directory = temporaryDirectory("kill")
        // Up to 0.8 s in: before the manifest exists, between items, mid-item, during a manifest save.
        let delay = useconds_t(random.next() % 800) * 1000
        let killedBySignal = try await offCooperativePool {
            let process = try Self.start(["feed", source, "-d", directory.path, "--format", "wav", "--jobs", "2"])
            usleep(delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return process.terminationReason == .uncaughtSignal
        }
        #expect(killedBySignal, "the run ended before the kill")
        let recordedAtKill = (try? FeedRunnerTests.manifest(in: directory).items.count) ?? 0
        #expect(recordedAtKill < items.count)
        try Self.checkConsistent(directory, settled: false)

        try await Task.sleep(for: .seconds(0.5))  // the orphaned workers notice and exit
        let next = try await runTool(try FeedCommandTests.binary, ["feed", source, "-d", directory.path, "--format", "wav", "--jobs", "2"])
        #expect(next.status == 0, "\(next.err)")
        let manifest = try FeedRunnerTests.manifest(in: directory)
        #expect(manifest.items.count == items.count && manifest.items.allSatisfy { $0.error == nil && $0.file != nil })
        try Self.checkConsistent(directory)
    }
}

extension FeedFaultTests {
    /// The interrupt message says what was kept: items recorded before it are in the manifest.
    @Test func anInterruptedRunSaysItsFinishedItemsAreKept() async throws {
        let source = try FeedCommandTests.feedFile(Self.items(60, prefix: "sigint"))
        let directory = temporaryDirectory("sigint")
        let binary = try FeedCommandTests.binary
        let (wasRunning, message, status) = try await offCooperativePool {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["feed", source, "-d", directory.path, "--format", "wav", "--jobs", "1"]
            let errors = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            try process.run()
            Self.waitForEntries(2, in: directory, while: process)
            let wasRunning = process.isRunning
            process.interrupt()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (wasRunning, message, process.terminationStatus)
        }
        #expect(wasRunning, "the run ended before it could be interrupted")
        #expect(status == 130)
        #expect(!message.contains("nothing written"), "\(message)")
        #expect(message.contains("the items finished so far are kept in \(directory.path)"), "\(message)")
        #expect(try FeedRunnerTests.manifest(in: directory).items.count >= 2)
    }
}
