// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing

/// Inputs that are not articles, or articles shaped to cost too much.
@Suite("Command: hostile text")
struct HostileTextTests {
    static func gzip(_ bytes: [UInt8]) async throws -> [UInt8] {
        let result = try await CommandRunner.run(["-c", "gzip -c"], stdin: Data(bytes), shell: true)
        return [UInt8](result.stdout)
    }

    @Test("compressed input is refused whatever --input-format says", arguments: [["text"], ["text", "--input-format", "html"], ["text", "--input-format", "text"], ["normalize"]])
    func compressedInput(_ command: [String]) async throws {
        let dir = try ScratchDirectory()
        let page = try await Self.gzip(Array("<html><body><article><p>Un article assez long pour être lu.</p></article></body></html>".utf8))
        let path = try dir.write("page.html.gz", page)
        let result = try await CommandRunner.run(command + [path])
        #expect(result.status == 65, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("gzip-compressed"), "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("emoji-only text is 'nothing to read' (exit 65), not an empty WAV", arguments: ["😀 🎉 ❤️", "👍🏽\n\n🇫🇷 ✨", "★ ☆ → ←"])
    func emojiOnly(_ text: String) async throws {
        let dir = try ScratchDirectory()
        let input = try dir.write("emoji.txt", text + "\n")
        let result = try await CommandRunner.run([input, "-o", dir.path("out.wav")])
        #expect(result.status == 65, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("nothing to read"), "stderr: \(result.stderr)")
        #expect(!dir.contents.contains("out.wav"))
    }

    @Test("an emoji next to words is still read")
    func emojiWithWords() async throws {
        let dir = try ScratchDirectory()
        let input = try dir.write("a.txt", "Bonne nouvelle 🎉 pour tous.\n")
        let result = try await CommandRunner.run([input, "-o", dir.path("out.wav")])
        #expect(result.status == 0, "stderr: \(result.stderr)")
    }

    /// The peak memory of `ecouter ARGS`, in MB, measured by a Python parent so the test process's
    /// other children do not count.
    static func peakMemoryMB(_ arguments: [String]) async throws -> (status: Int32, megabytes: Int) {
        let script = "import resource,subprocess,sys; r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)"
        let result = try await CommandRunner.run(["-c", "exec python3 -c '\(script)' \"$@\"", "sh", CommandRunner.binary.path] + arguments, shell: true)
        let fields = result.stdoutText.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        try #require(fields.count == 2, "\(result.stdoutText) \(result.stderr)")
        return (Int32(fields[0]), fields[1])
    }

    @Test("blank lines do not cost memory in proportion (20 MB of them took 1.1 GB)")
    func blankLines() async throws {
        let dir = try ScratchDirectory()
        let input = try dir.write("blank.txt", "Un titre\n" + String(repeating: "\n", count: 5_000_000) + "Une phrase à lire.\n")
        let (status, megabytes) = try await Self.peakMemoryMB(["text", input])
        #expect(status == 0)
        #expect(megabytes < 200, "peak \(megabytes) MB for a 5 MB input")
    }
}

extension HostileTextTests {
    /// libxml2 took minutes on 50 000 attributes; the pre-scan refuses them at once.
    @Test("an element with 50 000 attributes is refused, not parsed for minutes", arguments: [["text"], ["text", "--input-format", "html"]])
    func manyAttributes(_ command: [String]) async throws {
        let dir = try ScratchDirectory()
        let attributes = (0..<50_000).map { "data-a\($0)=\"x\"" }.joined(separator: " ")
        let page = try dir.write("page.html", "<html><body><article \(attributes)><p>Un paragraphe.</p></article></body></html>")
        let result = try await CommandRunner.run(command + [page], timeout: 60)
        #expect(result.status == 65, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("attributes"), "stderr: \(result.stderr)")
    }
}
