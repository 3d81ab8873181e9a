// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import Foundation

/// What a run does for one item: read it, decide whether its audio is current, make it if not.
struct ItemWork: Sendable {
    let articles: ItemArticle
    let reader: ArticleReader
    let renderer: any ItemRenderer
    let directory: URL
    let format: AudioFormat
    let bitrateKbps: Int
    let settingsHash: String
    let feedTitle: String?
    let previous: [ItemKey: Manifest.Entry]
    let ledger: RunLedger
    /// Where the text shown beside each episode in `feed.xml` is kept for the run; nil when no
    /// podcast feed is written (the texts of a whole archive are not kept for nothing).
    let episodeTexts: EpisodeTexts?

    func process(_ item: FeedItem, position: Int) async {
        let start = Date()
        await ledger.started(item)
        let key = ItemKey(id: item.id)
        let fileName = key.fileName(format: format)
        let old = previous[key]
        var entry = Manifest.Entry(id: item.id, title: item.title, link: item.link, author: item.author, published: item.published, position: position)
        var outcome = ItemOutcome(id: item.id, title: item.title, status: .failed, seconds: 0)
        do throws(ItemFailure) {
            let article = try await articles.article(for: item)
            await episodeTexts?.record(EpisodeText(item: item, article: article), for: item.id)
            let spoken: String
            // An article that says nothing (emoji or symbols alone) is refused here, not recorded
            // as done with an empty file.
            do { spoken = try reader.spokenText(of: article) } catch {
                throw ItemFailure(error.message, nothingToSay: error.saysNothing)
            }
            let textHash = SHA256.hex(spoken)
            let encoding = encoding(for: item)
            entry.textHash = textHash
            entry.settingsHash = settingsHash
            entry.tagsHash = tagsHash(encoding)
            // Audio from a run that made no timings (or whose timings files are gone) is voiced
            // again: timings come only from the engine's events while it speaks, and audio and
            // timings are made together so they always match.
            if let old, old.error == nil, old.textHash == textHash, old.settingsHash == settingsHash, old.tagsHash == entry.tagsHash, old.file == fileName,
               let size = fileSize(fileName), size == old.bytes,
               old.transcript == key.transcriptFileName, fileSize(key.transcriptFileName) != nil,
               old.timings == key.timingsFileName, fileSize(key.timingsFileName) != nil {
                entry.file = fileName
                entry.transcript = old.transcript
                entry.timings = old.timings
                entry.duration = old.duration
                entry.warnings = old.warnings
                entry.bytes = size
                entry.generated = old.generated
                outcome.status = .unchanged
            } else {
                let summary: AudioSummary
                let timings = TimingsOutput(webVTT: directory.appendingPathComponent(key.transcriptFileName), json: directory.appendingPathComponent(key.timingsFileName))
                do { summary = try await renderer.render(RenderJob(article: article, output: directory.appendingPathComponent(fileName), encoding: encoding, timings: timings)) } catch {
                    throw ItemFailure(error.message)
                }
                entry.file = fileName
                // Listed only once there (a renderer of an embedder's may write audio alone).
                entry.transcript = fileSize(key.transcriptFileName) != nil ? key.transcriptFileName : nil
                entry.timings = fileSize(key.timingsFileName) != nil ? key.timingsFileName : nil
                entry.duration = summary.duration
                entry.warnings = summary.warnings.isEmpty ? nil : summary.warnings
                entry.bytes = fileSize(fileName) ?? summary.bytes
                entry.generated = FeedDates.rfc3339(Date())
                outcome.status = .generated
                removeOtherFormat()
            }
        } catch {
            if error.nothingToSay {
                outcome.status = .skipped
                entry.warnings = [error.message]
                await ledger.emit(.warning("item \(item.title ?? item.id): skipped, \(error.message)"))
            } else {
                entry.error = error.message
                outcome.error = error.message
            }
            // Audio from an earlier success stays listed until a retry succeeds (only under a name
            // derived from the id: a file name read from the manifest is never trusted as a path).
            if let old, let file = old.file, AudioFormat.allCases.contains(where: { key.fileName(format: $0) == file }), fileSize(file) != nil {
                entry.file = file
                if old.transcript == key.transcriptFileName, fileSize(key.transcriptFileName) != nil { entry.transcript = old.transcript }
                if old.timings == key.timingsFileName, fileSize(key.timingsFileName) != nil { entry.timings = old.timings }
                entry.duration = old.duration
                entry.bytes = old.bytes
                entry.textHash = old.textHash
                entry.settingsHash = old.settingsHash
                entry.tagsHash = old.tagsHash
                entry.generated = old.generated
            }
        }
        outcome.file = entry.file
        outcome.duration = entry.duration
        outcome.seconds = Date().timeIntervalSince(start)
        await ledger.finished(entry, outcome: outcome)

        func removeOtherFormat() {
            for other in AudioFormat.allCases where other != format {
                unlink(directory.appendingPathComponent(ItemKey(id: item.id).fileName(format: other)).path)
            }
        }
    }

    /// 16 hex digits over the tag fields (WAV has none: nil).
    private func tagsHash(_ encoding: AudioEncoding) -> String? {
        guard case .mp3(_, let tags) = encoding else { return nil }
        let fields = [tags.title, tags.artist, tags.album, tags.date, tags.comment].map { $0 ?? "" }
        return String(SHA256.hex(fields.joined(separator: "\u{1F}")).prefix(16))
    }

    private func encoding(for item: FeedItem) -> AudioEncoding {
        switch format {
        case .wav: return .wav
        case .opus: return .opus(bitrateKbps: OpusWriter.defaultBitrateKbps)
        case .mp3:
            return .mp3(bitrateKbps: bitrateKbps, tags: AudioTags(title: item.title, artist: item.author, album: feedTitle, date: item.published, comment: item.link))
        }
    }

    private func fileSize(_ name: String) -> Int? {
        var info = stat()
        guard stat(directory.appendingPathComponent(name).path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }
}
