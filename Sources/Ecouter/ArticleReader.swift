// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterSynthesis
import Synchronization
public import Foundation
public import Logging

/// Reads French articles aloud: the embeddable pipeline behind the `ecouter` command.
///
/// ```swift
/// let reader = ArticleReader()
/// let article = try reader.article(from: Array(pageBytes))
/// let summary = try await reader.read(article, to: URL(fileURLWithPath: "article.wav"))
/// ```
///
/// Stages: input bytes → ``Article`` (page chrome removed, HTML extracted) → sentences → spoken
/// French (``FrenchNormalizer``) → eSpeak NG, one sentence at a time → an ``AudioSink``. Audio is
/// written as it is produced, so memory does not grow with the article. Any number of readers may
/// run at once from any tasks: in-process, they share the process's one ``SpeechEngine`` and take
/// turns in it; with ``Synthesis/isolated(_:)`` each reader has its own worker processes, and a
/// crash of libespeak-ng costs one sentence (see ``ReadingOptions/synthesis``).
public struct ArticleReader: Sendable {
    /// The settings this reader was made with.
    public let options: ReadingOptions
    private let logger: Logger
    /// Made on first use: a reader that only extracts articles (`ecouter text`, the service's
    /// text routes) never pays for the lexicons (some 5 ms).
    private let normalizerOnce: NormalizerOnce
    let speakers: SpeakerPool

    /// Makes a reader. Settings errors (an unknown built-in lexicon in a custom preset) surface on first use.
    ///
    /// The default logger discards everything: pass one to see what the pipeline decides. With
    /// ``Synthesis/isolated(_:)`` the worker process is started here, so its engine loads while
    /// the caller reads and cleans the input; copies of the reader share it.
    public init(options: ReadingOptions = ReadingOptions(), logger: Logger = Logger(label: "ecouter", factory: { _ in SwiftLogNoOpLogHandler() })) {
        self.options = options
        self.logger = logger
        self.speakers = SpeakerPool(options.synthesis)
        self.normalizerOnce = NormalizerOnce {
            Result { () throws(EcouterError) in
                FrenchNormalizer(options: NormalizerOptions(
                    region: options.preset.region, lexicon: options.lexicon(), pronunciations: try options.pronunciations()))
            }
        }
    }

    /// The normalizer this reader speaks with (made on the first call, shared by copies of the reader).
    public func normalizer() throws(EcouterError) -> FrenchNormalizer { try normalizerOnce.value.get() }

    // MARK: Input

    /// Turns raw input into an article: validates text, extracts HTML, removes page chrome.
    ///
    /// - Parameters:
    ///   - bytes: the file as read; a UTF-8 byte-order mark is allowed.
    ///   - format: overrides ``ReadingOptions/inputFormat`` when given.
    /// - Throws: ``EcouterError/Code/input`` for empty or whitespace-only input, binary data (NUL
    ///   bytes), text that is not UTF-8, or a page with nothing to read.
    public func article(from bytes: [UInt8], format: InputFormat? = nil) throws(EcouterError) -> Article {
        var format = format ?? options.inputFormat
        if format == .auto { format = InputFormat.detect(bytes) }
        let extractor = ArticleExtractor(rules: options.cleanupRules, logger: logger)
        let article: Article
        switch format {
        case .html:
            do throws(ExtractionError) { article = try extractor.article(fromHTML: bytes) } catch {
                throw EcouterError(.input, error.message, underlying: error)
            }
        case .text, .auto:
            // Stricter than the extractor's own decoding (which falls back to Windows-1252): a
            // file that is not UTF-8 is refused with the offset of the first bad byte.
            article = extractor.article(fromText: try InputText.decode(bytes))
        }
        guard !article.isEmpty else {
            throw EcouterError(.input, "nothing to read: no article text found (everything looked like page chrome)")
        }
        return article
    }

    // MARK: Text

    /// The sentences that will be spoken, normalized and with the pronunciation lexicon applied
    /// (as eSpeak NG receives them), in reading order.
    public func spokenSentences(of article: Article) throws(EcouterError) -> [String] {
        try script(for: article).map(\.spoken)
    }

    /// What will be spoken, one sentence per line (stable: hash it to know whether audio must be remade).
    public func spokenText(of article: Article) throws(EcouterError) -> String {
        try spokenSentences(of: article).joined(separator: "\n")
    }

    /// A stable fingerprint of everything besides the text that changes the audio.
    public var settingsFingerprint: String {
        let entries = options.lexicon().entries + ((try? options.pronunciations().entries) ?? [])
        let lexicon = entries.map { "\($0.written)\t\($0.spoken)" }.joined(separator: "\n")
        let voice = options.voiceParameters
        let p = options.preset.pauses
        let text = [
            EcouterVersion.current, voice.voice, "\(voice.rate)", "\(voice.pitch)", "\(voice.volume)",
            options.preset.region.rawValue, "\(p.sentence)/\(p.paragraph)/\(p.heading)/\(p.title)", lexicon,
        ].joined(separator: "\u{1F}")
        return StableHash.hex(text)
    }

