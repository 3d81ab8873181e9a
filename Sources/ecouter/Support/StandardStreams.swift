// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import Foundation
import EcouterCore

/// The command's own standard streams, written with `write(2)` and read with `read(2)`.
///
/// Foundation's `FileHandle.write` and `readDataToEndOfFile` trap (SIGILL, exit 132) when the
/// descriptor is closed, full, a directory or a pipe whose reader left; `print` ignores the failure
/// and lets the command exit 0. Here a failure is an ``EcouterError``: `.output` (exit 73) for
/// standard output, `.input` (exit 65) for standard input. Standard error is best effort: when even
/// that fails there is nobody left to tell.
enum StandardStreams {
    /// Writes every byte to standard output.
    /// - Throws: ``EcouterError/Code/output`` naming the system's reason (EPIPE, ENOSPC, EBADF…).
    static func write(_ bytes: some Collection<UInt8>) throws(EcouterError) {
        if let failure = DescriptorWrite.all(1, Array(bytes)) {
            let reason = failure == EBADF ? "it is closed" : SystemError.describe(failure)
            throw EcouterError(.output, "cannot write to standard output: \(reason)")
        }
    }

    /// Writes `text` and a line break to standard output.
    static func printLine(_ text: String) throws(EcouterError) {
        try write(Array((text + "\n").utf8))
    }

    /// Writes to standard error, ignoring failures.
    static func writeError(_ text: String) {
        _ = DescriptorWrite.all(2, Array(text.utf8))
    }

    /// Reads standard input to its end, refusing more than `limit` bytes.
    /// - Throws: ``EcouterError/Code/input`` when it is closed, a directory, unreadable or too large.
    static func readInput(limit: Int) throws(EcouterError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(0, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                let reason = errno == EBADF ? "it is closed" : SystemError.describe(errno)
                throw EcouterError(.input, "cannot read standard input: \(reason)")
            }
            bytes += chunk[0..<count]
            guard bytes.count <= limit else {
                throw EcouterError(.input, "standard input is larger than \(limit / 1024 / 1024) MB")
            }
        }
    }
}
