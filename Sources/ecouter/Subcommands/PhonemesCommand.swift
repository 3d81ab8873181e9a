// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Ecouter
import Foundation

/// `ecouter phonemes FILE`: eSpeak NG's phoneme mnemonics of what would be spoken.
struct PhonemesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phonemes",
        abstract: "Print eSpeak NG's phonemes for what would be spoken, one sentence per line.",
        discussion: """
            With --lines, every input line is one item and the output has exactly one line per input \
            line. Lexicon entries given as [[phonemes]] are printed as they are. eSpeak NG runs in a \
            speech worker, as for reading: a text it crashes on is retried with its letters spelled \
            apart, else its line is left empty, with a warning on stderr.
            """)

    @Argument(help: ArgumentHelp("A text file, or - for standard input.", valueName: "file"))
    var file: String

    @Flag(help: "Treat each input line as an independent item; one output line per input line.")
    var lines = false

    @Flag(name: .customLong("unsafe-in-process"), help: ArgumentHelp(
        "Run eSpeak NG in this process, not in a speech worker (faster to start; a crash of the engine ends the command).",
        visibility: .hidden))
    var inProcess = false

    @OptionGroup var voice: VoiceOptions

    func run() async throws {
        do throws(EcouterError) {
            var options = try voice.readingOptions()
            options.synthesis = inProcess ? .inProcess : .isolated(SpeechWorkerCommand.executable)
            let reader = ArticleReader(options: options)
            let normalizer = try reader.normalizer()
            var number = 0
            func phonemes(_ spoken: String) async throws(EcouterError) -> String {
                number += 1
                guard !spoken.isEmpty else { return "" }
                let result = try await reader.phonemes(ofSpoken: spoken)
                if let warning = result.warning {
                    StandardStreams.writeError("ecouter: warning: \(lines ? "line" : "sentence") \(number): \(warning)\n")
                }
                return result.text
            }
            if lines {
                var spoken: [String] = []
                LineItems.forEach(in: try LineItems.decode(try InputFile.read(file))) { line in
                    spoken.append(normalizer.pronounce(normalizer.normalize(line)))
                }
                var output = ""
                for line in spoken { output += try await phonemes(line) + "\n" }
                try StandardStreams.write(Array(output.utf8))
            } else {
                for sentence in normalizer.sentences(in: try InputFile.text(file)) {
                    try StandardStreams.printLine(try await phonemes(normalizer.pronounce(sentence.spoken)))
                }
            }
            await reader.shutdownSynthesis()
        } catch {
            throw fail(error)
        }
    }
}
