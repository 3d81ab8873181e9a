// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import Foundation
import Synchronization

/// A one-line progress display on standard error, shown only when stderr is a terminal and the job
/// has run for a moment (short jobs stay silent), redrawn at most a few times a second.
final class ProgressLine: Sendable {
    private struct State { var lastDraw: Double = 0; var drawn = false }
    private let state = Mutex(State())
    private let start = Date()
    let enabled: Bool

    init(enabled: Bool = isatty(2) == 1) { self.enabled = enabled }

    func update(_ progress: ReadingProgress) {
        guard enabled else { return }
        let elapsed = Date().timeIntervalSince(start)
        guard elapsed > 1 else { return }
        state.withLock { state in
            guard elapsed - state.lastDraw > 0.25 || progress.fraction >= 1 else { return }
            state.lastDraw = elapsed
            state.drawn = true
            let percent = Int(progress.fraction * 100)
            let eta = progress.fraction > 0.02 ? " · about \(Self.clock(elapsed / progress.fraction - elapsed)) left" : ""
            let line = "\r\u{1B}[K\(percent)% · \(Self.clock(progress.audioSeconds)) of audio\(eta)"
            StandardStreams.writeError(line)
        }
    }

    /// Clears the line if one was drawn.
    func finish() {
        guard enabled else { return }
        state.withLock { state in
            if state.drawn { StandardStreams.writeError("\r\u{1B}[K") }
        }
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}
