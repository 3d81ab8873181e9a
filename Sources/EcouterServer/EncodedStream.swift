// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import EcouterAudio
import Prometheus
import Foundation
import NIOCore

/// Encodes an article's chunks as they are synthesized and hands the bytes on as they come.
///
/// The encoders write to an ``AudioOutput`` (a file descriptor), so they write into a pipe whose
/// other end a reader thread drains into an async stream. Every chunk is flushed through at once,
/// so the first sentence's audio leaves before the second is synthesized. When the consumer fails
/// (a write to the client failed) or the client hangs up, synthesis stops at the next chunk.
struct EncodedStream: Sendable {
    let format: StreamFormat
    let chunks: AudioChunks
    /// Fires when the client goes: the stream stops without waiting for a write to fail.
    let hangUp: HangUpSignal
    /// Counts the sentences encoded and handed on.
    let sentences: Counter

    func run(send: (ByteBuffer) async throws -> Void) async throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw APIError(.internalServerError, "stream", "cannot open a stream") }
        let readEnd = fds[0], writeEnd = fds[1]
        let (bytes, continuation) = AsyncStream<ByteBuffer>.makeStream()
        Thread.detachNewThread {
            var buffer = [UInt8](repeating: 0, count: 64 << 10)
            while true {
                let n = buffer.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                continuation.yield(ByteBuffer(bytes: buffer[0..<n]))
            }
            close(readEnd)
            continuation.finish()
        }
        let producer = Task { [format, chunks, sentences] () throws -> Void in
            let output = AudioOutput(fileDescriptor: writeEnd, closeOnDeinit: true)
            let sink = try format.makeSink(output: output, sampleRate: SynthesisAdapter.sampleRate)
            for try await chunk in chunks {
                try Task.checkCancellation()
                try sink.write(chunk.samples)
                try output.flush()
                sentences.increment()
            }
            try sink.finish()
        }
        let watcher = Task { [hangUp] in
            await hangUp.wait()
            if hangUp.hasFired { producer.cancel() }
        }
        defer { watcher.cancel() }
        do {
            for await buffer in bytes { try await send(buffer) }
            try await producer.value
        } catch {
            producer.cancel()
            // Drain so the producer, blocked on a full pipe, can see its cancellation and close.
            Task { for await _ in bytes {} }
            throw error
        }
    }
}
