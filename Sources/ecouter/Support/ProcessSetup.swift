// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
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
    ///
    /// Keeps the list of temporary outputs being written (``PendingFileRegistry``), which the
    /// interrupt handlers delete, and captures what libespeak-ng prints on standard error while it
    /// starts, so that its complaint ends up in our one-line error instead of on the terminal.
    static func prepare() {
        signal(SIGPIPE, SIG_IGN)
        PendingFiles.track(with: PendingFileRegistry.shared)
        SpeechEngine.captureStartupMessages { start in StandardErrorCapture.run(start) }
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
