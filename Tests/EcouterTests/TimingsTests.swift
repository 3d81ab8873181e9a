// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import Foundation
import Testing

/// Word and sentence timings through the real libespeak-ng, checked against the written text and
/// against the audio parsed back from the WAV written with them.
@Suite("Timings", .serialized)
struct TimingsTests {
    /// Numbers, a date, a time, an abbreviation, an acronym, elisions and hyphenated words in one sentence.
    static let rewrites = "Le 14 juillet 2024 à 14h30, M. Dupont et la SNCF ont dit qu'aujourd'hui l'État aidera peut-être Saint-Étienne."

    private func read(_ text: String, synthesis: Synthesis = .inProcess) async throws -> (Timings, WAVInfo) {
        let reader = ArticleReader(options: ReadingOptions(synthesis: synthesis))
        let folder = FileManager.default.temporaryDirectory
        let audio = folder.appendingPathComponent("timings-\(UUID().uuidString).wav")
        let json = folder.appendingPathComponent("timings-\(UUID().uuidString).json")
        defer {
            try? FileManager.default.removeItem(at: audio)
            try? FileManager.default.removeItem(at: json)
        }
        let article = try reader.article(from: Array(text.utf8), format: .text)
        let summary = try await reader.read(article, to: audio, timings: TimingsFile(url: json, format: .json))
        await reader.shutdownSynthesis()
        let written = try JSONDecoder().decode(Timings.self, from: Data(contentsOf: json))
        #expect(summary.timings == written, "the file holds what the summary returns")
        #expect(written.text == article.plainText)
        return (written, try WAVInfo(parsing: Array(try Data(contentsOf: audio))))
    }

    /// `text[range]` for a half-open scalar range, and for a UTF-16 range.
    private func slice(_ text: String, scalars: [Int]) -> String {
        let s = Array(text.unicodeScalars)
        return String(String.UnicodeScalarView(s[scalars[0]..<scalars[1]]))
    }
    private func slice(_ text: String, utf16: [Int]) -> String? {
        let units = Array(text.utf16)
        return String(utf16CodeUnits: Array(units[utf16[0]..<utf16[1]]), count: utf16[1] - utf16[0])
    }

