// SPDX-License-Identifier: GPL-3.0-or-later
import Dispatch
public import EcouterCore
import Foundation
import Synchronization

/// An ``AudioSink`` that hands its samples to another sink running on a thread of its own, through
/// a bounded queue: MP3 and Opus encoding then runs beside synthesis, on the other core, instead of
/// between one sentence and the next on the reading task.
///
/// Memory is bounded: the queue holds at most ``queueSlots`` pieces of ``pieceSamples`` samples
/// (about 6 s of audio at 22 050 Hz); when the encoder falls that far behind, ``write(_:)`` waits
/// for it, which holds back the synthesis feeding it. The first failure of the wrapped sink is
/// thrown by the next ``write(_:)`` or by ``finish()``; the samples after it are dropped.
///
/// Dropped without ``finish()`` (a failed or cancelled reading), the thread stops at once and the
/// wrapped sink is never finished, so no file is completed; the deinitializer waits for it.
public final class EncodingThread: AudioSink {
    public let sampleRate: Int
    /// Samples accepted so far (queued or encoded).
    public private(set) var samplesWritten = 0
    /// Samples per queued piece, and pieces the queue holds at most.
    public static let pieceSamples = 8192
    public static let queueSlots = 16

    private let channel = Channel(slots: EncodingThread.queueSlots)
    private var isFinished = false

    /// Starts the thread that will drive `sink`; from now on only that thread touches `sink`.
    public init(encoding sink: any AudioSink) {
        sampleRate = sink.sampleRate
        samplesWritten = sink.samplesWritten
        let channel = self.channel
        let handoff = Handoff(sink: sink)
        let thread = Thread {
            // The sink is released here, before the writer learns that the thread ended: what it
            // closes (LAME's state, a descriptor it owns) is closed when finish() returns.
            var sink = handoff.take()
            channel.drain(into: sink!)
            sink = nil
            channel.markEnded()
        }
        thread.name = "audio encoder"
        thread.start()
    }

    deinit {
        if !isFinished { channel.stop(finishing: false) }
    }

    /// Queues a copy of `samples` for the encoder, waiting while the queue is full.
    /// - Throws: the wrapped sink's first failure, or ``AudioError/Code/finished`` after ``finish()``.
    public func write(_ samples: UnsafeBufferPointer<Int16>) throws(AudioError) {
        guard !isFinished else { throw AudioError(.finished, "audio sink used after finish()") }
        if let failure = channel.failure { throw failure }
        var start = 0
        while start < samples.count {
            let end = min(samples.count, start + Self.pieceSamples)
            channel.push(Array(UnsafeBufferPointer(rebasing: samples[start..<end])))
            start = end
        }
        samplesWritten += samples.count
    }

    /// Waits until every queued sample is encoded, then finishes the wrapped sink on its thread.
    /// - Throws: the wrapped sink's first failure (while writing or finishing).
    public func finish() throws(AudioError) {
        guard !isFinished else { throw AudioError(.finished, "audio sink finished twice") }
        isFinished = true
        channel.stop(finishing: true)
        if let failure = channel.failure { throw failure }
    }
}

/// The wrapped sink, moved to the encoder thread. Sinks are not `Sendable`; this one is used by
/// that thread alone from the moment it is handed over (the writer keeps no reference to it).
/// It stays `@unchecked` on purpose: a `sending` parameter was tried, but the sink shares its
/// ``AudioOutput`` with the caller, who closes or renames it only after ``finish()`` has waited
/// for the thread. That ordering is what makes the sharing safe, and the compiler's regions cannot
/// express it.
private final class Handoff: @unchecked Sendable {
    private var sink: (any AudioSink)?
    init(sink: any AudioSink) { self.sink = sink }
    /// The sink, once: the handoff keeps no reference to it.
    func take() -> (any AudioSink)? {
        defer { sink = nil }
        return sink
    }
}

/// The queue between the writer and the encoder thread: pieces of samples, then an end marker.
private final class Channel: Sendable {
    private enum Item: Sendable {
        case samples([Int16])
        /// Finish the sink (true) or abandon it (false), then end the thread.
        case end(finishing: Bool)
    }

    private let items = BlockingFIFO<Item>()
    private let failureState = Mutex<AudioError?>(nil)
    /// Free slots for pieces (the bound), and the thread's end.
    private let free: DispatchSemaphore
    private let ended = DispatchSemaphore(value: 0)

    init(slots: Int) { free = DispatchSemaphore(value: slots) }

    var failure: AudioError? { failureState.withLock { $0 } }

    /// Queues a piece, waiting for a free slot.
    func push(_ samples: [Int16]) {
        free.wait()
        items.push(.samples(samples))
    }

    /// Queues the end marker (it needs no slot) and waits for the thread to end.
    func stop(finishing: Bool) {
        items.push(.end(finishing: finishing))
        ended.wait()
    }

    /// The encoder thread's loop: each piece into `sink` until the end marker.
    func drain(into sink: any AudioSink) {
        while let item = items.pop() {
            switch item {
            case .samples(let samples):
                if failure == nil {
                    do throws(AudioError) { try sink.write(samples) } catch { record(error) }
                }
                free.signal()
            case .end(let finishing):
                if finishing, failure == nil {
                    do throws(AudioError) { try sink.finish() } catch { record(error) }
                }
                return
            }
        }
    }

    /// Called by the thread once it let go of the sink.
    func markEnded() { ended.signal() }

    private func record(_ error: AudioError) {
        failureState.withLock { if $0 == nil { $0 = error } }
    }
}