    // MARK: Audio

    /// Reads `article` into the file at `url`, atomically (temporary file beside it, renamed on success).
    ///
    /// With `timings`, the article's word and sentence ``Timings`` are written too, in the format the
    /// ``TimingsFile`` names, and returned in ``AudioSummary/timings``. Both files or neither: each
    /// goes to a temporary file; the timings are renamed into place just before the audio, and
    /// removed again if the audio's rename fails.
    ///
    /// - Parameters:
    ///   - encoding: `.wav` by default; ``AudioEncoding/forPath(_:)`` picks from the extension.
    ///   - timings: where to write timings (`.vtt` or `.json`); nil for none.
    ///   - progress: called after each sentence, from the reading task.
    /// - Returns: duration, bytes and sentence count of what was written, and the timings if asked.
    /// - Throws: ``EcouterError`` `.output` (a file cannot be written; nothing is left behind),
    ///   `.settings`, `.engine`, `.cancelled` (the task was cancelled; nothing is left behind).
    public func read(
        _ article: Article, to url: URL, encoding: AudioEncoding = .wav, timings: TimingsFile? = nil,
        progress: (@Sendable (ReadingProgress) -> Void)? = nil
    ) async throws(EcouterError) -> AudioSummary {
        let plan = try script(for: article, recordingSources: timings != nil)
        var committedTimings: String?
        do throws(EcouterError) {
            return try await AtomicFile.write(to: url) { (output) async throws(EcouterError) in
                let summary = try await render(plan, into: output, encoding: encoding, timingsText: timings.map { _ in article.plainText }, progress: progress)
                if let timings, let values = summary.timings {
                    try Self.write(values, to: timings)
                    committedTimings = timings.url.path
                }
                return summary
            }
        } catch {
            if let committedTimings { unlink(committedTimings) }
            throw error
        }
    }

    /// Reads `article` into an already open output, e.g. standard output for `-o -`.
    ///
    /// On a pipe a WAV header cannot be patched: it carries the "unknown length" sizes. With
    /// `timings`, the timings file is written (atomically) only once all the audio was written
    /// and flushed; audio already streamed cannot be taken back if the timings then fail.
    public func read(
        _ article: Article, to output: AudioOutput, encoding: AudioEncoding = .wav, timings: TimingsFile? = nil,
        progress: (@Sendable (ReadingProgress) -> Void)? = nil
    ) async throws(EcouterError) -> AudioSummary {
        let plan = try script(for: article, recordingSources: timings != nil)
        let summary = try await render(plan, into: output, encoding: encoding, timingsText: timings.map { _ in article.plainText }, progress: progress)
        if let timings, let values = summary.timings { try Self.write(values, to: timings) }
        return summary
    }

    /// Writes `timings` atomically into its file.
    private static func write(_ timings: Timings, to file: TimingsFile) throws(EcouterError) {
        let bytes = try file.format.encode(timings)
        try AtomicFile.write(to: file.url) { (output) throws(EcouterError) in
            do throws(AudioError) { try output.write(bytes) } catch { throw EcouterError(error) }
        }
    }

    /// The article's audio as a sequence of chunks, one per sentence or pause, synthesized as the
    /// caller pulls them (so a slow consumer holds back synthesis and memory stays flat).
    public func audioChunks(for article: Article) throws(EcouterError) -> AudioChunks {
        AudioChunks(script: try script(for: article), voice: options.voiceParameters, speaker: speakers.first)
    }

    // MARK: Internals

    /// - Throws: ``EcouterError/Code/input`` when nothing in the article would be said (a page of
    ///   emoji or symbols only): an empty audio file would look like a reading.
    func script(for article: Article, recordingSources: Bool = false) throws(EcouterError) -> ReadingScript {
        try options.validate()
        let script = ReadingScript(
            article: article, normalizer: try normalizer(), pauses: options.preset.pauses, recordsSources: recordingSources)
        // Lazy: normalizes up to the first utterance that says something, usually the title.
        guard script.contains(where: \.saysSomething) else {
            throw EcouterError.nothingToSay("nothing to read: the article has no letters or digits to speak (emoji and symbols alone are not spoken)")
        }
        return script
    }

    /// Lets the speech worker of an ``Synthesis/isolated(_:)`` reader exit, and reaps it, so its
    /// time is accounted to this process. Optional (a worker also exits with this process); the
    /// next reading starts a new worker.
    public func shutdownSynthesis() async {
        await speakers.shutdown()
    }

