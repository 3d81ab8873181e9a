// SPDX-License-Identifier: GPL-3.0-or-later
public import ArgumentParser
import Ecouter
import EcouterFeed
import Foundation

/// `ecouter feed SOURCE -d DIR`: voice a feed into an audio library, a manifest, a page and a podcast feed.
struct FeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed",
        abstract: "Voice every item of an RSS, Atom or JSON Feed into DIR, incrementally.",
        discussion: """
            SOURCE is a file or an http(s) URL. Each item becomes one audio file named from the hash \
            of its id, with its word and sentence timings beside it (.vtt and .json); manifest.json \
            records what was made, so a re-run only voices new or changed items. index.html lists \
            the episodes with a player and the text, which follows the voice; --base-url also writes \
            feed.xml, a podcast feed with each episode's transcript, whose artwork, owner and \
            category come from --podcast FILE and the podcast options (a warning says when a \
            directory would refuse it).

            Exit status: 0 all items voiced (an item with nothing to speak, emoji only, is skipped \
            with a warning), 1 some items failed (see manifest.json), 64 usage, \
            65 the feed cannot be read (malformed, hostile, too large, HTTP error), 73 DIR cannot be \
            written or another run is using it.
            """)

    @Argument(help: ArgumentHelp("The feed: a file, or an http(s) URL.", valueName: "source"))
    var source: String

    @Option(name: [.customShort("d"), .customLong("directory")], help: ArgumentHelp("The output directory (created if missing).", valueName: "dir"))
    var directory: String

    @Option(help: "Audio format: mp3, opus (24 kb/s) or wav.")
    var format: AudioFormat = .mp3

    @Option(help: BitrateOption.help)
    var bitrate: Int = 48

    @Option(help: ArgumentHelp("Items voiced at once, each in its own worker process (default and maximum: the cores).", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Fetch each item's link when the feed carries only a summary.")
    var fetchArticles = false

    @Flag(help: "Delete the audio of items no longer in the feed.")
    var prune = false

    @Option(help: ArgumentHelp("Where DIR will be served (e.g. https://example.org/audio/); writes feed.xml.", valueName: "url"))
    var baseURL: String?

    @Option(help: ArgumentHelp("Handle only shard K of N (1 ≤ K ≤ N), chosen by hash of item id.", valueName: "K/N"))
    var shard: String?

    @Option(help: ArgumentHelp("Seconds allowed for each fetch (feed or article).", valueName: "s"))
    var timeout: Double = 20

    @Option(help: ArgumentHelp("Largest feed or article accepted, in MiB.", valueName: "mib"))
    var maxSize: Int = 16

    @Flag(help: "Print one JSON event per line on standard output.")
    var json = false

    @OptionGroup(title: "Podcast (with --base-url)") var podcast: PodcastOptions

    @OptionGroup var voice: VoiceOptions

    func validate() throws {
        try BitrateOption.validate(bitrate)
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        do throws(FeedError) { try FetchLimits(timeout: timeout).validate() } catch {
            throw ValidationError("--timeout: \(error.message)")
        }
        guard (1...1024).contains(maxSize) else { throw ValidationError("--max-size must be between 1 and 1024 MiB") }
        if let shard { do { _ = try Shard(parsing: shard) } catch { throw ValidationError(error.message) } }
        if let baseURL {
            guard let url = URL(string: baseURL), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme) else {
                throw ValidationError("--base-url must be an http(s) URL")
            }
        }
        do { _ = try podcast.flagSettings() } catch { throw ValidationError(error.message) }
    }

    func run() async throws {
        Interrupts.removePartialOutputsOnSignal(
            outcome: "the items finished so far are kept in \(directory) (manifest.json); the next run voices the rest")
        var options: ReadingOptions
        do { options = try voice.readingOptions() } catch { throw fail(error) }
        // A bad settings file stops the run before anything is read or written.
        let podcastSettings: PodcastSettings
        do { podcastSettings = try podcast.settings() } catch {
            printError(error.message)
            throw ExitCode(ExitStatus.usage)
        }
        // Feed text is from outside: with one job this process speaks, through a speech worker.
        if jobs == 1 { options.synthesis = .isolated(SpeechWorkerCommand.executable) }
        let reader = ArticleReader(options: options)
        let renderer = renderer(reader: reader)
        let runner = FeedRunner(reader: reader, renderer: renderer, options: try runOptions(podcast: podcastSettings))
        let display = FeedProgress(mode: json ? .json : isatty(2) == 1 ? .terminal : .quiet)
        let result: Result<FeedRunSummary, FeedError>
        do throws(FeedError) {
            result = .success(try await runner.run(FeedSource(source), events: display.handle))
        } catch {
            result = .failure(error)
        }
        display.finish()
        // Let the workers exit and reap them, so their time is accounted to this command.
        await (renderer as? WorkerProcessRenderer)?.shutdown()
        switch result {
        case .success(let summary):
            if let failure = display.outputFailure {
                throw fail(EcouterError(.output, "the run finished, but its events were not all printed: \(failure.message)"))
            }
            if summary.failed > 0 { throw ExitCode(1) }
        case .failure(let error):
            printError(error.message)
            throw ExitCode(Self.exitStatus(error.code))
        }
    }

    private func runOptions(podcast: PodcastSettings) throws -> FeedRunOptions {
        var selected = Shard.all
        if let shard {
            do throws(FeedError) { selected = try Shard(parsing: shard) } catch { throw ValidationError(error.message) }
        }
        return FeedRunOptions(
            directory: URL(fileURLWithPath: directory), format: format, bitrateKbps: bitrate, jobs: jobs,
            fetchArticles: fetchArticles, prune: prune, baseURL: baseURL.flatMap { URL(string: $0) },
            shard: selected, limits: FetchLimits(timeout: timeout, maximumBytes: maxSize << 20), podcast: podcast)
    }

    /// 73 when DIR cannot be written, 64 for usage, 65 for a feed that cannot be had or read.
    static func exitStatus(_ code: FeedError.Code) -> Int32 {
        switch code {
        case .io, .busy: ExitStatus.output
        case .usage: ExitStatus.usage
        default: ExitStatus.input
        }
    }

    /// One worker process per concurrent item when `--jobs` > 1: eSpeak NG allows one engine per process.
    private func renderer(reader: ArticleReader) -> any ItemRenderer {
        guard jobs > 1 else { return InProcessRenderer(reader: reader) }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return WorkerProcessRenderer(executable: executable, arguments: ["feed-worker"] + voice.arguments)
    }
}

