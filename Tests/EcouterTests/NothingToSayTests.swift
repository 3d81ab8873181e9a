// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import Foundation
import Testing

/// An article of emoji or symbols only is refused before any audio is made, by every way in.
@Suite("Reader: articles with nothing to say")
struct NothingToSayTests {
    static let silent = Article(title: "🎉🎉", blocks: [.paragraph("😀 👍🏽 ❤️"), .heading("🇫🇷 ✨"), .quote("👏👏👏")])

    /// Runs `body`, which must throw the "nothing to read" input error.
    private func expectNothingToRead(_ what: String, _ body: () async throws(EcouterError) -> Void) async {
        do {
            try await body()
            Issue.record("\(what): no error")
        } catch {
            #expect(error.code == .input && error.saysNothing && error.message.hasPrefix("nothing to read"), "\(what): \(error.message)")
        }
    }

    @Test("reading it into a file throws an input error and leaves no file")
    func toFile() async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ecouter-silent-\(UUID().uuidString).wav")
        await expectNothingToRead("read") { () async throws(EcouterError) in _ = try await ArticleReader().read(Self.silent, to: url) }
        #expect(!FileManager.default.fileExists(atPath: url.path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
            .filter { $0.hasPrefix(url.lastPathComponent) }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test("its chunks and its spoken text are refused the same way")
    func chunksAndText() async {
        await expectNothingToRead("audioChunks") { () throws(EcouterError) in _ = try ArticleReader().audioChunks(for: Self.silent) }
        await expectNothingToRead("spokenText") { () throws(EcouterError) in _ = try ArticleReader().spokenText(of: Self.silent) }
    }

    @Test("one word anywhere is enough, even after a silent title")
    func oneWord() throws {
        var article = Self.silent
        article.blocks.append(.paragraph("Fin."))
        #expect(try ArticleReader().spokenText(of: article).contains("Fin"))
    }
}
