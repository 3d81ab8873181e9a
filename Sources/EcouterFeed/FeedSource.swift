// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
public import Foundation
public import EcouterCore

/// Where a feed comes from: a local file or an http(s) URL.
public enum FeedSource: Sendable, Equatable, CustomStringConvertible {
    case file(String)
    case url(URL)

    /// `http://` and `https://` are URLs; anything else is a path.
    public init(_ text: String) {
        let lower = text.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://"), let url = URL(string: text) {
            self = .url(url)
        } else {
            self = .file(text)
        }
    }

    /// The path or the URL, as given.
    public var description: String {
        switch self {
        case .file(let path): return path
        case .url(let url): return url.absoluteString
        }
    }

    /// The feed's bytes, refusing more than `limits.maximumBytes`.
    ///
    /// - Throws: ``FeedError`` `.unreadable` for a missing or unreadable file, `.tooLarge`, and the fetch errors.
    public func load(limits: FetchLimits) async throws(FeedError) -> [UInt8] {
        switch self {
        case .url(let url):
            return try await HTTPFetcher(limits: limits).fetch(url).bytes
        case .file(let path):
            var info = stat()
            guard stat(path, &info) == 0 else {
                throw FeedError(.unreadable, "cannot read \(path): \(SystemError.current)")
            }
            guard (info.st_mode & S_IFMT) == S_IFREG else { throw FeedError(.unreadable, "cannot read \(path): not a regular file") }
            guard Int(info.st_size) <= limits.maximumBytes else {
                throw FeedError(.tooLarge, "\(path) is \(info.st_size) bytes, over the feed size limit of \(limits.maximumBytes) bytes")
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw FeedError(.unreadable, "cannot read \(path)")
            }
            guard data.count <= limits.maximumBytes else {
                throw FeedError(.tooLarge, "\(path) is over the feed size limit of \(limits.maximumBytes) bytes")
            }
            return [UInt8](data)
        }
    }
}
