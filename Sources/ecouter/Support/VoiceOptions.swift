// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Ecouter
import Foundation

/// The voice flags shared by every subcommand that speaks or normalizes.
struct VoiceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "A voice preset (fr-FR, fr-BE, fr-CH), a preset .json file, or an eSpeak NG voice (e.g. fr-be).",
        valueName: "voice"))
    var voice: String = VoicePreset.standard.name

    @Option(help: ArgumentHelp("Speaking rate in words per minute, \(VoiceParameters.rateRange.lowerBound)–\(VoiceParameters.rateRange.upperBound) (default: the preset's).", valueName: "wpm"))
    var rate: Int?

    @Option(help: ArgumentHelp("Pitch, 0–100 (default: the preset's).", valueName: "n"))
    var pitch: Int?

    @Option(help: ArgumentHelp("Volume, 0–200 (default: the preset's, 100).", valueName: "n"))
    var volume: Int?

    @Option(name: .customLong("lexicon"), help: ArgumentHelp(
        "A pronunciation lexicon, written<TAB>respelling or [[phonemes]] per line; repeatable, later wins.",
        valueName: "file.tsv"))
    var lexicons: [String] = []

    /// The reading options these flags describe.
    /// - Throws: ``EcouterError`` `.settings` for an unknown voice, a bad lexicon, a value out of range.
    func readingOptions(input: InputOptions? = nil) throws(EcouterError) -> ReadingOptions {
        let preset = try VoicePreset.resolve(voice) { name in
            (try? SpeechEngine.shared().synchronously { $0.hasVoice(name) }) ?? false
        }
        var extra: [Lexicon] = []
        for path in lexicons {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw EcouterError(.settings, "cannot read lexicon \(path)")
            }
            do { extra.append(try Lexicon(tsv: String(decoding: data, as: UTF8.self), name: path)) } catch {
                throw EcouterError(.settings, "lexicon \(error)")
            }
        }
        let options = ReadingOptions(
            preset: preset, rate: rate, pitch: pitch, volume: volume, inputFormat: input?.inputFormat ?? .text,
            extraLexicons: extra, cleanupRules: try input?.cleanupRules() ?? .builtIn)
        try options.validate()
        return options
    }
}
