// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterCore
package import Foundation

/// Writes a file atomically: into a temporary file in the same directory, renamed on success.
///
/// The one atomic writer of the package: audio and timings files, the feed's manifest and pages.
/// (The server's cache commits a whole staging directory of files by renames of its own.)
package enum AtomicFile {
    /// Runs `body` with an output on a temporary file, syncs it (`fsync`), then renames it to `url`.
    /// On any failure the temporary file is removed and `url` is left as it was.
    package static func write<T>(to url: URL, _ body: (AudioOutput) async throws(EcouterError) -> T) async throws(EcouterError) -> T {
        let pending = try Pending(url)
        defer { pending.end() }
        do throws(EcouterError) {
            let result = try await body(pending.output)
            try pending.commit()
            return result
        } catch {
            pending.abandon()
            throw error
        }
    }

    /// The same for a body that does not suspend (the feed's manifest and pages).
    package static func write<T>(to url: URL, _ body: (AudioOutput) throws(EcouterError) -> T) throws(EcouterError) -> T {
        let pending = try Pending(url)
        defer { pending.end() }
        do throws(EcouterError) {
            let result = try body(pending.output)
            try pending.commit()
            return result
        } catch {
            pending.abandon()
            throw error
        }
    }

    /// Writes `bytes` as the whole file (the feed's manifest and pages).
    package static func write(_ bytes: some Collection<UInt8>, to url: URL) throws(EcouterError) {
        try write(to: url) { (output) throws(EcouterError) in
            do throws(AudioError) { try output.write(bytes) } catch { throw EcouterError(.output, error.message, underlying: error) }
        }
    }

    /// One write under way: the output, and the temporary file it goes to (nil when written in place).
    private struct Pending {
        let target: String
        let temporary: String?
        let output: AudioOutput

        init(_ url: URL) throws(EcouterError) {
            target = url.path
            let directory = url.deletingLastPathComponent().path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory), isDirectory.boolValue {
                throw EcouterError(.output, "cannot write \(target): it is a directory")
            }
            guard FileManager.default.fileExists(atPath: directory.isEmpty ? "." : directory, isDirectory: &isDirectory),
                  isDirectory.boolValue
            else {
                throw EcouterError(.output, "cannot write \(target): directory \(directory) does not exist")
            }
            if let inPlace = try AtomicFile.openInPlaceIfSpecial(target) {
                temporary = nil
                output = inPlace
                return
            }
            // What an earlier writer of this file left when it was killed.
            PendingFiles.removeStale(in: directory, named: url.lastPathComponent)
            let temporary = (directory.isEmpty ? "" : directory + "/") + PendingFiles.temporaryName(for: url.lastPathComponent)
            guard PendingFiles.register(temporary) else { throw EcouterError(.cancelled, "interrupted") }
            do throws(AudioError) { output = try AudioOutput.create(path: temporary) } catch {
                PendingFiles.unregister(temporary)
                let reason = error.errno.map(SystemError.describe) ?? error.message
                throw EcouterError(.output, "cannot write \(target): \(reason)", underlying: error)
            }
            self.temporary = temporary
        }

        /// Syncs the temporary file and renames it over the target.
        func commit() throws(EcouterError) {
            guard let temporary else { return }
            do throws(AudioError) { try output.synchronize() } catch { throw EcouterError(error) }
            guard rename(temporary, target) == 0 else {
                throw EcouterError(.output, "cannot write \(target): \(SystemError.current)")
            }
        }

        func abandon() {
            if let temporary { unlink(temporary) }
        }

        func end() {
            if let temporary { PendingFiles.unregister(temporary) }
        }
    }

    /// An output on `path` itself when it exists and is not a regular file: a device (`/dev/null`),
    /// a named pipe, a socket, or `/dev/stdout`. Renaming a temporary file over one of those would
    /// replace the device or pipe with a plain file (run as root, `-o /dev/null` did exactly that);
    /// they are written in place instead, with a streaming header since they cannot seek.
    fileprivate static func openInPlaceIfSpecial(_ path: String) throws(EcouterError) -> AudioOutput? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        let kind = status.st_mode & S_IFMT
        guard kind != S_IFREG, kind != S_IFDIR else { return nil }
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw EcouterError(.output, "cannot write \(path): \(SystemError.current)") }
        guard isatty(fd) == 0 else {
            close(fd)
            throw EcouterError(.output, "refusing to write audio to a terminal (\(path)): use -o FILE")
        }
        return AudioOutput(fileDescriptor: fd, closeOnDeinit: true)
    }
}
