// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Synchronization

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
enum AtomicFile {
    /// Runs `body` with an output on a temporary file, then renames it to `url`.
    /// On any failure the temporary file is removed and `url` is left as it was.
    static func write<T>(to url: URL, _ body: (AudioOutput) async throws(EcouterError) -> T) async throws(EcouterError) -> T {
        let target = url.path
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
        if let output = try openInPlaceIfSpecial(target) {
            return try await body(output)
        }
        let temporary = (directory.isEmpty ? "" : directory + "/")
            + ".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).part"
        guard PendingFiles.register(temporary) else { throw EcouterError(.cancelled, "interrupted") }
        defer { PendingFiles.unregister(temporary) }
        do throws(EcouterError) {
            let output: AudioOutput
            do throws(AudioError) { output = try AudioOutput.create(path: temporary) } catch {
                let reason = error.errno.map { String(cString: strerror($0)) } ?? error.message
                throw EcouterError(.output, "cannot write \(target): \(reason)", underlying: error)
            }
            let result = try await body(output)
            do throws(AudioError) { try output.synchronize() } catch { throw EcouterError(error) }
            guard rename(temporary, target) == 0 else {
                throw EcouterError(.output, "cannot write \(target): \(String(cString: strerror(errno)))")
            }
            return result
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// An output on `path` itself when it exists and is not a regular file: a device (`/dev/null`),
    /// a named pipe, a socket, or `/dev/stdout`. Renaming a temporary file over one of those would
    /// replace the device or pipe with a plain file (run as root, `-o /dev/null` did exactly that);
    /// they are written in place instead, with a streaming header since they cannot seek.
    private static func openInPlaceIfSpecial(_ path: String) throws(EcouterError) -> AudioOutput? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        let kind = status.st_mode & S_IFMT
        guard kind != S_IFREG, kind != S_IFDIR else { return nil }
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw EcouterError(.output, "cannot write \(path): \(String(cString: strerror(errno)))") }
        guard isatty(fd) == 0 else {
            close(fd)
            throw EcouterError(.output, "refusing to write audio to a terminal (\(path)): use -o FILE")
        }
        return AudioOutput(fileDescriptor: fd, closeOnDeinit: true)
    }
}
