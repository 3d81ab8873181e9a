// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterAudio
import Foundation
import Testing

/// `ecouter FILE -o OUT --timings T.vtt|T.json`: formats, refusals before any synthesis, and the
/// audio and the timings written both or neither.
@Suite("Command: read --timings")
struct TimingsCommandTests {
    static let article = """
        Le budget voté

        Le conseil a adopté le budget 2025 à 21 h 30. M. Martin, le maire, s'est dit « satisfait ».
        """

    @Test("an extension other than .vtt or .json: exit 64, one line, before anything is written")
    func unknownExtension() async throws {
        let dir = try ScratchDirectory()
        let input = try dir.write("article.txt", Self.article)
        let result = try await CommandRunner.run([input, "-o", dir.path("a.mp3"), "--timings", dir.path("a.srt")])
        #expect(result.status == 64)
        #expect(result.stderr.contains(".vtt or .json") && result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(dir.contents == ["article.txt"])
    }

    @Test("the same file for audio and timings is refused with exit 64")
    func sameFile() async throws {
        let dir = try ScratchDirectory()
        let input = try dir.write("article.txt", Self.article)
        let result = try await CommandRunner.run([input, "-o", dir.path("a.json"), "--timings", dir.path("a.json")])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(dir.contents == ["article.txt"])
    }

    @Test("MP3 with WebVTT: both written; one cue per sentence with word timestamps")
    func webVTT() async throws {
        let dir = try ScratchDirectory()
        let input = try dir.write("article.txt", Self.article)
        let result = try await CommandRunner.run([input, "-o", dir.path("a.mp3"), "--timings", dir.path("a.vtt")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(dir.contents == ["a.mp3", "a.vtt", "article.txt"])
        let vtt = try String(contentsOfFile: dir.path("a.vtt"), encoding: .utf8)
        #expect(vtt.hasPrefix("WEBVTT\n\n1\n00:00:00.0"))
        #expect(vtt.components(separatedBy: " --> ").count - 1 == 3)
        #expect(vtt.contains("<00:00:") && vtt.contains("21 h 30.") && vtt.contains("satisfait »."))
    }

    @Test("JSON: the text is what `ecouter text` prints, ranges spell the words, the end is the audio's")
    func json() async throws {
        let dir = try ScratchDirectory()
        let input = try dir.write("article.txt", Self.article)
        let result = try await CommandRunner.run([input, "-o", dir.path("a.wav"), "--timings", dir.path("a.json")])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try await CommandRunner.run(["text", input]).stdoutText
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: dir.url.appendingPathComponent("a.json"))) as? [String: Any])
        let body = try #require(object["text"] as? String)
        #expect(body + "\n" == text)
        let scalars = Array(body.unicodeScalars)
        let sentences = try #require(object["sentences"] as? [[String: Any]])
        #expect(sentences.count == 3)
        for sentence in sentences {
            for word in try #require(sentence["words"] as? [[String: Any]]) {
                let range = try #require(word["scalars"] as? [Int])
                #expect(String(String.UnicodeScalarView(scalars[range[0]..<range[1]])) == word["written"] as? String)
            }
        }
        let info = try WAVInfo(parsing: Array(try Data(contentsOf: dir.url.appendingPathComponent("a.wav"))))
        let end = try #require(sentences.last?["end"] as? Double)
        #expect(abs(end - info.duration) < 0.05)
        #expect(abs((object["duration"] as? Double ?? 0) - info.duration) < 0.001)
    }

    @Test("timings that cannot be written after the synthesis: no audio is left either")
    func timingsFailLate() async throws {
        let dir = try ScratchDirectory()
        let input = try dir.write("article.txt", Self.article)
        try FileManager.default.createDirectory(atPath: dir.path("t.vtt"), withIntermediateDirectories: false)
        let result = try await CommandRunner.run([input, "-o", dir.path("a.wav"), "--timings", dir.path("t.vtt")])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("t.vtt"))
        #expect(dir.contents == ["article.txt", "t.vtt"])
    }

    @Test("audio that cannot be written: no timings are left either")
    func audioFails() async throws {
        let dir = try ScratchDirectory()
        let input = try dir.write("article.txt", Self.article)
        try FileManager.default.createDirectory(atPath: dir.path("a.wav"), withIntermediateDirectories: false)
        let result = try await CommandRunner.run([input, "-o", dir.path("a.wav"), "--timings", dir.path("t.json")])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(dir.contents == ["a.wav", "article.txt"])
    }

    @Test("-o - streams the WAV and writes the timings once the audio is out")
    func standardOutput() async throws {
        let dir = try ScratchDirectory()
        let input = try dir.write("article.txt", Self.article)
        let result = try await CommandRunner.run([input, "-o", "-", "--timings", dir.path("t.json")])
        #expect(result.status == 0, "\(result.stderr)")
        let info = try WAVInfo(parsing: Array(result.stdout))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: dir.url.appendingPathComponent("t.json"))) as? [String: Any])
        #expect(abs((object["duration"] as? Double ?? 0) - info.duration) < 0.001)
    }

    /// The sentences and words of a JSON timings file, checked for order and spans as they are read.
    private func checkedSentences(_ path: String) throws -> (text: String, sentences: [[String: Any]]) {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let text = try #require(object["text"] as? String)
        let scalars = Array(text.unicodeScalars)
        let sentences = try #require(object["sentences"] as? [[String: Any]])
        var previous = 0.0
        for sentence in sentences {
            let start = try #require(sentence["start"] as? Double), end = try #require(sentence["end"] as? Double)
            #expect(previous <= start && start <= end)
            previous = end
            for word in try #require(sentence["words"] as? [[String: Any]]) {
                let range = try #require(word["scalars"] as? [Int])
                #expect(String(String.UnicodeScalarView(scalars[range[0]..<range[1]])) == word["written"] as? String)
                let a = try #require(word["start"] as? Double), b = try #require(word["end"] as? Double)
                #expect(start <= a && a <= b && b <= end)
            }
        }
        return (text, sentences)
    }

    @Test("a sentence the engine crashed on, read again spelled apart or replaced by silence, still has its words")
    func crashedSentences() async throws {
        let dir = try ScratchDirectory()
        let crashing = try dir.write("crash.txt", IsolationTests.article(middle: IsolationTests.crashingSentence))
        let retried = try await CommandRunner.run([crashing, "-o", dir.path("crash.wav"), "--timings", dir.path("crash.json")])
        #expect(retried.status == 0 && retried.stderr.contains("spelled apart"), "\(retried.stderr)")
        let (_, sentences) = try checkedSentences(dir.path("crash.json"))
        #expect(sentences.count == 3)
        // Sixty "α" words, spoken by the defused retry: each has its span.
        #expect((sentences[1]["words"] as? [Any])?.count == 60)

        let marked = try dir.write("marked.txt", IsolationTests.article(middle: "Voici kaboumtest au milieu."))
        let silenced = try await CommandRunner.run(
            [marked, "-o", dir.path("marked.wav"), "--timings", dir.path("marked.json")],
            environment: ["ECOUTER_TEST_WORKER_CRASH_MARKER": "kaboumtest"])
        #expect(silenced.status == 0 && silenced.stderr.contains("silence"), "\(silenced.stderr)")
        let (_, silent) = try checkedSentences(dir.path("marked.json"))
        #expect(silent.count == 3)
        #expect((silent[1]["words"] as? [[String: Any]])?.map { $0["written"] as? String } == ["Voici", "kaboumtest", "au", "milieu"])
    }
}