    /// Starts now the workers that reading an input of `bytes` bytes will use (with
    /// ``Synthesis/isolated(_:)`` and a ``ReadingOptions/parallelism`` above 1), so their engines
    /// load while the input is cleaned. Optional: reading starts any worker still missing. An
    /// input long enough in bytes may clean down to an article below ``parallelBreakEven``
    /// characters; the extra worker then waits unused for the next reading.
    public func prepareSynthesis(forInputBytes bytes: Int) {
        guard bytes >= Self.parallelBreakEven else { return }
        _ = speakers.speakers(options.parallelism)
    }

    /// Articles shorter than this many characters are read by one worker: starting another one
    /// costs more than it saves (measured with `scripts/bench-read.sh`).
    public static let parallelBreakEven = 1500

    /// Speaks the script sentence by sentence into the sink. The engine (or the worker's
    /// supervisor) runs on its own thread; this task only encodes and writes what comes back.
    private func render(
        _ script: ReadingScript, into output: AudioOutput, encoding: AudioEncoding, timingsText: String? = nil,
        progress: (@Sendable (ReadingProgress) -> Void)?
    ) async throws(EcouterError) -> AudioSummary {
        let total = script.totalCharacters
        let parallel = total < Self.parallelBreakEven ? 1 : options.parallelism
        let speech = ParallelSpeech(speakers: speakers.speakers(parallel), voice: options.voiceParameters)
        // The sink, which needs the engine's sample rate, is made when the first sentence comes back:
        // asking for the rate first kept the first part's normalization waiting for the worker to load.
        // The timings recorder, which needs it too, is made with the sink.
        var opened: (sink: any AudioSink, rate: Int)?
        var recorder: TimingsRecorder?
        func open() async throws(EcouterError) -> (sink: any AudioSink, rate: Int) {
            if let opened { return opened }
            let rate = try await speech.speakers[0].sampleRate()
            do throws(AudioError) {
                opened = (try encoding.makeSink(output: output, sampleRate: rate), rate)
            } catch { throw EcouterError(error) }
            recorder = timingsText.map { TimingsRecorder(text: $0, sampleRate: rate) }
            return opened!
        }
        var sentences = 0
        var warnings: [String] = []
        try await speech.forEach(in: script) { (utterance, spoken) async throws(EcouterError) in
            let (sink, sampleRate) = try await open()
            sentences += 1
            if let warning = spoken.warning(sentence: sentences, written: utterance.written) {
                logger.warning("engine crash", metadata: ["sentence": "\(sentences)", "detail": "\(warning)"])
                warnings.append(warning)
            }
            let silence = sampleRate * utterance.pauseAfter / 1000
            do throws(AudioError) {
                try sink.write(spoken.samples)
                // The first sentence goes out at once (a player on `-o -` starts playing); later
                // ones wait in the output's buffer until it is full.
                if sentences == 1 { try output.flush() }
                try sink.writeSilence(count: silence)
            } catch { throw EcouterError(error) }
            recorder?.add(utterance, spoken)
            recorder?.addSilence(silence)
            logger.trace("spoke", metadata: ["sentence": "\(sentences)", "text": "\(utterance.spoken)"])
            progress?(ReadingProgress(charactersDone: utterance.charactersDone, charactersTotal: total, audioSeconds: sink.secondsWritten))
        }
        let (sink, _) = try await open()
        do throws(AudioError) { try sink.finish() } catch { throw EcouterError(error) }
        do throws(AudioError) { try output.flush() } catch { throw EcouterError(error) }
        logger.debug("read article", metadata: ["sentences": "\(sentences)", "seconds": "\(sink.secondsWritten)"])
        return AudioSummary(
            duration: sink.secondsWritten, bytes: output.bytesWritten, sampleCount: sink.samplesWritten,
            sentences: sentences, warnings: warnings, timings: recorder?.timings())
    }
}

/// The version written into fingerprints and `--version`.
public enum EcouterVersion {
    public static let current = "0.1.0"
}

/// A normalizer built once, on first use, by whichever copy of the reader asks first.
final class NormalizerOnce: Sendable {
    private let make: @Sendable () -> Result<FrenchNormalizer, EcouterError>
    private let made = Mutex<Result<FrenchNormalizer, EcouterError>?>(nil)

    init(_ make: @escaping @Sendable () -> Result<FrenchNormalizer, EcouterError>) {
        self.make = make
    }

    /// Built under the lock: `make` is this module's own code (tables and rules), never a caller's.
    var value: Result<FrenchNormalizer, EcouterError> {
        made.withLock { made in
            if let made { return made }
            let result = make()
            made = result
            return result
        }
    }
}
