// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import EcouterNormalization
import Foundation

/// `ecouter normalize FILE`: prints what would be said, one sentence per line.
struct NormalizeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Print the spoken form of French text, one sentence per line.")

    @Argument(help: "The text file to read, or - for standard input (the default).")
    var file: String = "-"

    @Flag(help: "Treat each input line as an independent item: exactly one output line per input line.")
    var lines = false

    @Option(help: "French region for number words: fr-FR, fr-BE or fr-CH.")
    var region: String = FrenchRegion.france.rawValue

    @Option(name: .customLong("lexicon"), help: "A pronunciation lexicon (written<TAB>spoken TSV); repeatable.")
    var lexicons: [String] = []

    func run() async throws {
        guard let frenchRegion = FrenchRegion(rawValue: region) else {
            fail("unknown region \(region) (expected fr-FR, fr-BE or fr-CH)")
            throw ExitCode(64)
        }
        var lexicon = Lexicon()
        for path in lexicons {
            let text = try readText(path)
            do {
                lexicon = lexicon.merging(try Lexicon(tsv: text, name: path))
            } catch {
                fail("\(error)")
                throw ExitCode(65)
            }
        }
        let normalizer = FrenchNormalizer(options: NormalizerOptions(region: frenchRegion, lexicon: lexicon))
        let text = try readText(file)
        var output = ""
        output.reserveCapacity(text.utf8.count + text.utf8.count / 4)
        if lines {
            // Split on newline bytes: far cheaper than splitting by Characters.
            var utf8 = Array(text.utf8)
            if utf8.last == 0x0A { utf8.removeLast() }
            if !text.isEmpty {
                for item in utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
                    let line = item.last == 0x0D ? item.dropLast() : item
                    output += normalizer.normalize(String(decoding: line, as: UTF8.self))
                    output += "\n"
                }
            }
        } else {
            for sentence in normalizer.sentences(in: text) where !sentence.spoken.isEmpty {
                output += sentence.spoken
                output += "\n"
            }
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }

    private func readText(_ path: String) throws -> String {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: path) else {
                fail("cannot read \(path)")
                throw ExitCode(65)
            }
            data = contents
        }
        guard let text = String(data: data, encoding: .utf8) else {
            fail("\(path == "-" ? "standard input" : path) is not valid UTF-8")
            throw ExitCode(65)
        }
        return text
    }

    private func fail(_ message: String) {
        FileHandle.standardError.write(Data("ecouter normalize: \(message)\n".utf8))
    }
}
