// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import Foundation
import Testing

/// The whole pipeline through the real libespeak-ng, audio parsed back from the bytes written.
@Suite("Article reader", .serialized)
struct ArticleReaderTests {
    static let text = """
        Le conseil municipal s'est réuni hier soir. Il a voté le budget de la ville.

        Les travaux commenceront au printemps. Ils dureront deux ans.
        """

    private func temporaryURL(_ ext: String = "wav") -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("reader-\(UUID().uuidString).\(ext)")
    }

    private func read(_ text: String, options: ReadingOptions = ReadingOptions()) async throws -> (WAVInfo, [UInt8], AudioSummary) {
        let reader = ArticleReader(options: options)
        let url = temporaryURL()
        defer { try? FileManager.default.removeItem(at: url) }
        let summary = try await reader.read(try reader.article(from: Array(text.utf8), format: .text), to: url)
        let bytes = Array(try Data(contentsOf: url))
        return (try WAVInfo(parsing: bytes), bytes, summary)
    }

    /// Runs of exact zeros longer than `minimum` samples: our inserted pauses (plus eSpeak's edges).
    private func silences(_ samples: [Int16], minimum: Int) -> [Int] {
        var runs: [Int] = []
        var run = 0
        for s in samples {
            if s == 0 { run += 1 } else { if run >= minimum { runs.append(run) }; run = 0 }
        }
        return runs
    }

    private func rms(_ s: [Int16]) -> Double {
        (s.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(max(1, s.count))).squareRoot()
    }

    @Test("the WAV written parses back: format, sizes, plausible duration, not silent")
    func wavFile() async throws {
        let (info, bytes, summary) = try await read(Self.text)
        #expect(info.sampleRate == 22050)
        #expect(info.channels == 1)
        #expect(info.bitsPerSample == 16)
        #expect(Int(info.declaredDataSize) == info.samples.count * 2)
        #expect(Int(info.declaredRIFFSize) == bytes.count - 8)
        #expect(bytes.count == 44 + info.samples.count * 2)
        #expect(summary.sampleCount == info.samples.count)
        #expect(summary.bytes == bytes.count)
        #expect(summary.sentences == 4)
        // 30 words at 165 wpm is about 11 s of speech, plus pauses; allow a wide band.
        #expect(info.duration > 7 && info.duration < 20, "duration \(info.duration)")
        #expect(rms(info.samples) > 800, "RMS \(rms(info.samples))")
    }

    @Test("a paragraph break is a longer pause than a sentence break")
    func pauses() async throws {
        let (info, _, _) = try await read(Self.text)
        let gaps = silences(info.samples, minimum: 22050 / 10)
        #expect(gaps.count == 3, "gaps \(gaps)")
        if gaps.count == 3 {
            let pauses = VoicePreset.standard.pauses
            let extra = (pauses.paragraph - pauses.sentence) * 22050 / 1000
            #expect(gaps[1] >= gaps[0] + extra * 8 / 10)
            #expect(gaps[1] >= gaps[2] + extra * 8 / 10)
            #expect(gaps[0] >= pauses.sentence * 22050 / 1000)
        }
    }

    /// Same speech despite eSpeak NG's hidden per-process state (see ``SpeechEngine``); byte identity
    /// across runs is tested on the command.
    private func sameSpeech(_ a: [Int16], _ b: [Int16]) -> Bool { speechDifference(a, b) == nil }

    /// Why `a` and `b` are not the same speech (length off by more than 10 %, loudness by more than
    /// 12 %), or nil. Described in numbers, so a failure does not print the samples. eSpeak NG's
    /// hidden state moves a sentence's length by up to about 5 % (seen: 37495 vs 39205 samples);
    /// a lost, repeated or interleaved buffer moves it far more.
    private func speechDifference(_ a: [Int16], _ b: [Int16]) -> String? {
        let lengthOK = abs(a.count - b.count) <= max(a.count, b.count) / 10
        let loudnessOK = abs(rms(a) - rms(b)) <= max(rms(a), rms(b)) / 8
        if lengthOK && loudnessOK { return nil }
        return "\(a.count) vs \(b.count) samples, RMS \(Int(rms(a))) vs \(Int(rms(b)))"
    }

    @Test("the same input read again gives the same speech, whatever was read before")
    func repeatable() async throws {
        let (first, _, _) = try await read(Self.text)
        _ = try await read("Une tout autre dépêche, lue entre les deux.")
        let (second, _, _) = try await read(Self.text)
        let difference = speechDifference(first.samples, second.samples)
        #expect(difference == nil)
    }

    @Test("many readings at once all succeed and equal the serial results")
    func concurrent() async throws {
        let texts = (0..<8).map { "Dépêche numéro \($0 % 3). Elle est lue en même temps que les autres." }
        var serial: [WAVInfo] = []
        for text in texts { serial.append(try await read(text).0) }
        let parallel = try await withThrowingTaskGroup(of: (Int, WAVInfo).self) { group in
            for (i, text) in texts.enumerated() {
                group.addTask { (i, try await read(text).0) }
            }
            var out = [WAVInfo?](repeating: nil, count: texts.count)
            for try await (i, info) in group { out[i] = info }
            return out.compactMap { $0 }
        }
        #expect(parallel.count == texts.count)
        for (i, (p, s)) in zip(parallel, serial).enumerated() {
            let difference = speechDifference(p.samples, s.samples)
            #expect(difference == nil, "reading \(i)")
            #expect(Int(p.declaredDataSize) == p.samples.count * 2)
        }
        // The comparison can fail: a different text is not the same speech.
        let other = try await read("Une seule phrase, bien plus courte.").0.samples
        let differs = !sameSpeech(serial[0].samples, other)
        #expect(differs)
    }

    @Test("the chunk sequence carries the audio of the file, pauses included")
    func chunks() async throws {
        let reader = ArticleReader()
        let article = try reader.article(from: Array(Self.text.utf8))
        var samples: [Int16] = []
        var spoken = 0
        var pauses = 0
        for try await chunk in try reader.audioChunks(for: article) {
            samples += chunk.samples
            switch chunk.kind {
            case .speech: spoken += 1
            case .pause: pauses += 1
            }
        }
        #expect(spoken == 4)
        #expect(pauses == 3)
        let (info, _, _) = try await read(Self.text)
        let difference = speechDifference(samples, info.samples)
        #expect(difference == nil)
    }

    @Test("a slower rate gives longer audio; a preset's region reaches the normalizer")
    func settings() async throws {
        let fast = try await read("Une phrase courte pour comparer.", options: ReadingOptions(rate: 300)).0
        let slow = try await read("Une phrase courte pour comparer.", options: ReadingOptions(rate: 110)).0
        #expect(slow.duration > fast.duration * 1.5)
        let reader = ArticleReader(options: ReadingOptions(preset: VoicePreset.named("fr-BE")!))
        #expect(try reader.normalizer().options.region == .belgium)
    }

    @Test("bad text input is a clear input error", arguments: [
        ([UInt8](), "empty"), (Array("  \n\t \n".utf8), "empty"), ([0x41, 0x00, 0x42], "binary"),
        ([0x61, 0xE9, 0x74, 0xE9], "UTF-8"), ([0xC3], "UTF-8"),
    ])
    func badInput(_ bytes: [UInt8], _ expected: String) {
        do {
            _ = try ArticleReader().article(from: bytes, format: .text)
            Issue.record("expected an input error")
        } catch {
            #expect(error.code == .input)
            #expect(error.message.contains(expected), "\(error.message)")
        }
    }

    @Test("a byte-order mark and CRLF line ends are accepted")
    func bomAndCRLF() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Titre\r\n\r\nUne phrase.\r\n".utf8)
        let article = try ArticleReader().article(from: bytes, format: .text)
        #expect(article.title == "Titre")
        #expect(article.blocks.map(\.text) == ["Une phrase."])
    }

    @Test("an unwritable destination fails cleanly and leaves nothing")
    func unwritable() async throws {
        let reader = ArticleReader()
        let article = try reader.article(from: Array("Bonjour.".utf8))
        let missing = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/out.wav")
        do {
            _ = try await reader.read(article, to: missing)
            Issue.record("expected an output error")
        } catch {
            #expect(error.code == .output)
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ro-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            _ = try await reader.read(article, to: dir)
            Issue.record("expected an output error for a directory")
        } catch {
            #expect(error.code == .output)
            #expect(error.message.contains("directory"))
        }
    }

    @Test("cancelling the task stops reading and leaves no file, not even a temporary one")
    func cancellation() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cancel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let long = Array(repeating: "Une phrase parmi beaucoup d'autres, lue jusqu'à ce qu'on l'arrête.", count: 400).joined(separator: " ")
        let reader = ArticleReader()
        let article = try reader.article(from: Array(long.utf8))
        let target = dir.appendingPathComponent("long.wav")
        let task = Task { try await reader.read(article, to: target) }
        try await Task.sleep(for: .milliseconds(150))
        task.cancel()
        let result = await task.result
        guard case .failure(let error) = result else {
            Issue.record("a 400-sentence article finished before cancellation; test is not meaningful")
            return
        }
        #expect((error as? EcouterError)?.code == .cancelled)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test("the settings fingerprint changes with what changes the audio, and only then")
    func fingerprint() {
        let base = ArticleReader().settingsFingerprint
        #expect(base == ArticleReader().settingsFingerprint)
        #expect(base.count == 16)
        #expect(base != ArticleReader(options: ReadingOptions(rate: 200)).settingsFingerprint)
        #expect(base != ArticleReader(options: ReadingOptions(preset: VoicePreset.named("fr-CH")!)).settingsFingerprint)
        let lexicon = Lexicon(entries: [.init(written: "Xyz", spoken: "iks")])
        #expect(base != ArticleReader(options: ReadingOptions(extraLexicons: [lexicon])).settingsFingerprint)
        #expect(base == ArticleReader(options: ReadingOptions(inputFormat: .html)).settingsFingerprint)
    }
}
