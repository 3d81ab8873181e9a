// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import Foundation

/// Writes small files (manifest, podcast feed, index page) so a reader never sees half of one.
enum AtomicWrite {
    /// Writes `data` to a temporary file beside `url`, syncs it (`fsync`), renames it over `url`.
    static func write(_ data: Data, to url: URL) throws(FeedError) {
        let directory = url.deletingLastPathComponent().path
        let temporary = directory + "/" + PendingFiles.temporaryName(for: url.lastPathComponent)
        // Registered so that an interrupt (the command's SIGINT handling) removes it too.
        guard PendingFiles.register(temporary) else { throw FeedError(.io, "cannot write \(url.path): interrupted") }
        defer { PendingFiles.unregister(temporary) }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FeedError(.io, "cannot write \(url.path): \(String(cString: strerror(errno)))") }
        var failure: Int32?
        data.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                done += n
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = errno }
        close(fd)
        if failure == nil, rename(temporary, url.path) != 0 { failure = errno }
        if let failure {
            unlink(temporary)
            throw FeedError(.io, "cannot write \(url.path): \(String(cString: strerror(failure)))")
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
            throw FeedError(.io, "cannot create \(path): \(String(cString: strerror(errno)))")
        }
    }
}
