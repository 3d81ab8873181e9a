// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Ecouter

/// `ecouter speech-worker` (hidden): the process libespeak-ng runs in for `read` and `feed`, so a
/// crash of the C library costs one sentence (see ``SpeechWorker``).
struct SpeechWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "speech-worker", abstract: "Internal: the speech engine's worker process.",
        shouldDisplay: false)

    /// How `read` and `feed` start a speech worker: `ecouter-speech-worker` from beside this
    /// binary (a few milliseconds to start), or this command when that is not installed.
    static let executable = WorkerExecutable.speechWorker(fallbackArguments: ["speech-worker"])

    func run() {
        // Ends when the parent closes its end of the pipe (it is done, or gone).
        SpeechWorker.serve()
    }
}
