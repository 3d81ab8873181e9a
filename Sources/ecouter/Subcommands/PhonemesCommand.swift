// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Ecouter
import Foundation

/// `ecouter phonemes FILE`: eSpeak NG's phoneme mnemonics of what would be spoken.
struct PhonemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phonemes",
        abstract: "Print eSpeak NG's phonemes for what would be spoken, one sentence per line.",
        discussion: """
            With --lines, every input line is one item and the output has exactly one line per input \
            line. Lexicon entries given as [[phonemes]] are printed as they are.
            """)

    @Argument(help: ArgumentHelp("A text file, or - for standard input.", valueName: "file"))
    var file: String

    @Flag(help: "Treat each input line as an independent item; one output line per input line.")
    var lines = false

    @OptionGroup var voice: VoiceOptions

    func run() throws {
        do {
            let options = try voice.readingOptions()
            let normalizer = try ArticleReader(options: options).normalizer()
            let engine: SpeechEngine
            do { engine = try SpeechEngine.shared() } catch { throw EcouterError(.engine, error.message) }
            let espeakVoice = options.preset.espeakVoice
            func phonemes(_ spoken: String) throws(EcouterError) -> String {
                do throws(SynthesisError) {
                    return try PhonemeText.render(spoken) { text throws(SynthesisError) in
                        try engine.synchronously { (engine) throws(SynthesisError) in try engine.phonemes(of: text, voice: espeakVoice) }
                    }
                } catch {
                    throw EcouterError(.engine, error.message)
                }
            }
            if lines {
                var output = ""
                var failure: EcouterError?
                LineItems.forEach(in: try LineItems.decode(try InputFile.read(file))) { line in
                    guard failure == nil else { return }
                    let spoken = normalizer.pronounce(normalizer.normalize(line))
                    do throws(EcouterError) { output += (spoken.isEmpty ? "" : try phonemes(spoken)) + "\n" } catch { failure = error }
                }
                if let failure { throw failure }
                try StandardStreams.write(Array(output.utf8))
            } else {
                for sentence in normalizer.sentences(in: try InputFile.text(file)) {
                    try StandardStreams.printLine(try phonemes(normalizer.pronounce(sentence.spoken)))
                }
            }
        } catch let error as EcouterError {
            throw fail(error)
        }
    }
}
