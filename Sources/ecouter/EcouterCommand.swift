// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Ecouter

@main
struct EcouterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ecouter",
        abstract: "Read French news articles aloud with eSpeak NG.",
        discussion: """
            ecouter cleans an article (page text or HTML), splits it into sentences, rewrites numbers, \
            dates, times, money, units, abbreviations and acronyms the way a French news reader says \
            them, and speaks it into a WAV or MP3 file.

            Examples:
              ecouter article.txt -o article.wav
              ecouter page.html -o article.mp3 --voice fr-BE
              curl -s URL | ecouter - -o - --input-format html | aplay
              ecouter normalize article.txt        # what will be said, sentence by sentence

            Exit status: 0 success, 64 usage or settings error, 65 bad input, 69 speech engine \
            unavailable, 73 output cannot be written, 130 interrupted.
            """,
        version: EcouterVersion.current,
        subcommands: [
            ReadCommand.self, TextCommand.self, NormalizeCommand.self, SentencesCommand.self, PhonemesCommand.self,
            VoicesCommand.self, InfoCommand.self, FeedCommand.self, FeedWorkerCommand.self,
            SpeechWorkerCommand.self, ServeCommand.self,
        ],
        defaultSubcommand: ReadCommand.self
    )

    /// Makes the process-wide settings (``ProcessSetup``), then parses and runs the command.
    static func main() async {
        ProcessSetup.prepare()
        await main(nil)
    }
}
