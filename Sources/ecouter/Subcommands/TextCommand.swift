// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import EcouterExtraction
import Foundation
import Logging

/// `ecouter text FILE`: prints what would be read — the title, then the blocks, blank lines between.
struct TextCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text",
        abstract: "Print what would be read from a page: the title, then the paragraphs.",
        discussion: "Scraped text is cleaned of site chrome; HTML is parsed and its main content kept.")

    @Argument(help: "The page: a .txt or .html file, or - for standard input.")
    var file: String

    @Option(help: "How the input is written: auto, text or html.")
    var inputFormat: InputFormat = .auto

    @Option(help: "A rules file that extends the built-in cleanup rules (same format as voices/cleanup-rules.txt).")
    var rules: String?

    @Flag(help: "Log extraction decisions (content root, fallbacks) to standard error.")
    var verbose = false

    func run() async throws {
        let bytes = try readInput(file)
        var cleanup = CleanupRules.builtIn
        if let rules {
            let text = String(decoding: try readInput(rules), as: UTF8.self)
            do { cleanup = cleanup.merging(try CleanupRules(parsing: text)) } catch {
                fail("ecouter: \(rules): \(error.message)")
            }
        }
        var logger = Logger(label: "ecouter.text", factory: { label in StreamLogHandler.standardError(label: label) })
        logger.logLevel = verbose ? .debug : .warning
        let extractor = ArticleExtractor(rules: cleanup, logger: logger)
        do {
            let article = try extractor.article(from: bytes, format: inputFormat)
            print(article.plainText)
        } catch {
            fail("ecouter: \(file == "-" ? "standard input" : file): \(error.message)")
        }
    }

    private func readInput(_ path: String) throws -> [UInt8] {
        do {
            if path == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
            return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            fail("ecouter: cannot read \(path): \((error as NSError).localizedDescription)")
        }
    }

    private func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        Foundation.exit(65)
    }
}

extension InputFormat: ExpressibleByArgument {}
