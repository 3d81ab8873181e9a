// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import EcouterCore
import Foundation

/// The feed's files (manifest, podcast feed, index page) through the package's one atomic writer,
/// with the feed's errors.
enum AtomicWrite {
    /// Writes `data` through ``AtomicFile`` (a temporary file beside `url`, synced, renamed over it).
    /// - Throws: ``FeedError/Code/io`` naming the file and the system's reason.
    static func write(_ data: Data, to url: URL) throws(FeedError) {
        do throws(EcouterError) { try AtomicFile.write(data, to: url) } catch {
            // The audio layer's words ("cannot write audio: …") would mislead about a manifest.
            if error.code == .cancelled { throw FeedError(.io, "cannot write \(url.path): interrupted") }
            if let code = (error.underlying as? AudioError)?.errno {
                throw FeedError(.io, "cannot write \(url.path): \(SystemError.describe(code))")
            }
            throw FeedError(.io, error.message)
        }
    }
    /// Creates `path` and missing parents (`mkdir(2)`, mode 0755); an existing directory is fine.
    /// - Throws: ``FeedError/Code/io`` naming the path and the system's reason.
    static func makeDirectory(_ path: String) throws(FeedError) {
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else { throw FeedError(.io, "cannot use \(path): it is not a directory") }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path { try makeDirectory(parent) }
        if mkdir(path, 0o755) != 0, errno != EEXIST {
            throw FeedError(.io, "cannot create \(path): \(SystemError.current)")
        }
    }
}
