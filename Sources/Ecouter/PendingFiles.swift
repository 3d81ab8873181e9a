// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Synchronization
import EcouterCore

/// Temporary files being written, so that an interrupted run leaves none behind.
///
/// Outputs are written to a temporary file beside the target and renamed over it on success;
/// a signal handler (the command's SIGINT handling) calls ``removeAll()`` before exiting.
public enum PendingFiles {
    private struct State {
        var paths: Set<String> = []
        /// Set by ``removeAll()``: the process is on its way out, no new temporary file may start.
        var closed = false
    }
    private static let state = Mutex(State())

    /// Records `path` before it is created. False once ``removeAll()`` ran: the caller must not
    /// create the file (the process is exiting and nobody would remove it).
    package static func register(_ path: String) -> Bool {
        state.withLock { state in
            guard !state.closed else { return false }
            state.paths.insert(path)
            return true
        }
    }

    /// Forgets `path` once it has been renamed into place or removed.
    package static func unregister(_ path: String) { _ = state.withLock { $0.paths.remove(path) } }

    /// The name of a temporary file for `name`: `.NAME.PID.RANDOM.part`, hidden, and carrying the
    /// writer's process id so that ``removeStale(in:named:)`` can tell when its writer is gone.
    package static func temporaryName(for name: String) -> String {
        ".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).part"
    }

    /// Deletes the temporary files in `directory` whose writing process no longer exists: what a
    /// `kill -9`, a crash or a power cut left (no signal handler ran to remove them). With `name`,
    /// only the temporaries of that file. Files of live processes, and names not made by
    /// ``temporaryName(for:)``, are left alone.
    package static func removeStale(in directory: String, named name: String? = nil) {
        guard let listing = try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory) else { return }
        for entry in listing where entry.hasPrefix(".") && entry.hasSuffix(".part") {
            let parts = entry.dropFirst().dropLast(5).split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count >= 3, UInt32(parts[parts.count - 1]) != nil, let pid = pid_t(parts[parts.count - 2]), pid > 0 else { continue }
            if let name, parts.dropLast(2).joined(separator: ".") != name { continue }
            guard pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink((directory.isEmpty ? "" : directory + "/") + entry)
        }
    }

    /// Deletes every temporary output still being written (`unlink(2)`) and refuses new ones; for a
    /// signal handler that is about to exit.
    public static func removeAll() {
        let all = state.withLock { state in
            state.closed = true
            defer { state.paths.removeAll() }
            return state.paths
        }
        for path in all { unlink(path) }
    }
}

/// Writes a file atomically: into a temporary file in the same directory, renamed on success.
///
/// The one atomic writer of the package: audio files, and the feed's manifest and pages.
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
