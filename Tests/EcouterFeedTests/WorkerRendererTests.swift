// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import Foundation
import Testing
@testable import EcouterFeed

/// The worker-process plumbing, with stand-in workers written in sh (no synthesis involved).
@Suite struct WorkerRendererTests {
    static func job(_ directory: URL) -> RenderJob {
        RenderJob(article: Article(title: "Titre", blocks: [.paragraph("Un paragraphe.")]), output: directory.appendingPathComponent("x.mp3"), encoding: .defaultMP3)
    }

    @Test func aWorkerIsStartedOnceAndReused() async throws {
        let directory = temporaryDirectory("workers")
        let starts = directory.appendingPathComponent("starts")
        // Records its start, then answers every request line with a fixed summary.
        let script = "echo started >> '\(starts.path)'; while read -r line; do echo '{\"summary\":{\"duration\":1.5,\"bytes\":10,\"sampleCount\":3,\"sentences\":1}}'; done"
        let renderer = WorkerProcessRenderer(executable: URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", script])
        for _ in 0..<5 {
            let summary = try await renderer.render(Self.job(directory))
            #expect(summary == AudioSummary(duration: 1.5, bytes: 10, sampleCount: 3, sentences: 1))
        }
        let lines = try String(contentsOf: starts, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1)
        await renderer.shutdown()
        // After shutdown a new job starts a new worker.
        _ = try await renderer.render(Self.job(directory))
        #expect(try String(contentsOf: starts, encoding: .utf8).split(separator: "\n").count == 2)
    }

    @Test func aWorkerErrorReplyKeepsItsCode() async throws {
        let script = "while read -r line; do echo '{\"error\":{\"code\":\"input\",\"message\":\"nothing to read\"}}'; done"
        let renderer = WorkerProcessRenderer(executable: URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", script])
        await #expect { try await renderer.render(Self.job(temporaryDirectory("workers"))) } throws: {
            ($0 as? EcouterError)?.code == .input && ($0 as? EcouterError)?.message == "nothing to read"
        }
    }

    @Test func aDyingWorkerFailsItsItemAndTheRunGoesOn() async throws {
        let renderer = WorkerProcessRenderer(executable: URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", "read -r line; exit 3"])
        await #expect { try await renderer.render(Self.job(temporaryDirectory("workers"))) } throws: {
            ($0 as? EcouterError)?.code == .engine && ($0 as? EcouterError)?.message.contains("status 3") == true
        }
        // A worker gone before it reads: the write fails (EPIPE, not a fatal SIGPIPE), the job fails.
        for _ in 0..<3 {
            let gone = WorkerProcessRenderer(executable: URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", "exit 4"])
            await #expect(throws: EcouterError.self) { try await gone.render(Self.job(temporaryDirectory("workers"))) }
        }
        let missing = WorkerProcessRenderer(executable: URL(fileURLWithPath: "/nonexistent/worker"), arguments: [])
        await #expect(throws: EcouterError.self) { try await missing.render(Self.job(temporaryDirectory("workers"))) }

        // In a run, each item fails alone and is recorded.
        let directory = temporaryDirectory()
        let source = temporaryDirectory("source").appendingPathComponent("feed.json")
        try Data(FeedRunnerTests.jsonFeed(FeedRunnerTests.items).utf8).write(to: source)
        let summary = try await FeedRunner(renderer: renderer, options: FeedRunOptions(directory: directory, jobs: 2)).run(.file(source.path))
        #expect(summary.failed == 3 && summary.generated == 0)
        let manifest = try FeedRunnerTests.manifest(in: directory)
        #expect(manifest.items.allSatisfy { $0.error?.contains("worker") == true && $0.file == nil })
    }
}
