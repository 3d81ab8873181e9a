// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Ecouter
import Foundation

/// `ecouter [read] FILE -o OUT`: the main job.
struct ReadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Speak an article into a WAV or MP3 file (the default command).",
        discussion: """
            FILE is plain text, scraped page text or HTML (detected, or set with --input-format); \
            `-` reads standard input. The output format follows the extension of OUT (.mp3 or .wav); \
            `-o -` streams WAV to standard output. Nothing is left on disk if reading fails or is \
            interrupted: audio goes to a temporary file renamed into place at the end. \
            --timings T writes when each sentence and word is heard, mapped to the article as \
            `ecouter text` prints it: WebVTT for T.vtt, JSON for T.json; the audio and the timings \
            are written both or neither (with `-o -`, the timings once all the audio is out).
            """)

    @Argument(help: ArgumentHelp("The article: a .txt or .html file, or - for standard input.", valueName: "file"))
    var file: String

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Where to write audio (.wav or .mp3), or - for WAV on standard output. Default: FILE with .wav.",
        valueName: "out"))
    var output: String?

    @Option(help: ArgumentHelp(
        "Also write sentence and word timings: .vtt (WebVTT) or .json, both files or neither.",
        valueName: "file"))
    var timings: String?

    @OptionGroup var input: InputOptions

    @Option(name: .long, help: BitrateOption.help)
    var bitrate: Int = 48

    @OptionGroup var voice: VoiceOptions

    @Option(help: ArgumentHelp(
        "Worker processes voicing the article at once, split where paragraphs end (default: the cores; short articles use one).",
        valueName: "n"))
    var jobs: Int = min(ProcessInfo.processInfo.activeProcessorCount, ReadingOptions.parallelismRange.upperBound)

    @Flag(name: .shortAndLong, help: "No progress line and no summary.")
    var quiet = false

    /// For benchmarks of what isolation costs: a crash of libespeak-ng then ends the command.
    @Flag(name: .customLong("unsafe-in-process"), help: .hidden)
    var inProcess = false

    func validate() throws {
        try BitrateOption.validate(bitrate)
        guard ReadingOptions.parallelismRange.contains(jobs) else {
            throw ValidationError("--jobs must be between \(ReadingOptions.parallelismRange.lowerBound) and \(ReadingOptions.parallelismRange.upperBound)")
        }
        if output == nil && file == "-" { throw ValidationError("reading standard input needs -o OUT (or -o - for standard output)") }
    }

    /// The timings file asked for, checked before anything starts: a settings error (exit 64) for
    /// an unknown extension or the audio's own path, an output error for a missing directory.
    private func timingsFile(audio target: String) throws(EcouterError) -> TimingsFile? {
        guard let timings else { return nil }
        let file = try TimingsFile(path: timings)
        if target != "-", file.url.standardizedFileURL == URL(fileURLWithPath: target).standardizedFileURL {
            throw EcouterError(.settings, "--timings and -o both name \(timings): give the timings a file of their own")
        }
        let directory = (timings as NSString).deletingLastPathComponent.isEmpty ? "." : (timings as NSString).deletingLastPathComponent
        if !FileManager.default.isWritableFile(atPath: directory) {
            throw EcouterError(.output, "cannot write \(timings): the directory is missing or not writable")
        }
        return file
    }

    func run() async throws {
        // The worker loads its engine while the options, the normalizer and the input are made.
        if !inProcess { SpeechWorkerCommand.executable.prestart() }
        Interrupts.removePartialOutputsOnSignal()
        let target = output ?? Self.defaultOutput(for: file)
        do {
            let timingsFile = try timingsFile(audio: target)
            var options = try voice.readingOptions(input: input)
            // Text from outside: libespeak-ng runs in a worker (the one started above).
            options.synthesis = inProcess ? .inProcess : .isolated(SpeechWorkerCommand.executable)
            options.parallelism = jobs
            let reader = ArticleReader(options: options)
            if target != "-", FileManager.default.fileExists(atPath: target) == false,
               !FileManager.default.isWritableFile(atPath: (target as NSString).deletingLastPathComponent.isEmpty ? "." : (target as NSString).deletingLastPathComponent) {
                // Checked before the work so a long article is not synthesized for nothing.
                throw EcouterError(.output, "cannot write \(target): the directory is missing or not writable")
            }
            let bytes = try InputFile.read(file)
            reader.prepareSynthesis(forInputBytes: bytes.count)  // the other workers load meanwhile
            let article = try reader.article(from: bytes)
            var encoding = AudioEncoding.forPath(target)
            if case .mp3 = encoding {
                encoding = .mp3(bitrateKbps: bitrate, tags: AudioTags(
                    title: article.title, artist: article.metadata.author, date: article.metadata.published))
            }
            let progress = ProgressLine(enabled: !quiet && isatty(2) == 1)
            let summary: AudioSummary
            if target == "-" {
                guard isatty(1) == 0 else { throw EcouterError(.output, "refusing to write audio to a terminal: redirect standard output or use -o FILE") }
                summary = try await reader.read(article, to: AudioOutput.standardOutput(), encoding: encoding, timings: timingsFile, progress: progress.update)
            } else {
                summary = try await reader.read(article, to: URL(fileURLWithPath: target), encoding: encoding, timings: timingsFile, progress: progress.update)
            }
            progress.finish()
            await reader.shutdownSynthesis()
            for warning in summary.warnings {
                FileHandle.standardError.write(Data("ecouter: warning: \(warning)\n".utf8))
            }
            if !quiet, isatty(2) == 1, target != "-" {
                let line = "wrote \(target): \(ProgressLine.clock(summary.duration)) of audio, \(summary.sentences) sentences, \(summary.bytes / 1024) KiB\n"
                FileHandle.standardError.write(Data(line.utf8))
            }
        } catch let error as EcouterError {
            throw fail(error)
        }
    }

    /// `article.txt` → `article.wav`, beside the input.
    static func defaultOutput(for file: String) -> String {
        let url = URL(fileURLWithPath: file)
        return url.deletingPathExtension().appendingPathExtension("wav").path
    }
}
