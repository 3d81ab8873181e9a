// SPDX-License-Identifier: GPL-3.0-or-later
import Synchronization

/// The speakers a reader can use at once: this process's engine alone, or supervised workers.
///
/// With ``Synthesis/isolated(_:)`` the first worker starts with the pool (so its engine loads while
/// the input is read); more start when an article is long enough to be split among them, and stay
/// for the next article.
final class SpeakerPool: Sendable {
    private let worker: WorkerExecutable?
    private let supervisors: Mutex<[SpeechSupervisor]>

    init(_ synthesis: Synthesis) {
        switch synthesis {
        case .inProcess:
            worker = nil
            supervisors = Mutex([])
        case .isolated(let executable):
            worker = executable
            supervisors = Mutex([SpeechSupervisor(worker: executable)])
        }
    }

    /// The first speaker: the one a short article, or a pull of audio chunks, uses.
    var first: SentenceSpeaker { speakers(1)[0] }

    /// Up to `count` speakers (at least one); in-process synthesis has only one, the process's engine.
    func speakers(_ count: Int) -> [SentenceSpeaker] {
        guard let worker else { return [.inProcess] }
        return supervisors.withLock { supervisors in
            while supervisors.count < max(1, count) { supervisors.append(SpeechSupervisor(worker: worker)) }
            return supervisors.prefix(max(1, count)).map { .supervised($0) }
        }
    }

    /// Lets every worker exit and reaps them; a later reading starts new ones.
    func shutdown() async {
        for supervisor in supervisors.withLock({ $0 }) { await supervisor.shutdown() }
    }
}
