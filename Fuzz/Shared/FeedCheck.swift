// SPDX-License-Identifier: GPL-3.0-or-later
// Compiled into the feed harnesses (XML, JSON).
import EcouterFeed

/// Parses `bytes`: a refusal is a FeedError with a message; a feed parses the same way twice (the
/// runner keys files and the manifest on what the parser derives, ids included).
func checkFeed(_ bytes: [UInt8], _ parser: FeedParser) {
    do throws(FeedError) {
        let feed = try parser.parse(bytes)
        invariant((try? parser.parse(bytes)) == feed, "the same bytes parsed into two different feeds")
    } catch {
        invariant(!error.message.isEmpty, "a feed error without a message")
    }
}
