// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterAudio
import Foundation
import Testing

/// libespeak-ng runs in a supervised worker: a sentence that crashes it costs that sentence only.
@Suite("Command: engine isolation", .serialized)
struct IsolationTests {
    /// Aborts libespeak-ng 1.51 ("stack smashing detected") although `EngineText`'s guard has
    /// split its dotted-letter run: the commas keep the run going for eSpeak NG, not for the guard.
    static let crashingSentence = String(repeating: "α.,", count: 60)
    static let before = "Le conseil municipal s'est réuni lundi soir."
    static let after = "Les travaux commenceront au printemps, a précisé le maire."

    static func article(middle: String?) -> String {
        ([before] + (middle.map { [$0] } ?? []) + [after]).joined(separator: "\n\n")
    }

    static func wav(_ dir: ScratchDirectory, _ name: String) throws -> WAVInfo {
        try WAVInfo(parsing: Array(try Data(contentsOf: URL(fileURLWithPath: dir.path(name)))))
    }

    /// A speak request as the wire carries it (docs/engine.md): kind "S", payload length, then
    /// rate, pitch, volume, the voice name's length (little-endian u32 each), the voice, the text.
    static func speakFrame(_ text: String) -> Data {
        func u32(_ value: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        let payload = u32(165) + u32(50) + u32(100) + u32(2) + Array("fr".utf8) + Array(text.utf8)
        return Data([0x53] + u32(payload.count) + payload)
    }

    /// Both worker programs: the small one the command starts, and `ecouter speech-worker`.
    static let workerPrograms = [
        [CommandRunner.binary.deletingLastPathComponent().appendingPathComponent("ecouter-speech-worker").path],
        [CommandRunner.binary.path, "speech-worker"],
    ]

    @Test("a bare speech worker says hello with its rate, streams a sentence, and the crashing sentence really aborts it", arguments: workerPrograms)
    func theTextReallyCrashesTheEngine(program: [String]) async throws {
        let shell = ["-c", #"exec "$0" "$@""#] + program
        let spoken = try await CommandRunner.run(shell, stdin: Self.speakFrame(Self.before), shell: true)
        #expect(spoken.status == 0, "status \(spoken.status), stderr \(spoken.stderr)")
        let bytes = [UInt8](spoken.stdout)
        #expect(Array(bytes.prefix(9)) == [0x48, 4, 0, 0, 0, 0x22, 0x56, 0, 0], "hello with 22050 Hz")
        #expect(bytes.count > 9 && bytes[9] == 0x41, "audio comes before the end of the sentence")
        #expect(bytes.count > 22050 * 2, "\(bytes.count) bytes for a whole sentence")

        let result = try await CommandRunner.run(shell, stdin: Self.speakFrame(Self.crashingSentence), shell: true)
        #expect(result.status == SIGABRT, "status \(result.status), stderr \(result.stderr)")
        #expect(Array([UInt8](result.stdout).prefix(9)) == [0x48, 4, 0, 0, 0, 0x22, 0x56, 0, 0])
    }

    @Test("a real crash: exit 0, one warning, the rest of the article read, nothing left behind")
    func realCrashCostsOneSentence() async throws {
        let dir = try ScratchDirectory()
        let crashing = try dir.write("crash.txt", Self.article(middle: Self.crashingSentence))
        let plain = try dir.write("plain.txt", Self.article(middle: nil))
        let result = try await CommandRunner.run([crashing, "-o", dir.path("crash.wav")])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("ecouter: warning: sentence 2 "), "\(result.stderr)")
        #expect(result.stderr.contains("killed by signal \(SIGABRT)") && result.stderr.contains("spelled apart"))
        #expect(try await CommandRunner.run([plain, "-o", dir.path("plain.wav")]).status == 0)
        // The defused retry spoke the Greek letters: longer than the article without them.
        let withCrash = try Self.wav(dir, "crash.wav"), without = try Self.wav(dir, "plain.wav")
        #expect(withCrash.duration > without.duration + 5, "\(withCrash.duration) vs \(without.duration)")
        #expect(dir.contents == ["crash.txt", "crash.wav", "plain.txt", "plain.wav"])
    }

    @Test("a crash that the defused retry repeats: half a second of silence, the rest read")
    func doubleCrashBecomesSilence() async throws {
        let dir = try ScratchDirectory()
        let marked = try dir.write("marked.txt", Self.article(middle: "Voici kaboumtest au milieu."))
        let plain = try dir.write("plain.txt", Self.article(middle: nil))
        let environment = ["ECOUTER_TEST_WORKER_CRASH_MARKER": "kaboumtest"]
        let result = try await CommandRunner.run([marked, "-o", dir.path("marked.wav")], environment: environment)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("replaced by 0.5 s of silence"), "\(result.stderr)")
        #expect(try await CommandRunner.run([plain, "-o", dir.path("plain.wav")], environment: environment).status == 0)
        let withSilence = try Self.wav(dir, "marked.wav"), without = try Self.wav(dir, "plain.wav")
        // One more paragraph: its 0.5 s of silence and one more 0.8 s paragraph pause. The last
        // paragraph comes from a fresh worker, whose engine history differs: a few ms of noise.
        let extra = withSilence.duration - without.duration
        #expect(abs(extra - 1.3) < 0.05, "extra \(extra) s")
        // The first paragraph, spoken before the crash, is the same audio sample for sample.
        let firstParagraph = try dir.write("first.txt", Self.before)
        #expect(try await CommandRunner.run([firstParagraph, "-o", dir.path("first.wav")]).status == 0)
        let first = try Self.wav(dir, "first.wav").samples
        #expect(first.count > 22050 && Array(withSilence.samples.prefix(first.count)) == first)
    }

