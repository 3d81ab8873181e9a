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
    /// A write that makes no progress is reported as `EIO` rather than retried for ever. A closed
    /// pipe is `EPIPE`, never a SIGPIPE that would end the process (see ``withoutBrokenPipeSignal(_:)``).
    package static func all(_ descriptor: Int32, _ raw: UnsafeRawBufferPointer) -> Int32? {
        withoutBrokenPipeSignal {
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
    }

    /// The same for an array of bytes.
    package static func all(_ descriptor: Int32, _ bytes: [UInt8]) -> Int32? {
        bytes.withUnsafeBytes { all(descriptor, $0) }
    }

    /// Runs `body` (writes returning an `errno`) with SIGPIPE blocked for the calling thread, and
    /// discards the SIGPIPE a write to a closed pipe raised. Pipes have no per-write opt-out (unlike
    /// sockets' MSG_NOSIGNAL), and ignoring the signal for the whole process would change a setting
    /// that belongs to the program embedding the library; the thread's mask is the thread's own.
    private static func withoutBrokenPipeSignal(_ body: () -> Int32?) -> Int32? {
        var brokenPipe = sigset_t()
        sigemptyset(&brokenPipe)
        sigaddset(&brokenPipe, SIGPIPE)
        var pending = sigset_t()
        sigpending(&pending)
        // One that was already pending before this write is someone else's: leave it.
        let pendingBefore = sigismember(&pending, SIGPIPE) == 1
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &brokenPipe, &previous)
        let failure = body()
        if failure == EPIPE, !pendingBefore {
            sigpending(&pending)
            if sigismember(&pending, SIGPIPE) == 1 {
                var now = timespec(tv_sec: 0, tv_nsec: 0)
                while sigtimedwait(&brokenPipe, nil, &now) == -1, errno == EINTR {}
            }
        }
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        return failure
    }
}
