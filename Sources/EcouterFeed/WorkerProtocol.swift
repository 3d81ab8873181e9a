// SPDX-License-Identifier: GPL-3.0-or-later
public import Ecouter
public import Foundation

/// The JSON a parent writes to a worker's standard input: one job.
struct WorkerRequest: Codable {
    struct Block: Codable {
        var kind: String
        var text: String
    }

    struct Tags: Codable {
        var title, artist, album, date, comment: String?
    }

    var title: String?
    var blocks: [Block]
    var author: String?
    var published: String?
    var language: String?
    var siteName: String?
    var output: String
    /// "mp3", "opus" or "wav".
    var format: String
    var bitrateKbps: Int?
    var tags: Tags?
    /// The timings files' paths (WebVTT, JSON); nil for audio alone.
    var webVTT: String?
    var timingsJSON: String?

    init(_ job: RenderJob) {
        title = job.article.title
        blocks = job.article.blocks.map { block in
            switch block {
            case .heading(let t): return Block(kind: "heading", text: t)
            case .paragraph(let t): return Block(kind: "paragraph", text: t)
            case .listItem(let t): return Block(kind: "list-item", text: t)
            case .quote(let t): return Block(kind: "quote", text: t)
            }
        }
        author = job.article.metadata.author
        published = job.article.metadata.published
        language = job.article.metadata.language
        siteName = job.article.metadata.siteName
        output = job.output.path
        webVTT = job.timings?.webVTT.path
        timingsJSON = job.timings?.json.path
        switch job.encoding {
        case .wav:
            format = "wav"
        case .mp3(let bitrate, let t):
            format = "mp3"
            bitrateKbps = bitrate
            tags = Tags(title: t.title, artist: t.artist, album: t.album, date: t.date, comment: t.comment)
        case .opus(let bitrate):
            format = "opus"
            bitrateKbps = bitrate
        }
    }

    var job: RenderJob {
        let blocks: [Article.Block] = blocks.map { block in
            switch block.kind {
            case "heading": return .heading(block.text)
            case "list-item": return .listItem(block.text)
            case "quote": return .quote(block.text)
            default: return .paragraph(block.text)
            }
        }
        let article = Article(title: title, blocks: blocks, metadata: Article.Metadata(author: author, published: published, language: language, siteName: siteName))
        let encoding: AudioEncoding
        if format == "mp3" {
            let t = tags ?? Tags()
            encoding = .mp3(bitrateKbps: bitrateKbps ?? 48, tags: AudioTags(title: t.title, artist: t.artist, album: t.album, date: t.date, comment: t.comment))
        } else if format == "opus" {
            encoding = .opus(bitrateKbps: bitrateKbps ?? 24)
        } else {
            encoding = .wav
        }
        var timings: TimingsOutput?
        if let webVTT, let timingsJSON { timings = TimingsOutput(webVTT: URL(fileURLWithPath: webVTT), json: URL(fileURLWithPath: timingsJSON)) }
        return RenderJob(article: article, output: URL(fileURLWithPath: output), encoding: encoding, timings: timings)
    }
}

/// The JSON a worker writes to its standard output: a summary or an error.
struct WorkerReply: Codable {
    struct Summary: Codable {
        var duration: Double
        var bytes: Int
        var sampleCount: Int
        var sentences: Int
        var warnings: [String]?
    }

    struct Failure: Codable {
        var code: String
        var message: String
    }

    var summary: Summary?
    var error: Failure?
}

/// The worker side of ``WorkerProcessRenderer``: what the hidden `ecouter feed-worker` command runs.
public enum FeedWorker {
    /// Serves jobs until `readLine` returns nil: one JSON job per line in, one JSON reply per line out.
    ///
    /// - Parameters:
    ///   - readLine: the next request line without its newline (e.g. `Swift.readLine()` on standard input).
    ///   - writeLine: sends a reply line, newline included, and flushes (e.g. to standard output).
    public static func serve(reader: ArticleReader, readLine: () -> String?, writeLine: (Data) -> Void) async {
        while let line = readLine() {
            guard !line.isEmpty else { continue }
            var reply = await handle(Data(line.utf8), reader: reader)
            reply.append(0x0A)
            writeLine(reply)
        }
    }

    /// Decodes one job from `request` (a worker's standard input), speaks it with `reader`, and
    /// returns the reply to write to standard output. Never throws: failures are in the reply.
    public static func handle(_ request: Data, reader: ArticleReader) async -> Data {
        let reply: WorkerReply
        do {
            let job = try JSONDecoder().decode(WorkerRequest.self, from: request).job
            do throws(EcouterError) {
                let s = try await InProcessRenderer(reader: reader).render(job)
                reply = WorkerReply(summary: .init(duration: s.duration, bytes: s.bytes, sampleCount: s.sampleCount, sentences: s.sentences, warnings: s.warnings.isEmpty ? nil : s.warnings))
            } catch {
                reply = WorkerReply(error: .init(code: error.code.rawValue, message: error.message))
            }
        } catch {
            reply = WorkerReply(error: .init(code: EcouterError.Code.input.rawValue, message: "bad worker request: \(error)"))
        }
        return (try? JSONEncoder().encode(reply)) ?? Data("{}".utf8)
    }
}
