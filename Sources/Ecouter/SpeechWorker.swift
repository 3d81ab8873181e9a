// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterSynthesis

/// The worker side of isolated synthesis: what `ecouter-speech-worker` and the hidden
/// `ecouter speech-worker` command run.
///
/// It owns this process's eSpeak NG engine and speaks sentence after sentence for a
/// ``SpeechSupervisor`` in the parent, until its standard input closes. If libespeak-ng crashes on
/// a sentence, only this process dies; the parent starts another.
///
/// An embedder whose own binary should act as the worker calls ``serve()`` when started with the
/// arguments it put in its ``WorkerExecutable``.
public enum SpeechWorker {
    /// The test hook: when this environment variable is set, a sentence containing its value makes
    /// the worker abort as libespeak-ng does on its known crashes (tests of the supervisor use it
    /// besides real crashing texts).
    public static let crashMarkerVariable = SpeechWorkerLoop.crashMarkerVariable

    /// Serves requests from standard input, answers on standard output, returns when input ends.
    public static func serve() {
        SpeechWorkerLoop.serve(input: 0, output: 1)
    }
}
