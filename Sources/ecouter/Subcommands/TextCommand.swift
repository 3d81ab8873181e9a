// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Ecouter
import Foundation
import Logging

/// `ecouter text FILE`: prints what would be read — the title, then the blocks, blank lines between.
struct TextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text",
        abstract: "Print what would be read from a page: the title, then the paragraphs.",
        discussion: """
            Scraped page text is cleaned of site chrome (ads, player and share leftovers, rating \
            prompts, cookie notices, "À lire aussi" blocks and their teasers, bylines); HTML is \
            parsed with libxml2 and its main content kept. The rules are data: see \
            voices/cleanup-rules.txt, and add your own with --rules.
            """)

    @Argument(help: ArgumentHelp("The page: a .txt or .html file, or - for standard input.", valueName: "file"))
    var file: String

    @OptionGroup var input: InputOptions

    @Flag(help: "Log extraction decisions (content root, fallbacks) to standard error.")
    var verbose = false

    func run() throws {
        do {
            var logger = Logger(label: "ecouter.text") { StreamLogHandler.standardError(label: $0) }
            logger.logLevel = verbose ? .debug : .warning
            let options = ReadingOptions(inputFormat: input.inputFormat, cleanupRules: try input.cleanupRules())
            let article = try ArticleReader(options: options, logger: logger).article(from: try InputFile.read(file))
            try StandardStreams.printLine(article.plainText)
        } catch {
            throw fail(error)
        }
    }
}
