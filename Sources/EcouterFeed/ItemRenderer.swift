// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import Foundation

/// One article to speak into one file.
public struct RenderJob: Sendable {
    /// What to read.
    public var article: Article
    /// The final path; renderers write atomically (a temporary file beside it, renamed at the end).
    public var output: URL
    /// MP3 with its tags, or WAV.
    public var encoding: AudioEncoding

    /// A job.
    public init(article: Article, output: URL, encoding: AudioEncoding) {
        self.article = article
        self.output = output
        self.encoding = encoding
    }
}

/// Turns a ``RenderJob`` into an audio file. The hook that decides where synthesis runs.
///
/// eSpeak NG is process-global: one engine per process, one sentence at a time. A
/// ``InProcessRenderer`` uses this process's engine (an embedder's choice, and `--jobs 1`); a
/// ``WorkerProcessRenderer`` hands each job to a child process with its own engine, which is how
/// `ecouter feed --jobs N` uses N cores.
public protocol ItemRenderer: Sendable {
    /// Writes the audio. Throws ``EcouterError`` as ``ArticleReader/read(_:to:encoding:progress:)`` does.
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

    /// Calls ``ArticleReader/read(_:to:encoding:progress:)``.
    public func render(_ job: RenderJob) async throws(EcouterError) -> AudioSummary {
        try await reader.read(job.article, to: job.output, encoding: job.encoding)
    }
}
