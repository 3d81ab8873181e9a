// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// An item's timings file (`<stem>.json` beside its audio) as the index page reads it back: the
/// article text and, per sentence, its times and its range in that text, and its words likewise.
///
/// Decoded from the documented file format (issue 12: `text`, `duration`, `sentences[]` with
/// `start`, `end`, `scalars`, `utf16`, `words[]`) rather than from the library's value, so the page
/// depends only on what other tools may rely on too. Only the fields the page uses are read.
struct EpisodeTimings: Decodable, Sendable, Equatable {
    struct Word: Decodable, Sendable, Equatable {
        var start: Double
        var end: Double
        /// Half-open range into ``EpisodeTimings/text`` in UTF-16 code units (what JavaScript counts).
        var utf16: [Int]
    }

    struct Sentence: Decodable, Sendable, Equatable {
        var start: Double
        var end: Double
        /// Half-open range into ``EpisodeTimings/text`` in Unicode scalars.
        var scalars: [Int]
        /// The same range in UTF-16 code units.
        var utf16: [Int]
        var words: [Word]?
    }

    /// The article as `ecouter text` prints it.
    var text: String
    /// Seconds of audio.
    var duration: Double?
    var sentences: [Sentence]

    /// Files larger than this are not shown: a page is no place for more (a long article's timings
    /// are a few hundred kilobytes).
    static let maximumBytes = 16 << 20

    /// Reads `url`; nil when it is missing, too large or not a timings file (the episode is then
    /// listed without its text: the page never fails for one item).
    static func load(_ url: URL) -> EpisodeTimings? {
        var info = stat()
        guard stat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size <= maximumBytes,
              let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(EpisodeTimings.self, from: data)
    }
}
