// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import Foundation
import Testing

/// One article voiced by several workers at once, written in order.
@Suite("Parallel synthesis", .serialized)
struct ParallelSpeechTests {
    /// Long enough to be split (over ``ArticleReader/parallelBreakEven``), paragraphs of different sizes.
    static let article: String = {
        let paragraphs = (1...9).map { n in
            // Sentences of different lengths, so that audio out of order would not match.
            (1...(n % 3 + 1)).map { s in
                "Le paragraphe \(n) dit sa phrase numéro \(s), sur le budget de la ville"
                    + String(repeating: " et ses travaux", count: (n * 3 + s) % 7) + "."
            }
                .joined(separator: " ")
        }
        return "Le budget de la ville\n\n" + paragraphs.joined(separator: "\n\n")
    }()

    private func read(_ text: String, parallelism: Int) async throws -> (WAVInfo, [UInt8], AudioSummary) {
        let options = ReadingOptions(synthesis: .isolated(try IsolatedSynthesisTests.worker), parallelism: parallelism)
        let reader = ArticleReader(options: options)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parallel-\(UUID().uuidString).wav")
        defer { try? FileManager.default.removeItem(at: url) }
        let summary = try await reader.read(try reader.article(from: Array(text.utf8)), to: url)
        await reader.shutdownSynthesis()
        let bytes = Array(try Data(contentsOf: url))
        return (try WAVInfo(parsing: bytes), bytes, summary)
    }

    /// Lengths of the stretches between runs of at least `minimum` exact zeros (our pauses), and of the pauses.
    private func segments(_ samples: [Int16], minimum: Int) -> (speech: [Int], pauses: [Int]) {
        var speech: [Int] = [], pauses: [Int] = []
        var zeros = 0, sound = 0
        for sample in samples {
            if sample == 0 { zeros += 1; continue }
            if zeros >= minimum {
                if sound > 0 { speech.append(sound) }
                pauses.append(zeros)
                sound = 0
            } else {
                sound += zeros
            }
            zeros = 0
            sound += 1
        }
        if sound > 0 { speech.append(sound) }
        return (speech, pauses)
    }

    @Test("two workers give the serial reading: same sentences in order, same pauses, within history noise")
    func sameAsSerial() async throws {
        #expect(Self.article.count > ArticleReader.parallelBreakEven)
        let (serial, _, serialSummary) = try await read(Self.article, parallelism: 1)
        // The reference that does not go through the part scheduler: audio chunks, pulled one by
        // one from a fresh worker (so the same engine history as the serial reading).
        let reader = ArticleReader(options: ReadingOptions(synthesis: .isolated(try IsolatedSynthesisTests.worker)))
        var pulled: [Int16] = []
        for try await chunk in try reader.audioChunks(for: try reader.article(from: Array(Self.article.utf8))) {
            pulled += chunk.samples
        }
        await reader.shutdownSynthesis()
        let sameAsPulled = pulled == serial.samples  // compared outside #expect, which would print millions of samples
        #expect(sameAsPulled, "\(pulled.count) vs \(serial.samples.count) samples")
        let (parallel, _, parallelSummary) = try await read(Self.article, parallelism: 2)
        #expect(serialSummary.sentences == parallelSummary.sentences && serialSummary.sentences == 19)
        #expect(abs(serial.duration - parallel.duration) < serial.duration * 0.01, "\(serial.duration) vs \(parallel.duration)")
        // Our pauses are exact zeros of at least the sentence pause (350 ms); eSpeak NG's own
        // silences are shorter or not exactly zero.
        let minimum = 22050 * 300 / 1000
        let a = segments(serial.samples, minimum: minimum), b = segments(parallel.samples, minimum: minimum)
        #expect(a.speech.count >= serialSummary.sentences && a.pauses.count >= serialSummary.sentences - 1, "\(a.speech.count) segments")
        #expect(a.speech.count == b.speech.count && a.pauses.count == b.pauses.count, "\(a.speech.count)/\(b.speech.count) segments")
        for (x, y) in zip(a.speech, b.speech) {
            // The same sentence after a different history: a few per cent at most.
            #expect(abs(x - y) <= max(x, y) / 20, "speech \(x) vs \(y) samples")
        }
        for (x, y) in zip(a.pauses, b.pauses) {
            #expect(abs(x - y) <= 22050 / 20, "pause \(x) vs \(y) samples")
        }
    }

    @Test("the parallel reading is byte-identical from run to run")
    func deterministic() async throws {
        let (_, first, _) = try await read(Self.article, parallelism: 2)
        let (_, second, _) = try await read(Self.article, parallelism: 2)
        #expect(first.count > 100_000)
        let identical = first == second
        #expect(identical)
    }

    @Test("a short article stays on one worker: the serial bytes exactly")
    func shortStaysSerial() async throws {
        let short = "Une brève.\n\nElle tient en deux paragraphes."
        #expect(short.count < ArticleReader.parallelBreakEven)
        let (_, one, _) = try await read(short, parallelism: 1)
        let (_, four, _) = try await read(short, parallelism: 4)
        let identical = one == four
        #expect(identical)
    }

    @Test("parallelism out of range is a settings error", arguments: [0, 65])
    func outOfRange(parallelism: Int) {
        #expect(throws: EcouterError.self) { try ReadingOptions(parallelism: parallelism).validate() }
    }
}
