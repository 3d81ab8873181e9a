// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import Foundation

/// Reads an item's timings file (`<stem>.json` beside its audio) back for the index page.
enum EpisodeTimings {
    /// Files larger than this are not shown: a page is no place for more (a long article's timings
    /// are a few hundred kilobytes).
    static let maximumBytes = 16 << 20

    /// Reads `url`; nil when it is missing, too large or not a timings file (the episode is then
    /// listed without its text: the page never fails for one item).
    static func load(_ url: URL) -> Timings? {
        var info = stat()
        guard stat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size <= maximumBytes,
              let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(Timings.self, from: data)
    }
}
