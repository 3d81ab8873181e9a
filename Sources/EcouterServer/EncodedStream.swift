// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import EcouterAudio
import Foundation
import NIOCore

/// Encodes an article's chunks as they are synthesized and hands the bytes on as they come.
///
/// The encoders write to an ``AudioOutput`` (a file descriptor), so they write into a pipe whose
/// other end a reader thread drains into an async stream. Every chunk is flushed through at once,
/// so the first sentence's audio leaves before the second is synthesized. When the consumer fails
/// (the client hung up), synthesis stops at the next chunk.
struct EncodedStream: Sendable {
    let format: StreamFormat
    let chunks: AudioChunks

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
        let producer = Task { [format, chunks] () throws -> Void in
            let output = AudioOutput(fileDescriptor: writeEnd, closeOnDeinit: true)
            let sink = try format.makeSink(output: output, sampleRate: SynthesisAdapter.sampleRate)
            for try await chunk in chunks {
                try Task.checkCancellation()
                try sink.write(chunk.samples)
                try output.flush()
            }
            try sink.finish()
        }
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
