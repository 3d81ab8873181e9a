// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer harness: the whole text path of `ecouter FILE`, into a supervised speech worker with the
// real libespeak-ng: input checks, cleaning, segmentation, normalization, repairs, the engine guard,
// the worker protocol. A worker that crashes costs a sentence (silence and a warning), so every
// article the reader accepts must come out as audio, and every refusal must be an EcouterError.
// The worker program is $ECOUTER_WORKER (scripts/fuzz.sh passes the built `ecouter`).
import Dispatch
import Ecouter
import Foundation

private let reader: ArticleReader = {
    guard let path = ProcessInfo.processInfo.environment["ECOUTER_WORKER"] else {
        fatalError("set ECOUTER_WORKER to the path of a built ecouter (scripts/fuzz.sh does)")
    }
    let worker = WorkerExecutable(executable: URL(fileURLWithPath: path), arguments: ["speech-worker"])
    return ArticleReader(options: ReadingOptions(synthesis: .isolated(worker)))
}()

/// Everything the reader says for `bytes`, or why it refused them.
private func speak(_ bytes: [UInt8]) async -> Result<Int, EcouterError> {
    do throws(EcouterError) {
        let article = try reader.article(from: bytes)
        var samples = 0
        for try await chunk in try reader.audioChunks(for: article) { samples += chunk.samples.count }
        return .success(samples)
    } catch {
        return .failure(error)
    }
}

private final class Outcome: @unchecked Sendable {
    var result: Result<Int, EcouterError>?
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzBytes(data, size)
    let outcome = Outcome()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        outcome.result = await speak(bytes)
        done.signal()
    }
    done.wait()
    switch outcome.result! {
    case .success:
        break
    case .failure(let error):
        // Input refusals are the reader's answer to bad input; anything else (the engine, the
        // worker protocol, settings) must not come from a text.
        invariant(error.code == .input, "\(error.code): \(error.message)")
    }
    return 0
}
