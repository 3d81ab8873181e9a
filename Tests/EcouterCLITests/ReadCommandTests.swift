// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterAudio
import Foundation
import Testing

@Suite("Command: read")
struct ReadCommandTests {
    static let article = """
        Le budget voté

        Le conseil municipal a adopté hier le budget 2025, à 21 voix contre 12. M. Martin, le maire, \
        s'est dit « satisfait ».

        Les travaux de la médiathèque commenceront le 3 mars à 8 h 30.
        """

    @Test("writes a valid WAV, prints nothing when not on a terminal, exits 0")
    func writesWAV() async throws {
        let dir = try ScratchDirectory()
        let input = try dir.write("article.txt", Self.article)
        let result = try await CommandRunner.run([input, "-o", dir.path("article.wav")])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.isEmpty)
        let info = try WAVInfo(parsing: Array(try Data(contentsOf: dir.url.appendingPathComponent("article.wav"))))
        #expect(info.sampleRate == 22050 && info.channels == 1 && info.bitsPerSample == 16)
        #expect(!info.isStreamingHeader)
        #expect(info.duration > 8 && info.duration < 40, "duration \(info.duration)")
        #expect(dir.contents == ["article.txt", "article.wav"])
    }

    @Test("without -o, the audio goes beside the input with .wav")
    func defaultOutput() async throws {
        let dir = try ScratchDirectory()
        let input = try dir.write("dépêche.txt", "Une courte dépêche.")
        let result = try await CommandRunner.run([input])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(dir.contents == ["dépêche.txt", "dépêche.wav"])
    }

    @Test("the same input gives byte-identical files across runs")
    func byteIdentical() async throws {
        let dir = try ScratchDirectory()
        let input = try dir.write("article.txt", Self.article)
        for name in ["a.wav", "b.wav"] {
            #expect(try await CommandRunner.run([input, "-o", dir.path(name)]).status == 0)
        }
        let a = try Data(contentsOf: URL(fileURLWithPath: dir.path("a.wav")))
        let b = try Data(contentsOf: URL(fileURLWithPath: dir.path("b.wav")))
        #expect(a.count > 100_000)
        let identical = a == b
        #expect(identical)
    }

    @Test("stdin to stdout: a streaming WAV header, same samples as the file")
    func streaming() async throws {
        let dir = try ScratchDirectory()
        let piped = try await CommandRunner.run(["-", "-o", "-"], stdin: Data(Self.article.utf8))
        #expect(piped.status == 0, "stderr: \(piped.stderr)")
        let streamed = try WAVInfo(parsing: Array(piped.stdout))
        #expect(streamed.isStreamingHeader)
        let input = try dir.write("article.txt", Self.article)
        #expect(try await CommandRunner.run([input, "-o", dir.path("file.wav")]).status == 0)
        let file = try WAVInfo(parsing: Array(try Data(contentsOf: URL(fileURLWithPath: dir.path("file.wav")))))
        let same = streamed.samples == file.samples
        #expect(same, "\(streamed.samples.count) vs \(file.samples.count) samples")
    }

    @Test("an interrupt (SIGINT) leaves no file behind, exits 130")
    func interrupted() async throws {
        let dir = try ScratchDirectory()
        let process = try await CommandRunner.startLongReading(in: dir)
        #expect(dir.contents.contains { $0.hasSuffix(".part") }, "no temporary file seen: \(dir.contents)")
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(dir.contents == ["long.txt"])
    }

    @Test("--help teaches; --version answers; voices lists the presets")
    func help() async throws {
        let help = try await CommandRunner.run(["--help"])
        #expect(help.status == 0)
        for word in ["read", "normalize", "phonemes", "voices", "Examples", "Exit status"] {
            #expect(help.stdoutText.contains(word), "help lacks \(word)")
        }
        let readHelp = try await CommandRunner.run(["read", "--help"])
        for flag in ["--voice", "--rate", "--pitch", "--volume", "--output", "--lexicon"] {
            #expect(readHelp.stdoutText.contains(flag), "read --help lacks \(flag)")
        }
        let version = try await CommandRunner.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdoutText.split(separator: ".").count == 3)
        let voices = try await CommandRunner.run(["voices"])
        #expect(voices.stdoutText.split(separator: "\n").map { $0.split(separator: "\t")[0] } == ["fr-FR (default)", "fr-BE", "fr-CH"])
    }

    @Test("voice presets change the audio: fr-BE differs from fr-FR, a rate changes length")
    func voices() async throws {
        let dir = try ScratchDirectory()
        let input = try dir.write("a.txt", "Il y a 70 ans, 90 personnes.")
        #expect(try await CommandRunner.run([input, "-o", dir.path("fr.wav")]).status == 0)
        #expect(try await CommandRunner.run([input, "-o", dir.path("be.wav"), "--voice", "fr-BE"]).status == 0)
        #expect(try await CommandRunner.run([input, "-o", dir.path("fast.wav"), "--rate", "300"]).status == 0)
        func info(_ name: String) throws -> WAVInfo { try WAVInfo(parsing: Array(try Data(contentsOf: URL(fileURLWithPath: dir.path(name))))) }
        #expect(try info("fr.wav").samples != info("be.wav").samples)
        #expect(try info("fast.wav").duration < info("fr.wav").duration * 0.8)
        let be = try await CommandRunner.run(["normalize", "--voice", "fr-BE", "-"], stdin: Data("Il y a 70 ans, 90 personnes.".utf8))
        #expect(be.stdoutText.contains("septante"))
        #expect(be.stdoutText.contains("nonante"))
    }
}

@Suite("Command: MP3")
struct MP3CommandTests {
    @Test("-o out.mp3 writes an MP3 that decodes to the same length as the WAV, with its title tag")
    func mp3() async throws {
        let dir = try ScratchDirectory()
        let input = try dir.write("article.txt", ReadCommandTests.article)
        #expect(try await CommandRunner.run([input, "-o", dir.path("a.wav")]).status == 0)
        let result = try await CommandRunner.run([input, "-o", dir.path("a.mp3")])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let mp3 = Array(try Data(contentsOf: URL(fileURLWithPath: dir.path("a.mp3"))))
        #expect(mp3.starts(with: Array("ID3".utf8)))
        #expect(mp3.count > 10_000)
        // Decode with mpg123 (a peer decoder) and compare durations.
        let decoded = dir.path("decoded.wav")
        let mpg123 = Process()
        mpg123.executableURL = URL(fileURLWithPath: "/usr/bin/mpg123")
        mpg123.arguments = ["-q", "-w", decoded, dir.path("a.mp3")]
        try mpg123.run()
        mpg123.waitUntilExit()
        #expect(mpg123.terminationStatus == 0)
        let wav = try WAVInfo(parsing: Array(try Data(contentsOf: URL(fileURLWithPath: dir.path("a.wav")))))
        let back = try WAVInfo(parsing: Array(try Data(contentsOf: URL(fileURLWithPath: decoded))))
        #expect(abs(back.duration - wav.duration) < 0.1, "\(back.duration) s vs \(wav.duration) s")
        // The article's title is in the tag, as Latin-1 or UTF-16 text.
        let latin1 = Array("Le budget".utf8)
        let utf16 = Array("Le budget".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let head = Array(mp3.prefix(1024))
        #expect(head.indices.contains { head[$0...].starts(with: latin1) || head[$0...].starts(with: utf16) }, "title not in the tag")
        let title = Array("TIT2".utf8)
        #expect(mp3.prefix(1024).indices.contains { mp3[$0...].starts(with: title) }, "no TIT2 frame")
    }
}
