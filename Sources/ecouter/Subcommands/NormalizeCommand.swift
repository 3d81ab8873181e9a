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

            With --explain, each sentence (each line with --lines) is printed as a header             "sentence N [from, to) text", then one line per spoken piece: its source span, the written             text, the rule that read it ("date", "acronym", "lexicon"…; "word" and "punctuation" for             text kept as written) and what is said. Spans are half-open ranges of Unicode scalar             offsets into the input text (into the line with --lines).

            Example:
              $ echo "Le 1er mars, M. Dupont a payé 1 234,56 € à 14h30." | ecouter normalize
              Le premier mars, monsieur Dupont a payé mille deux cent trente-quatre euros cinquante-six à quatorze heures trente.
              $ echo "Le 1er mars à 14h30." | ecouter normalize --explain
              sentence 1 [0, 20) Le 1er mars à 14h30.
                [0, 2)    Le        word         Le
                [3, 11)   1er mars  date         premier mars
                [12, 13)  à         word         à
                [14, 19)  14h30     time         quatorze heures trente
                [19, 20)  .         punctuation  .
            """)

    @Argument(help: ArgumentHelp("A text file, or - for standard input (the default).", valueName: "file"))
    var file: String = "-"

    @Flag(help: "Treat each input line as an independent item: exactly one output line per input line.")
    var lines = false

    @Flag(help: "Show, for each sentence, the rule that read each piece, its source span and what is said.")
    var explain = false

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
            if explain {
                try explainPieces(bytes, normalizer, emit)
            } else if lines {
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

    /// `--explain`: the pieces of each sentence (of each line with --lines), see ``ExplainFormat``.
    private func explainPieces(_ bytes: [UInt8], _ normalizer: FrenchNormalizer, _ emit: (String) -> Void) throws {
        if lines {
            var number = 0
            LineItems.forEach(in: try LineItems.decode(bytes)) { item in
                number += 1
                let pieces = normalizer.pieces(of: item)
                for line in ExplainFormat.lines(label: "line \(number)", written: item, offset: 0, pieces: pieces) { emit(line) }
            }
            return
        }
        let text = try ArticleReader.decodeText(bytes)
        // Scalar offsets of sentence starts, counted forward from the previous sentence (linear overall).
        var cursor = text.startIndex
        var offset = 0
        var number = 0
        for sentence in normalizer.sentences(in: text) where !sentence.spoken.isEmpty {
            offset += text.unicodeScalars[cursor..<sentence.range.lowerBound].count
            cursor = sentence.range.lowerBound
            number += 1
            let pieces = normalizer.pieces(of: sentence.written)
            for line in ExplainFormat.lines(label: "sentence \(number)", written: sentence.written, offset: offset, pieces: pieces) {
                emit(line)
            }
        }
    }
}
