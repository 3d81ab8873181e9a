// SPDX-License-Identifier: GPL-3.0-or-later
import Dispatch
import Synchronization

/// Set when the task that started a blocking job is cancelled; the job checks it between samples.
final class CancellationFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    var isSet: Bool { flag.load(ordering: .relaxed) }
    func set() { flag.store(true, ordering: .relaxed) }
}

/// Runs blocking work (synthesis waits on the engine's lock and on eSpeak NG itself) on a Dispatch
/// thread, so it never ties up Swift's small cooperative pool; cancellation of the calling task
/// reaches the work through a ``CancellationFlag``.
func offload<T: Sendable>(
    _ work: @escaping @Sendable (CancellationFlag) throws(EcouterError) -> T
) async throws(EcouterError) -> T {
    let flag = CancellationFlag()
    let result: Result<T, EcouterError> = await withTaskCancellationHandler {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: Result { () throws(EcouterError) in try work(flag) })
            }
        }
    } onCancel: {
        flag.set()
    }
    return try result.get()
}
