// SPDX-License-Identifier: GPL-3.0-or-later

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one loop in the package that writes a whole buffer to a file descriptor (`write(2)`):
/// audio files, standard output and error, and the pipes to speech workers all go through it.
package enum DescriptorWrite {
    /// Writes every byte, retrying short writes and `EINTR`; the `errno` of a failure, nil on success.
    /// A write that makes no progress is reported as `EIO` rather than retried for ever.
    package static func all(_ descriptor: Int32, _ raw: UnsafeRawBufferPointer) -> Int32? {
        var done = 0
        while done < raw.count {
            let n = write(descriptor, raw.baseAddress! + done, raw.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            guard n > 0 else { return EIO }
            done += n
        }
        return nil
    }

    /// The same for an array of bytes.
    package static func all(_ descriptor: Int32, _ bytes: [UInt8]) -> Int32? {
        bytes.withUnsafeBytes { all(descriptor, $0) }
    }
}
