// SPDX-License-Identifier: GPL-3.0-or-later
public import Ecouter
public import Foundation

/// One article to speak into one file.
public struct RenderJob: Sendable {
    /// What to read.
    public var article: Article
    /// The final path; renderers write atomically (a temporary file beside it, renamed at the end).
    public var output: URL
    /// MP3 with its tags, or WAV.
    public var encoding: AudioEncoding
    /// Where the word and sentence timings go, made with the audio; nil for audio alone.
    public var timings: TimingsOutput?

    /// A job.
    public init(article: Article, output: URL, encoding: AudioEncoding, timings: TimingsOutput? = nil) {
        self.article = article
        self.output = output
        self.encoding = encoding
        self.timings = timings
    }
}

/// The two timings files of an item, beside its audio: WebVTT (players, podcast apps:
/// `podcast:transcript`) and JSON (the text with every sentence's and word's times and source
/// ranges: what `index.html` shows).
public struct TimingsOutput: Sendable, Equatable {
    /// The `.vtt` file.
    public var webVTT: URL
    /// The `.json` file.
    public var json: URL

    /// Both files.
    public init(webVTT: URL, json: URL) {
        self.webVTT = webVTT
        self.json = json
    }
}

/// Turns a ``RenderJob`` into an audio file. The hook that decides where synthesis runs.
///
/// eSpeak NG is process-global: one engine per process, one sentence at a time. A
/// ``InProcessRenderer`` uses this process's engine (an embedder's choice, and `--jobs 1`); a
/// ``WorkerProcessRenderer`` hands each job to a child process with its own engine, which is how
/// `ecouter feed --jobs N` uses N cores.
public protocol ItemRenderer: Sendable {
    /// Writes the audio, and the timings files when the job asks for them: all of them or none.
    /// Throws ``EcouterError`` as ``ArticleReader/read(_:to:encoding:timings:progress:)`` does.
    func render(_ job: RenderJob) async throws(EcouterError) -> AudioSummary
}

/// Synthesizes in this process through an ``ArticleReader``.
public struct InProcessRenderer: ItemRenderer {
    /// The reader that speaks.
    public let reader: ArticleReader

    /// Speaks with `reader` in this process.
    public init(reader: ArticleReader) {
        self.reader = reader
    }

    /// Calls ``ArticleReader/read(_:to:encoding:timings:progress:)``, which writes the WebVTT file
    /// and then the audio atomically, then writes the JSON timings from the values it returns.
    ///
    /// If that last write fails, the audio and the WebVTT file are removed again: the job leaves
    /// all its files or none. (A crash in between leaves audio without its JSON; the manifest does
    /// not list such an item as done, so the next run voices it again.)
    public func render(_ job: RenderJob) async throws(EcouterError) -> AudioSummary {
        guard let files = job.timings else { return try await reader.read(job.article, to: job.output, encoding: job.encoding) }
        let summary = try await reader.read(job.article, to: job.output, encoding: job.encoding, timings: TimingsFile(url: files.webVTT, format: .webVTT))
        do throws(EcouterError) {
            guard let timings = summary.timings else { throw EcouterError(.engine, "the reading gave no timings") }
            let bytes = try TimingsFormat.json.encode(timings)
            do throws(FeedError) { try AtomicWrite.write(Data(bytes), to: files.json) } catch { throw EcouterError(.output, error.message) }
        } catch {
            unlink(job.output.path)
            unlink(files.webVTT.path)
            throw error
        }
        return summary
    }
}
