// SPDX-License-Identifier: GPL-3.0-or-later

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import EcouterCore

/// A byte destination for an ``AudioSink``: a file descriptor, written with retries on short writes.
///
/// It buffers writes (64 KiB) so a sink may hand it small pieces. Regular files are seekable, so a
/// header can be patched at the end; pipes and terminals are not. On a pipe the first bytes leave
/// early: the buffer starts at 4 KiB and doubles at each flush up to 64 KiB, so a listener hears the
/// first second of MP3 without waiting for ten.
public final class AudioOutput {
    public let fileDescriptor: Int32
    private let closesOnDeinit: Bool
    private var buffer: [UInt8] = []
    private static let bufferLimit = 64 * 1024
    private static let firstPipeFlush = 4 * 1024
    /// Buffered bytes that trigger a flush.
    private var flushThreshold = AudioOutput.bufferLimit
    /// Bytes handed to ``write(_:)`` so far (buffered or not).
    public private(set) var bytesWritten: Int = 0

    /// Wraps an open descriptor. With `closeOnDeinit`, the descriptor is closed when this object goes.
    public init(fileDescriptor: Int32, closeOnDeinit: Bool) {
        self.fileDescriptor = fileDescriptor
        self.closesOnDeinit = closeOnDeinit
        buffer.reserveCapacity(Self.bufferLimit)
        if !isSeekable { flushThreshold = Self.firstPipeFlush }
    }

    /// Standard output, never closed by us.
    public static func standardOutput() -> AudioOutput { AudioOutput(fileDescriptor: 1, closeOnDeinit: false) }

    /// Creates (or truncates) the file at `path` with mode 0644 (`open(2)` underneath).
    public static func create(path: String) throws(AudioError) -> AudioOutput {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let e = errno
            throw AudioError(.io, "cannot create \(path): \(SystemError.describe(e))", errno: e)
        }
        return AudioOutput(fileDescriptor: fd, closeOnDeinit: true)
    }

    deinit {
        if closesOnDeinit { close(fileDescriptor) }
    }

    /// True when the descriptor is a regular file, where ``overwrite(_:at:)`` works.
    public var isSeekable: Bool {
        var st = stat()
        guard fstat(fileDescriptor, &st) == 0 else { return false }
        return (st.st_mode & S_IFMT) == S_IFREG
    }

    /// Appends bytes (buffered).
    public func write(_ bytes: some Collection<UInt8>) throws(AudioError) {
        buffer.append(contentsOf: bytes)
        bytesWritten += bytes.count
        if buffer.count >= flushThreshold { try flush() }
    }

    /// Appends raw memory (buffered).
    public func write(_ raw: UnsafeRawBufferPointer) throws(AudioError) {
        buffer.append(contentsOf: raw)
        bytesWritten += raw.count
        if buffer.count >= flushThreshold { try flush() }
    }

    /// Sends buffered bytes to the descriptor (`write(2)`, retried on EINTR and short writes).
    public func flush() throws(AudioError) {
        guard !buffer.isEmpty else { return }
        flushThreshold = min(flushThreshold * 2, Self.bufferLimit)
        let failedErrno = buffer.withUnsafeBytes { raw in DescriptorWrite.all(fileDescriptor, raw) }
        buffer.removeAll(keepingCapacity: true)
        if let e = failedErrno {
            throw AudioError(.io, "cannot write audio: \(SystemError.describe(e))", errno: e)
        }
    }

    /// Flushes, then writes `bytes` at absolute `offset` (`pwrite(2)`); for header patches.
    public func overwrite(_ bytes: [UInt8], at offset: Int) throws(AudioError) {
        try flush()
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { raw in
                pwrite(fileDescriptor, raw.baseAddress! + done, raw.count - done, off_t(offset + done))
            }
            if n < 0 {
                if errno == EINTR { continue }
                let e = errno
                throw AudioError(.io, "cannot write audio: \(SystemError.describe(e))", errno: e)
            }
            done += n
        }
    }

    /// Flushes and asks the system to put the bytes on disk (`fsync(2)`); a pipe needs none.
    public func synchronize() throws(AudioError) {
        try flush()
        if isSeekable, fsync(fileDescriptor) != 0 {
            let e = errno
            throw AudioError(.io, "cannot sync audio: \(SystemError.describe(e))", errno: e)
        }
    }
}