    @Test("after a crash the output is still byte-identical from run to run")
    func deterministicAfterCrash() async throws {
        let dir = try ScratchDirectory()
        let crashing = try dir.write("crash.txt", Self.article(middle: Self.crashingSentence))
        for name in ["a.wav", "b.wav"] {
            #expect(try await CommandRunner.run([crashing, "-o", dir.path(name)]).status == 0)
        }
        let a = try Data(contentsOf: URL(fileURLWithPath: dir.path("a.wav")))
        let b = try Data(contentsOf: URL(fileURLWithPath: dir.path("b.wav")))
        #expect(a.count > 100_000)
        let identical = a == b
        #expect(identical)
    }

    @Test("with two workers on a long article: the crash still costs one sentence, and --jobs is bounded")
    func crashWhileParallel() async throws {
        let dir = try ScratchDirectory()
        let filler = (1...12).map { "Paragraphe \($0) : le conseil a débattu du budget, des écoles et des transports jusqu'au soir." }
        // The crash comes early: in the middle of near-identical paragraphs the page cleaner's block
        // classifier drops a line of Greek letters and dots as chrome, and nothing would crash.
        let text = ([Self.before, Self.crashingSentence, Self.after] + filler).joined(separator: "\n\n")
        let input = try dir.write("long.txt", text)
        let result = try await CommandRunner.run([input, "-o", dir.path("long.wav"), "--jobs", "2"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("ecouter: warning: sentence 1 "), "\(result.stderr)")
        #expect(try Self.wav(dir, "long.wav").duration > 60)
        for jobs in ["0", "65"] {
            let refused = try await CommandRunner.run([input, "-o", dir.path("x.wav"), "--jobs", jobs])
            #expect(refused.status == 64 && refused.stderr.contains("--jobs"), "\(refused.stderr)")
        }
        #expect(dir.contents == ["long.txt", "long.wav"])
    }

    @Test("phonemes run in the worker too: a text that kills it costs its own line, the others are eSpeak NG's")
    func phonemesSurviveAWorkerCrash() async throws {
        let environment = ["ECOUTER_TEST_WORKER_CRASH_MARKER": "kaboumtest"]
        let input = Data("\(Self.before)\nVoici kaboumtest au milieu.\n\(Self.after)\n".utf8)
        let result = try await CommandRunner.run(["phonemes", "--lines", "-"], stdin: input, environment: environment)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdoutText.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4 && lines[1].isEmpty && lines[3].isEmpty, "\(result.stdoutText)")
        let warnings = result.stderr.split(separator: "\n")
        #expect(warnings.count == 1 && warnings[0].hasPrefix("ecouter: warning: line 2: the speech engine crashed"), "\(result.stderr)")
        // The lines around the crash are what a worker that never crashed says of them, and what
        // the engine says in this very process: the isolation changes nothing of the phonemes.
        let alone = try await CommandRunner.run(["phonemes", "--lines", "-"], stdin: Data("\(Self.before)\n\(Self.after)\n".utf8))
        let inProcess = try await CommandRunner.run(
            ["phonemes", "--unsafe-in-process", "--lines", "-"], stdin: Data("\(Self.before)\n\(Self.after)\n".utf8))
        #expect(alone.status == 0 && inProcess.status == 0)
        #expect(alone.stdoutText == "\(lines[0])\n\(lines[2])\n" && alone.stdout == inProcess.stdout, "\(alone.stdoutText)")
        #expect(lines[0].contains("kO~s'Ej"), "the French voice's phonemes: \(lines[0])")
    }
}
