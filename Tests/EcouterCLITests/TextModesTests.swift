// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing

/// The modes the evaluators drive: one output line per input line, whatever the line holds.
@Suite("Command: text modes")
struct TextModesTests {
    static let items = ["21 pages", "", "le 1er janvier 2024", "M. Dupont", "   ", "14h30", "\u{00A0}1\u{202F}234,56 €"]

    @Test("normalize --lines keeps one line per item")
    func normalizeLines() async throws {
        let result = try await CommandRunner.run(["normalize", "--lines"], stdin: Data((Self.items.joined(separator: "\n") + "\n").utf8))
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdoutText.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == Self.items.count)
        #expect(lines[0] == "vingt et une pages")
        #expect(lines[1] == "")
        #expect(lines[5] == "quatorze heures trente")
    }

    @Test("phonemes --lines keeps one line per item and gives eSpeak NG mnemonics")
    func phonemesLines() async throws {
        let result = try await CommandRunner.run(["phonemes", "--lines", "-"], stdin: Data((Self.items.joined(separator: "\n") + "\n").utf8))
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdoutText.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == Self.items.count)
        #expect(lines[0].contains("yn"))      // "une", feminine
        #expect(lines[3].contains("m@sj"))    // "monsieur", not the letter M
        #expect(lines[1].isEmpty)
    }

    @Test("--lines with invalid UTF-8 is an input error")
    func invalidLines() async throws {
        let result = try await CommandRunner.run(["normalize", "--lines"], stdin: Data([0x61, 0xFF, 0x0A]))
        #expect(result.status == 65)
        #expect(result.stderr.contains("UTF-8"))
    }
}

@Suite("Command: text and sentences")
struct TextAndSentencesTests {
    static let page = """
        <!doctype html><html lang="fr"><head><title>Grève à la SNCF - Le Quotidien</title>
        <meta property="og:title" content="Grève à la SNCF : trafic perturbé mardi"></head>
        <body><nav><a href="/">Accueil</a> <a href="/sport">Sport</a></nav>
        <div class="cookie-banner">Nous utilisons des cookies. <button>Accepter</button></div>
        <article><h1>Grève à la SNCF : trafic perturbé mardi</h1>
        <p>Le trafic sera très perturbé mardi sur l'ensemble du réseau, a annoncé la direction lundi soir.</p>
        <p>Seul un TGV sur trois circulera, selon les prévisions publiées par l'entreprise.</p>
        <aside class="related"><h2>À lire aussi</h2><a href="/x">Les grèves de 1995</a></aside></article>
        <footer>© Le Quotidien 2025</footer></body></html>
        """

    @Test("text: the title and paragraphs of an HTML page, chrome dropped")
    func textFromHTML() async throws {
        let result = try await CommandRunner.run(["text", "-"], stdin: Data(Self.page.utf8))
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let blocks = result.stdoutText.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        #expect(blocks.first == "Grève à la SNCF : trafic perturbé mardi")
        #expect(blocks.contains { $0.hasPrefix("Le trafic sera très perturbé") })
        for chrome in ["Accueil", "cookies", "À lire aussi", "1995", "©"] {
            #expect(!result.stdoutText.contains(chrome), "kept \(chrome)")
        }
    }

    @Test("normalize FILE previews the extracted article, not the page chrome")
    func normalizePreviewsTheArticle() async throws {
        let scraped = "Publicité\nAccueil\nSport\nGrève à la SNCF : trafic perturbé mardi\nPartager\n"
            + "Le trafic sera très perturbé mardi sur l'ensemble du réseau, a annoncé la direction lundi soir à 21h30.\n"
            + "Avez-vous aimé cet article ?\nOui\nNon\n"
        for (input, name) in [(scraped, "page.txt"), (Self.page, "page.html")] {
            let dir = try ScratchDirectory()
            let result = try await CommandRunner.run(["normalize", try dir.write(name, input)])
            #expect(result.status == 0, "stderr: \(result.stderr)")
            let lines = result.stdoutText.split(separator: "\n")
            #expect(lines.first?.hasPrefix("Grève à la") == true && lines.first?.hasSuffix("trafic perturbé mardi") == true, "\(name): \(lines)")
            #expect(lines.contains { $0.hasPrefix("Le trafic sera très perturbé") })
            if name == "page.txt" { #expect(result.stdoutText.contains("vingt et une heures trente")) }
            for chrome in ["Publicité", "Accueil", "Partager", "Avez-vous", "cookies"] {
                #expect(!result.stdoutText.contains(chrome), "\(name) normalized \(chrome)")
            }
        }
    }

    @Test("read speaks an HTML page the same as its text")
    func readHTML() async throws {
        let dir = try ScratchDirectory()
        let html = try dir.write("page.html", Self.page)
        let result = try await CommandRunner.run([html, "-o", dir.path("page.wav")])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(dir.contents == ["page.html", "page.wav"])
    }

    @Test("text: a page with no article, a missing file: one line, exit 65")
    func textErrors() async throws {
        let empty = try await CommandRunner.run(["text", "-", "--input-format", "html"], stdin: Data("<html><body><nav>Menu</nav></body></html>".utf8))
        #expect(empty.status == 65)
        #expect(empty.stderr.split(separator: "\n").count == 1, "stderr: \(empty.stderr)")
        let missing = try await CommandRunner.run(["text", "/nonexistent/page.html"])
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("no such file"))
    }

    @Test("sentences: one per line; --lines: a JSON array per input line")
    func sentences() async throws {
        let text = "M. Dupont est arrivé à 14 h. Il a dit : « Qui vient ? » Puis il est reparti."
        let plain = try await CommandRunner.run(["sentences", "-"], stdin: Data(text.utf8))
        #expect(plain.status == 0)
        #expect(plain.stdoutText.split(separator: "\n") == ["M. Dupont est arrivé à 14 h.", "Il a dit : « Qui vient ? »", "Puis il est reparti."])
        let lines = try await CommandRunner.run(["sentences", "--lines", "-"], stdin: Data((text + "\n\nUne seule.\n").utf8))
        let rows = lines.stdoutText.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(rows.count == 3)
        let decoded = try rows.map { try JSONDecoder().decode([String].self, from: Data($0.utf8)) }
        #expect(decoded.map(\.count) == [3, 0, 1])
        let bad = try await CommandRunner.run(["sentences", "-"], stdin: Data([0xC3, 0x28]))
        #expect(bad.status == 65)
    }
}
