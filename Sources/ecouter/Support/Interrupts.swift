// SPDX-License-Identifier: GPL-3.0-or-later
import Dispatch
import Ecouter
import Foundation

/// On SIGINT or SIGTERM: delete the outputs still being written, say what is left, exit 130 (or 143).
///
/// Handled on a Dispatch source rather than in a raw signal handler, so the clean-up may take locks.
enum Interrupts {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    /// - Parameter outcome: what the interruption leaves, for the one line printed: "nothing
    ///   written" for a single output; a feed run keeps the items it finished.
    static func removePartialOutputsOnSignal(outcome: String = "nothing written") {
        for (number, status) in [(SIGINT, ExitStatus.interrupted), (SIGTERM, Int32(143))] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                PendingFileRegistry.shared.removeAll()
                // On a terminal a progress line may be showing: end it first. Elsewhere, one line.
                let lead = isatty(2) == 1 ? "\n" : ""
                let line = Array((lead + "ecouter: interrupted, \(outcome)\n").utf8)
                _ = line.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count) }
                exit(status)
            }
            source.resume()
            sources.append(source)
        }
    }
}