    @Test("a sentence full of rewrites: one word per written token, on the right span, with what was said")
    func rewrittenWords() async throws {
        let (timings, _) = try await read(Self.rewrites)
        let sentence = try #require(timings.sentences.first)
        #expect(timings.sentences.count == 1)
        #expect(sentence.words.map(\.written) == [
            "Le", "14", "juillet", "2024", "à", "14h30", "M.", "Dupont", "et", "la", "SNCF", "ont", "dit",
            "qu'aujourd'hui", "l'État", "aidera", "peut-être", "Saint-Étienne",
        ])
        for word in sentence.words {
            #expect(slice(timings.text, scalars: word.scalars) == word.written)
            #expect(slice(timings.text, utf16: word.utf16) == word.written)
        }
        let said = Dictionary(sentence.words.map { ($0.written, $0.spoken) }, uniquingKeysWith: { a, _ in a })
        #expect(said["14h30"] == "quatorze heures trente")
        #expect(said["2024"] == "deux mille vingt-quatre")
        #expect(said["M."] == "monsieur")
        #expect(said["SNCF"] == "s n c f")
        #expect(said["l'État"] == "l'État")
        // Starts follow the audio: monotonic, inside the sentence, the long readings take longer.
        let starts = sentence.words.map(\.start)
        #expect(starts == starts.sorted())
        #expect(sentence.words.allSatisfy { sentence.start <= $0.start && $0.start < $0.end && $0.end <= sentence.end })
        func length(_ written: String) -> Double {
            sentence.words.first { $0.written == written }.map { $0.end - $0.start } ?? 0
        }
        #expect(length("14h30") > 2 * length("à"), "14h30: \(length("14h30")) s, à: \(length("à")) s")
        #expect(length("SNCF") > 2 * length("la"), "SNCF: \(length("SNCF")) s, la: \(length("la")) s")
        #expect(length("2024") > length("juillet"))
    }

    @Test("accents, emoji and characters outside the BMP: scalar and UTF-16 offsets each spell the text")
    func outsideTheBMP() async throws {
        let text = "Été 🇫🇷 à Nîmes\n\nLe 𝔸 vaut 3 €, dit-elle 😀. Ça coûte 𝔹 euros."
        let (timings, _) = try await read(text)
        #expect(timings.sentences.count == 3)
        for sentence in timings.sentences {
            #expect(slice(timings.text, utf16: sentence.utf16) == slice(timings.text, scalars: sentence.scalars))
            for word in sentence.words {
                #expect(slice(timings.text, scalars: word.scalars) == word.written)
                #expect(slice(timings.text, utf16: word.utf16) == word.written)
            }
        }
        // The flag is 2 scalars, 4 UTF-16 units; 𝔸 and 😀 one scalar, two units each.
        let last = try #require(timings.sentences.last)
        #expect(last.utf16[0] - last.scalars[0] == 2 + 1 + 1)
        #expect(timings.sentences[1].words.map(\.written).contains("dit-elle"))
        #expect(last.words.first?.written == "Ça")
    }

    @Test("sentence cues fall on audio onsets; words cover what is said; the last cue ends with the audio")
    func accuracy() async throws {
        let text = """
            Près de Lyon, la ville prépare ses transports

            « Pourquoi attendre ? » demande M. Martin. Trois ans de travaux commenceront le 3 mars 2025.

            Le budget atteint 1,2 milliard d'euros, soit 30 % de plus.
            """
        let (timings, wav) = try await read(text)
        let rate = Double(wav.sampleRate)
        func rms(_ from: Int, _ to: Int) -> Double {
            let slice = wav.samples[max(0, from)..<min(wav.samples.count, to)]
            return (slice.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(max(1, slice.count))).squareRoot()
        }
        #expect(timings.sentences.count == 4)  // « … ? » demande M. Martin. is one sentence
        let normalizer = FrenchNormalizer()
        var previousEnd = 0.0
        for sentence in timings.sentences {
            let at = Int((sentence.start * rate).rounded())
            #expect(rms(at - Int(rate * 0.02), at) < 100, "the 20 ms before \(sentence.start) s are not silent")
            // Speech energy within 30 ms: some 5 ms frame starting 0 to 25 ms after the cue.
            let frame = Int(rate * 0.005)
            let loud = stride(from: at, through: at + Int(rate * 0.025), by: frame / 5).contains { rms($0, $0 + frame) > 300 }
            #expect(loud, "no speech within 30 ms of the cue at \(sentence.start) s")
            #expect(sentence.start >= previousEnd && sentence.end > sentence.start)
            previousEnd = sentence.end
            var last = sentence.start
            for word in sentence.words {
                #expect(word.start >= last && word.start <= word.end)
                #expect(word.start >= sentence.start && word.end <= sentence.end)
                #expect(word.scalars[0] >= sentence.scalars[0] && word.scalars[1] <= sentence.scalars[1])
                last = word.start
            }
            // Every spoken word is covered: the words' spoken forms are the normalized sentence.
            let written = slice(timings.text, scalars: sentence.scalars)
            func letters(_ s: String) -> [String] {
                s.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
            }
            #expect(letters(sentence.words.map(\.spoken).joined(separator: " ")) == letters(normalizer.normalize(written)))
        }
        let end = try #require(timings.sentences.last?.end)
        #expect(abs(wav.duration - end) < 0.05, "last cue ends at \(end) s, audio at \(wav.duration) s")
        #expect(abs(timings.duration - wav.duration) < 0.001)
    }

    @Test("through the speech worker: the same words and spans as in process, times within 50 ms")
    func isolated() async throws {
        let (local, _) = try await read(Self.rewrites)
        let (remote, _) = try await read(Self.rewrites, synthesis: .isolated(try IsolatedSynthesisTests.worker))
        let a = try #require(local.sentences.first), b = try #require(remote.sentences.first)
        #expect(a.words.map(\.written) == b.words.map(\.written))
        #expect(a.words.map(\.scalars) == b.words.map(\.scalars))
        for (x, y) in zip(a.words, b.words) {
            #expect(abs(x.start - y.start) < 0.05, "\(x.written): \(x.start) s in process, \(y.start) s in the worker")
        }
    }

    @Test("audio chunks carry their words' marks, in seconds from the chunk's start")
    func chunkMarks() async throws {
        let reader = ArticleReader()
        var sentences = 0
        for try await chunk in try reader.audioChunks(for: try reader.article(from: Array("Il est 14h30. Bonne journée.".utf8))) {
            guard case .speech(let written, _) = chunk.kind else {
                #expect(chunk.marks.isEmpty)
                continue
            }
            sentences += 1
            #expect(!chunk.marks.isEmpty)
            let scalars = Array(written.unicodeScalars)
            for mark in chunk.marks {
                #expect(String(String.UnicodeScalarView(scalars[mark.source])) == mark.written)
                #expect(mark.start >= 0 && mark.end <= chunk.duration + 0.001)
            }
            if sentences == 1 { #expect(chunk.marks.map(\.written) == ["Il", "est", "14h30"]) }
        }
        #expect(sentences == 2)
    }
}
