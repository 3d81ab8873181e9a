// SPDX-License-Identifier: GPL-3.0-or-later
import Dispatch
import Foundation
import Synchronization
import Testing
@testable import EcouterAudio

/// The encoder thread: same bytes as encoding in place, failures reach the writer, the queue is
/// bounded, and a sink dropped unfinished is never finished.
@Suite struct EncodingThreadTests {
    @Test func anMP3MadeOnTheEncoderThreadIsByteForByteTheDirectOne() throws {
        let samples = MP3WriterTests.tone(seconds: 3.1, frequency: 330)
        let direct = MP3WriterTests.temporaryPath("direct.mp3"), threaded = MP3WriterTests.temporaryPath("threaded.mp3")
        let tags = AudioTags(title: "Essai")
        let writer = try MP3Writer(output: try AudioOutput.create(path: direct), sampleRate: MP3WriterTests.rate, tags: tags)
        try writer.write(samples)
        try writer.finish()
        let sink = EncodingThread(encoding: try MP3Writer(output: try AudioOutput.create(path: threaded), sampleRate: MP3WriterTests.rate, tags: tags))
        // Uneven pieces, some larger than a queue piece.
        var start = 0, piece = 700
        while start < samples.count {
            let end = min(samples.count, start + piece)
            try sink.write(Array(samples[start..<end]))
            start = end
            piece = piece * 7 % 20011 + 13
        }
        try sink.finish()
        #expect(sink.samplesWritten == samples.count)
        let a = try Data(contentsOf: URL(fileURLWithPath: direct)), b = try Data(contentsOf: URL(fileURLWithPath: threaded))
        #expect(a.count > 10_000)
        #expect(a == b)
        #expect(throws: AudioError.self) { try sink.write(samples) }
        #expect(throws: AudioError.self) { try sink.finish() }
    }

    @Test func theWrappedSinksFailureReachesTheWriter() {
        let failing = RecordingSink(failAfter: 3)
        let sink = EncodingThread(encoding: failing)
        let piece = [Int16](repeating: 7, count: 100)
        var thrown: AudioError?
        do throws(AudioError) {
            for _ in 0..<1000 { try sink.write(piece) }
            try sink.finish()
        } catch { thrown = error }
        #expect(thrown?.code == .io)
        #expect(failing.log.withLock { $0.finished } == false)
    }

    @Test func theQueueIsBoundedAndAWriterWaitsForTheEncoder() throws {
        let gated = RecordingSink(gate: DispatchSemaphore(value: 0))
        let sink = EncodingThread(encoding: gated)
        let accepted = Atomic<Int>(0)
        let pieces = EncodingThread.queueSlots * 3
        let writer = SendableBox(sink)
        let done = DispatchSemaphore(value: 0)
        Thread {
            let piece = [Int16](repeating: 1, count: EncodingThread.pieceSamples)
            for _ in 0..<pieces {
                try? writer.value.write(piece)
                accepted.add(1, ordering: .relaxed)
            }
            done.signal()
        }.start()
        // While the encoder is stuck, the writer gets a queue's worth ahead (plus the piece being
        // encoded), not further.
        Thread.sleep(forTimeInterval: 0.3)
        let ahead = accepted.load(ordering: .relaxed)
        #expect(ahead >= EncodingThread.queueSlots && ahead <= EncodingThread.queueSlots + 2, "accepted \(ahead)")
        for _ in 0..<pieces { gated.gate?.signal() }
        done.wait()
        try sink.finish()
        #expect(gated.log.withLock { $0.samples } == pieces * EncodingThread.pieceSamples)
        #expect(gated.log.withLock { $0.finished })
    }

    @Test func aSinkDroppedUnfinishedIsNeverFinished() throws {
        let recording = RecordingSink()
        do {
            let sink = EncodingThread(encoding: recording)
            try sink.write([Int16](repeating: 3, count: 50_000))
        }
        // The deinitializer waited for the thread: nothing reaches the sink afterwards.
        let log = recording.log.withLock { $0 }
        #expect(log.finished == false)
        #expect(log.samples <= 50_000)
    }
}

/// A sink that counts what reaches it, can fail after some writes, or wait on a gate per write.
private final class RecordingSink: AudioSink, Sendable {
    struct Log { var samples = 0; var writes = 0; var finished = false }
    let log = Mutex(Log())
    let failAfter: Int?
    let gate: DispatchSemaphore?
    var sampleRate: Int { 22050 }
    var samplesWritten: Int { log.withLock { $0.samples } }

    init(failAfter: Int? = nil, gate: DispatchSemaphore? = nil) {
        self.failAfter = failAfter
        self.gate = gate
    }

    func write(_ samples: UnsafeBufferPointer<Int16>) throws(AudioError) {
        gate?.wait()
        let writes = log.withLock { $0.writes += 1; return $0.writes }
        if let failAfter, writes > failAfter { throw AudioError(.io, "disk full") }
        log.withLock { $0.samples += samples.count }
    }

    func finish() throws(AudioError) { log.withLock { $0.finished = true } }
}

/// Lets the test's writer thread use the sink while the test waits (one user at a time).
private final class SendableBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
