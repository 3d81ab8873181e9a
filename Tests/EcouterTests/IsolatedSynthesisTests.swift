// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import Foundation
import Testing

/// ``Synthesis/isolated(_:)`` through the real `ecouter speech-worker`, built beside this bundle.
@Suite("Isolated synthesis", .serialized)
struct IsolatedSynthesisTests {
    /// `ecouter` from the build folder (`swift build --build-tests` builds it for the CLI tests).
    static var worker: WorkerExecutable {
        get throws {
            var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            for _ in 0..<4 {
                let candidate = folder.appendingPathComponent("ecouter")
                if FileManager.default.isExecutableFile(atPath: candidate.path) {
                    return WorkerExecutable(executable: candidate, arguments: ["speech-worker"])
                }
                folder = folder.deletingLastPathComponent()
            }
            try #require(Bool(false), "build the ecouter product first")
            fatalError()
        }
    }

    static let text = "Le conseil municipal s'est réuni hier soir.\n\nLes travaux commenceront au printemps."

    private func read(_ synthesis: Synthesis) async throws -> (WAVInfo, AudioSummary) {
        let reader = ArticleReader(options: ReadingOptions(synthesis: synthesis))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("isolated-\(UUID().uuidString).wav")
        defer { try? FileManager.default.removeItem(at: url) }
        let summary = try await reader.read(try reader.article(from: Array(Self.text.utf8)), to: url)
        return (try WAVInfo(parsing: Array(try Data(contentsOf: url))), summary)
    }

    @Test("the worker's audio is the in-process engine's, within eSpeak NG's history noise")
    func sameAudioAsInProcess() async throws {
        let (isolated, isolatedSummary) = try await read(.isolated(try Self.worker))
        let (local, localSummary) = try await read(.inProcess)
        #expect(isolatedSummary.sentences == 2 && localSummary.sentences == 2)
        #expect(isolatedSummary.warnings.isEmpty)
        #expect(isolated.sampleRate == local.sampleRate)
        #expect(abs(isolated.duration - local.duration) < local.duration * 0.05, "\(isolated.duration) vs \(local.duration)")
        #expect(isolated.duration > 3)
    }

    @Test("the small ecouter-speech-worker is found beside this program and speaks exactly what ecouter speech-worker does")
    func smallWorker() async throws {
        let small = WorkerExecutable.speechWorker(fallbackArguments: ["speech-worker"])
        #expect(small.executable.lastPathComponent == "ecouter-speech-worker" && small.arguments.isEmpty, "\(small)")
        let (fromSmall, smallSummary) = try await read(.isolated(small))
        let (fromCommand, _) = try await read(.isolated(try Self.worker))
        #expect(smallSummary.sentences == 2 && fromSmall.duration > 3)
        // Fresh processes with the same engine code and history: the same samples.
        #expect(fromSmall.samples == fromCommand.samples)
    }

    @Test("audio chunks come through the worker too")
    func chunks() async throws {
        let reader = ArticleReader(options: ReadingOptions(synthesis: .isolated(try Self.worker)))
        var speech = 0, pauses = 0
        for try await chunk in try reader.audioChunks(for: try reader.article(from: Array(Self.text.utf8))) {
            if case .pause = chunk.kind { pauses += 1 } else { speech += 1; #expect(chunk.samples.count > 22050) }
        }
        #expect(speech == 2 && pauses == 1)
    }

    @Test("a worker that cannot start or is no worker: an engine error, one line", arguments: [
        (WorkerExecutable(executable: URL(fileURLWithPath: "/nonexistent/ecouter"), arguments: []), "cannot start the speech worker"),
        (WorkerExecutable(executable: URL(fileURLWithPath: "/bin/true"), arguments: []), "exited with status 0 before its engine started"),
    ])
    func brokenWorkers(worker: WorkerExecutable, message: String) async throws {
        do {
            _ = try await read(.isolated(worker))
            Issue.record("reading succeeded without a worker")
        } catch let error as EcouterError {
            #expect(error.code == .engine)
            #expect(error.message.contains(message) && !error.message.contains("\n"), "\(error.message)")
        }
    }
}

/// ``WorkerExecutable/prestart()``: the worker started early is the one the reader speaks with.
@Suite("Prestarted speech worker")
struct PrestartedWorkerTests {
    @Test("a reader takes over the prestarted worker instead of starting its own, and the audio is complete")
    func readerTakesOverThePrestartedWorker() async throws {
        let real = try IsolatedSynthesisTests.worker
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("worker-starts-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        // A worker program that notes each start in the log, then becomes the real worker. The log's
        // path in the arguments makes this executable unlike any other test's, so no other test's
        // reader can take this worker.
        let logging = WorkerExecutable(
            executable: URL(fileURLWithPath: "/bin/sh"),
            arguments: ["-c", #"echo start >> "$0"; exec "$1" speech-worker"#, log.path, real.executable.path])
        logging.prestart()
        let reader = ArticleReader(options: ReadingOptions(synthesis: .isolated(logging), parallelism: 1))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("prestart-\(UUID().uuidString).wav")
        defer { try? FileManager.default.removeItem(at: url) }
        let summary = try await reader.read(try reader.article(from: Array(IsolatedSynthesisTests.text.utf8)), to: url)
        await reader.shutdownSynthesis()
        #expect(summary.sentences == 2 && summary.warnings.isEmpty)
        #expect(summary.duration > 1)
        let starts = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        #expect(starts.count == 1, "one worker start, the prestarted one; got \(starts.count)")
    }
}
