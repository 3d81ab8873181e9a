// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Ecouter
import Foundation

/// `ecouter normalize FILE`: prints what would be said, one sentence per line.
struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Print the spoken form of French text, one sentence per line.",
        discussion: """
            Numbers, dates, times, money, units, abbreviations, acronyms and symbols are written out \
            as a French news reader says them, with the voice preset's regional number words and \
            lexicons. Without --lines, FILE is read as `ecouter FILE` reads it: the article (title, \
            then paragraphs) is extracted from the page first. With --lines, every input line is one \
            item and the output has exactly one line per input line.

            Example:
              $ echo "Le 1er mars, M. Dupont a payé 1 234,56 € à 14h30." | ecouter normalize
              Le premier mars, monsieur Dupont a payé mille deux cent trente-quatre euros cinquante-six à quatorze heures trente.
            """)

    @Argument(help: ArgumentHelp("A text file, or - for standard input (the default).", valueName: "file"))
    var file: String = "-"

    @Flag(help: "Treat each input line as an independent item: exactly one output line per input line.")
    var lines = false

    @Option(help: ArgumentHelp("Override the preset's region for number words: fr-FR, fr-BE or fr-CH.", valueName: "region"))
    var region: String?

    @OptionGroup var input: InputOptions

    @OptionGroup var voice: VoiceOptions

    func run() throws {
        do {
            var options = try voice.readingOptions()
            options.inputFormat = input.inputFormat
            options.cleanupRules = try input.cleanupRules()
            let reader = ArticleReader(options: options)
            var normalizer = try reader.normalizer()
            if let region {
                guard let chosen = FrenchRegion(rawValue: region) else {
                    throw EcouterError(.settings, "unknown region \(region) (expected fr-FR, fr-BE or fr-CH)")
                }
                normalizer.options.region = chosen
            }
            let bytes = try InputFile.read(file)
            // Written out by chunks of about 1 MB: a large input is not held twice more in memory.
            let chunk = 1 << 20
            var output = ""
            output.reserveCapacity(chunk + chunk / 4)
            var failure: EcouterError?
            func emit(_ line: String) {
                guard failure == nil else { return }
                output += line
                output += "\n"
                if output.utf8.count >= chunk {
                    do throws(EcouterError) { try StandardStreams.write(output.utf8) } catch { failure = error }
                    output.removeAll(keepingCapacity: true)
                }
            }
            if lines {
                let text = try LineItems.decode(bytes)
                LineItems.forEach(in: text) { item in emit(normalizer.normalize(item)) }
            } else {
                // What `ecouter FILE` reads: the extracted article, not the page around it.
                let article = try reader.article(from: bytes)
                for text in [article.title].compactMap({ $0 }) + article.blocks.map(\.text) {
                    normalizer.forEachSentence(in: text) { sentence in
                        if !sentence.spoken.isEmpty { emit(sentence.spoken) }
                    }
                }
            }
            if let failure { throw failure }
            try StandardStreams.write(output.utf8)
        } catch let error as EcouterError {
            throw fail(error)
        }
    }
}
