// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// Process-wide settings the command makes before anything else runs (a library never makes them).
enum ProcessSetup {
    /// Ignores SIGPIPE, so a reader that goes away (`ecouter feed --json | head`, a dead worker)
    /// gives a write error (EPIPE) that is reported, instead of killing the process.
    ///
    /// Fills closed standard descriptors with `/dev/null`, so that a file opened later cannot take
    /// descriptor 0, 1 or 2 and receive output meant for the terminal. Standard input and output are
    /// opened in the wrong direction on purpose: reading or writing them then fails with EBADF and is
    /// reported as such, rather than reading nothing or discarding the output with exit status 0.
    static func prepare() {
        signal(SIGPIPE, SIG_IGN)
        for (descriptor, mode) in [(Int32(0), O_WRONLY), (1, O_RDONLY), (2, O_WRONLY)] {
            guard fcntl(descriptor, F_GETFD) == -1, errno == EBADF else { continue }
            let opened = open("/dev/null", mode)
            if opened >= 0, opened != descriptor {
                dup2(opened, descriptor)
                close(opened)
            }
        }
    }
}
