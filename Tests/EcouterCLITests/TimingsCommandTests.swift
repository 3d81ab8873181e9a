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
    func unknownExtension() throws {
        let dir = try ScratchDirectory()
        let input = try dir.write("article.txt", Self.article)
        let result = try CommandRunner.run([input, "-o", dir.path("a.mp3"), "--timings", dir.path("a.srt")])
        #expect(result.status == 64)
        #expect(result.stderr.contains(".vtt or .json") && result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(dir.contents == ["article.txt"])
    }

    @Test("the same file for audio and timings is refused with exit 64")
    func sameFile() throws {
        let dir = try ScratchDirectory()
        let input = try dir.write("article.txt", Self.article)
        let result = try CommandRunner.run([input, "-o", dir.path("a.json"), "--timings", dir.path("a.json")])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(dir.contents == ["article.txt"])
    }

    @Test("MP3 with WebVTT: both written; one cue per sentence with word timestamps")
    func webVTT() throws {
        let dir = try ScratchDirectory()
        let input = try dir.write("article.txt", Self.article)
        let result = try CommandRunner.run([input, "-o", dir.path("a.mp3"), "--timings", dir.path("a.vtt")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(dir.contents == ["a.mp3", "a.vtt", "article.txt"])
        let vtt = try String(contentsOfFile: dir.path("a.vtt"), encoding: .utf8)
        #expect(vtt.hasPrefix("WEBVTT\n\n1\n00:00:00.0"))
        #expect(vtt.components(separatedBy: " --> ").count - 1 == 3)
        #expect(vtt.contains("<00:00:") && vtt.contains("21 h 30.") && vtt.contains("satisfait »."))
    }

    @Test("JSON: the text is what `ecouter text` prints, ranges spell the words, the end is the audio's")
    func json() throws {
        let dir = try ScratchDirectory()
        let input = try dir.write("article.txt", Self.article)
        let result = try CommandRunner.run([input, "-o", dir.path("a.wav"), "--timings", dir.path("a.json")])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try CommandRunner.run(["text", input]).stdoutText
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
    func timingsFailLate() throws {
        let dir = try ScratchDirectory()
        let input = try dir.write("article.txt", Self.article)
        try FileManager.default.createDirectory(atPath: dir.path("t.vtt"), withIntermediateDirectories: false)
        let result = try CommandRunner.run([input, "-o", dir.path("a.wav"), "--timings", dir.path("t.vtt")])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("t.vtt"))
        #expect(dir.contents == ["article.txt", "t.vtt"])
    }

    @Test("audio that cannot be written: no timings are left either")
    func audioFails() throws {
        let dir = try ScratchDirectory()
        let input = try dir.write("article.txt", Self.article)
        try FileManager.default.createDirectory(atPath: dir.path("a.wav"), withIntermediateDirectories: false)
        let result = try CommandRunner.run([input, "-o", dir.path("a.wav"), "--timings", dir.path("t.json")])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(dir.contents == ["a.wav", "article.txt"])
    }

    @Test("-o - streams the WAV and writes the timings once the audio is out")
    func standardOutput() throws {
        let dir = try ScratchDirectory()
        let input = try dir.write("article.txt", Self.article)
        let result = try CommandRunner.run([input, "-o", "-", "--timings", dir.path("t.json")])
        #expect(result.status == 0, "\(result.stderr)")
        let info = try WAVInfo(parsing: Array(result.stdout))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: dir.url.appendingPathComponent("t.json"))) as? [String: Any])
        #expect(abs((object["duration"] as? Double ?? 0) - info.duration) < 0.001)
    }
}