/// `ecouter feed-worker` (hidden): speak the jobs read on standard input, one JSON line each, and
/// answer each with one JSON line on standard output, until standard input closes.
struct FeedWorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed-worker", abstract: "Internal: the worker process of `ecouter feed --jobs N`.",
        shouldDisplay: false)

    @OptionGroup var voice: VoiceOptions

    func run() async throws {
        Interrupts.removePartialOutputsOnSignal()
        Self.exitWithParent()
        var options: ReadingOptions
        do { options = try voice.readingOptions() } catch { throw fail(error) }
        // A crash of libespeak-ng on one sentence must not fail the whole item: it runs one level down.
        options.synthesis = .isolated(SpeechWorkerCommand.executable)
        // A parent that went away closes the pipe: the reply is dropped, and the next read ends the worker.
        await FeedWorker.serve(reader: ArticleReader(options: options), readLine: { Swift.readLine() }) { reply in
            try? StandardStreams.write(reply)
        }
    }
}

extension FeedWorkerCommand {
    /// A worker whose parent is gone (killed, interrupted) stops at once instead of finishing its
    /// item for nobody: its partial output is removed. `prctl(PR_SET_PDEATHSIG)` is variadic C and
    /// not callable from Swift, so a thread watches `getppid()`.
    static func exitWithParent() {
        let parent = getppid()
        Thread.detachNewThread {
            while getppid() == parent { Thread.sleep(forTimeInterval: 0.2) }
            PendingFileRegistry.shared.removeAll()
            Foundation.exit(143)
        }
    }
}

extension VoiceOptions {
    /// The flags again, for a worker process to resolve the same voice.
    var arguments: [String] {
        var out = ["--voice", voice]
        if let rate { out += ["--rate", String(rate)] }
        if let pitch { out += ["--pitch", String(pitch)] }
        if let volume { out += ["--volume", String(volume)] }
        for lexicon in lexicons { out += ["--lexicon", URL(fileURLWithPath: lexicon).path] }
        return out
    }
}

extension AudioFormat: ExpressibleByArgument {}
