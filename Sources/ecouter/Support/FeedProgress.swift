// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import EcouterFeed
import Foundation
import Synchronization

/// Shows a feed run: a redrawn line on a terminal, JSON lines for machines, or nothing.
final class FeedProgress: Sendable {
    enum Mode { case terminal, json, quiet }

    private struct State { var drawn = false; var current: String = "" }
    private let mode: Mode
    private let state = Mutex(State())
    private let start = Date()
    /// The first failure to write a JSON line; later events are not printed. The run goes on:
    /// the audio and the manifest matter more than the events (`ecouter feed --json | head`).
    private let jsonFailure = Mutex<EcouterError?>(nil)

    init(mode: Mode) { self.mode = mode }

    func handle(_ event: FeedEvent) {
        switch mode {
        case .quiet:
            // Warnings are not progress: they are shown even when nothing else is.
            if case .warning(let message) = event { write("ecouter: warning: \(message)\n") }
        case .json: printJSON(event)
        case .terminal: draw(event)
        }
    }

    /// Why the JSON events stopped being printed, if they did.
    var outputFailure: EcouterError? { jsonFailure.withLock { $0 } }

    private func printJSON(_ event: FeedEvent) {
        jsonFailure.withLock { failure in
            guard failure == nil else { return }
            do throws(EcouterError) { try StandardStreams.printLine(event.jsonLine) } catch { failure = error }
        }
    }

    private func draw(_ event: FeedEvent) {
        state.withLock { state in
            let elapsed = Date().timeIntervalSince(start)
            switch event {
            case .started(let title, let items, let feedItems):
                let shard = items == feedItems ? "" : " (of \(feedItems) in the feed)"
                write("\(title ?? "feed"): \(items) items\(shard)\n")
            case .itemStarted(_, let title, let done, let total):
                state.current = title ?? ""
                line(&state, done: done, total: total, elapsed: elapsed)
            case .itemFinished(let outcome, let done, let total):
                if outcome.status == .failed {
                    write("\r\u{1B}[Kfailed: \(outcome.title ?? outcome.id): \(outcome.error ?? "")\n")
                }
                line(&state, done: done, total: total, elapsed: elapsed)
            case .pruned(_, let file):
                write("\r\u{1B}[Kremoved \(file)\n")
            case .warning(let message):
                write("\r\u{1B}[Kecouter: warning: \(message)\n")
            case .finished(let s):
                write("\r\u{1B}[K\(s.generated) voiced, \(s.unchanged) unchanged, \(s.failed) failed, \(s.skipped > 0 ? "\(s.skipped) skipped (nothing to say), " : "")\(s.pruned) removed in \(ProgressLine.clock(s.elapsed)) (\(ProgressLine.clock(s.audioSeconds)) of audio)\n")
                state.drawn = false
            }
        }
    }

    private func line(_ state: inout State, done: Int, total: Int, elapsed: Double) {
        let eta = done > 0 && done < total ? " · ETA \(ProgressLine.clock(elapsed / Double(done) * Double(total - done)))" : ""
        var title = state.current
        if title.count > 50 { title = String(title.prefix(49)) + "…" }
        write("\r\u{1B}[K[\(done)/\(total)] \(ProgressLine.clock(elapsed))\(eta) · \(title)")
        state.drawn = true
    }

    private func write(_ text: String) { StandardStreams.writeError(text) }

    /// Ends a drawn line.
    func finish() {
        guard mode == .terminal else { return }
        state.withLock { state in
            if state.drawn { write("\r\u{1B}[K") }
            state.drawn = false
        }
    }
}
