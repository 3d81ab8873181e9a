// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing

/// Pages whose article says nothing (emoji only): one line, exit 65, no audio written.
@Suite("Command: pages with nothing to say")
struct NothingToReadTests {
    static let pages = [
        "<html><head><title>🎉</title></head><body><article><p>😀😀 🎉 😀😀 🎉 ❤️ ❤️</p></article></body></html>",
        "<html><head><title>🎉🎉</title></head><body><p>😀😀 🎉 😀😀 🎉 ❤️ ❤️ 🇫🇷 ✨</p></body></html>",
    ]

    @Test("an HTML page of emoji only is 'nothing to read', to a file", arguments: pages)
    func htmlToFile(_ page: String) async throws {
        let dir = try ScratchDirectory()
        let input = try dir.write("page.html", page)
        let result = try await CommandRunner.run([input, "-o", dir.path("out.wav")])
        #expect(result.status == 65, "stderr: \(result.stderr)")
        #expect(result.stderr.hasPrefix("ecouter: error: nothing to read"), "stderr: \(result.stderr)")
        #expect(result.stderr.filter { $0 == "\n" }.count == 1, "one line: \(result.stderr)")
        #expect(dir.contents == ["page.html"], "left behind: \(dir.contents)")
    }

    @Test("an HTML page of emoji only gives no bytes on standard output", arguments: pages)
    func htmlToStandardOutput(_ page: String) async throws {
        let result = try await CommandRunner.run(["-", "-o", "-"], stdin: Data(page.utf8))
        #expect(result.status == 65, "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty, "\(result.stdout.count) bytes written")
        #expect(result.stderr.contains("nothing to read"), "stderr: \(result.stderr)")
    }

    @Test("an emoji next to words in a page is still read")
    func emojiWithWords() async throws {
        let dir = try ScratchDirectory()
        let input = try dir.write("page.html", "<html><body><article><p>🎉 Bonne nouvelle pour tous 🎉</p></article></body></html>")
        let result = try await CommandRunner.run([input, "-o", dir.path("out.wav")])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let size = try FileManager.default.attributesOfItem(atPath: dir.path("out.wav"))[.size] as? Int ?? 0
        #expect(size > 22050, "\(size) bytes")
    }
}
