// SPDX-License-Identifier: GPL-3.0-or-later

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Converts 16-bit mono PCM from one sample rate to another, as it streams, with a polyphase
/// windowed-sinc filter (Kaiser window, 70 dB stopband).
///
/// Why our own: LAME's built-in resampler (22 050 → 16 000 Hz for 48 kb/s MP3) took 40 % of the
/// encoder's time, scalar code recomputing its filter position per sample. Here the ratio is reduced
/// to `up / down` (320 / 441 for 22 050 → 16 000), one filter per output phase is tabled once, and
/// each output sample is one dot product of ``tapsPerPhase`` floats in 8-wide SIMD: linear time,
/// about 20 ms of CPU per hour of audio.
///
/// Output sample `k` is the input signal at time `k × inputRate / outputRate` (in input samples),
/// with no delay: a stream of `n` input samples gives exactly ``outputCount(forInput:)`` samples
/// once ``finish(into:)`` has run, so durations stay exact. Frequencies above the lower rate's
/// Nyquist frequency are removed before they can fold back (the stopband starts there).
public struct SincResampler {
    public let inputRate: Int
    public let outputRate: Int
    /// Taps of each phase's filter, a multiple of 8 (one SIMD8 load each): the filter spans this
    /// many input samples, half before and half after each output instant.
    public static let tapsPerPhase = 96
    /// Stopband attenuation the Kaiser window is designed for, in dB.
    public static let stopbandDecibels = 70.0

    /// The ratio reduced: output `k` sits at input position `k × down / up`.
    private let up: Int
    private let down: Int
    /// `up` filters of ``tapsPerPhase`` coefficients, phase after phase.
    private let coefficients: [Float]
    /// Input not yet passed by the filter, as floats; `history[0]` is input sample `historyStart`.
    private var history: [Float]
    private var historyStart: Int
    /// Input samples received, and the index of the next output sample.
    private var inputCount = 0
    private var nextOutput = 0
    private var isFinished = false

    /// A resampler from `inputRate` to `outputRate` Hz (both positive).
    public init(from inputRate: Int, to outputRate: Int) {
        precondition(inputRate > 0 && outputRate > 0, "sample rates must be positive")
        self.inputRate = inputRate
        self.outputRate = outputRate
        let divisor = Self.greatestCommonDivisor(inputRate, outputRate)
        up = outputRate / divisor
        down = inputRate / divisor
        coefficients = Self.design(up: up, inputRate: inputRate, outputRate: outputRate)
        // The taps before the first output instant read as silence.
        let before = Self.tapsPerPhase / 2 - 1
        history = [Float](repeating: 0, count: before)
        historyStart = -before
    }

    /// Output samples a stream of `inputCount` samples turns into: `ceil(inputCount × outputRate / inputRate)`.
    public func outputCount(forInput inputCount: Int) -> Int {
        (inputCount * up + down - 1) / down
    }

    /// Resamples `input`, appending to `output` every sample the filter can already compute (the
    /// last ``tapsPerPhase`` / 2 input samples wait for what follows them, or for ``finish(into:)``).
    public mutating func process(_ input: UnsafeBufferPointer<Int16>, into output: inout [Int16]) {
        precondition(!isFinished, "resampler used after finish")
        history.reserveCapacity(history.count + input.count)
        for sample in input { history.append(Float(sample)) }
        inputCount += input.count
        produce(upTo: outputCount(forInput: inputCount), into: &output)
    }

    /// Ends the stream: the filter reads silence past the last input, and the outputs still due
    /// are appended, so that the total is exactly ``outputCount(forInput:)``.
    public mutating func finish(into output: inout [Int16]) {
        precondition(!isFinished, "resampler finished twice")
        isFinished = true
        history.append(contentsOf: repeatElement(0, count: Self.tapsPerPhase))
        produce(upTo: outputCount(forInput: inputCount), into: &output)
        history = []
    }

    /// Computes outputs while their filter span is in `history` (all of them at the end).
    private mutating func produce(upTo limit: Int, into output: inout [Int16]) {
        let taps = Self.tapsPerPhase
        let available = historyStart + history.count  // one past the last input sample held
        if nextOutput < limit, !history.isEmpty {
            let (down, up, historyStart) = (down, up, historyStart)
            var next = nextOutput
            coefficients.withUnsafeBytes { filters in
                history.withUnsafeBytes { samples in
                    let floatSize = MemoryLayout<Float>.stride
                    while next < limit {
                        let position = next * down
                        let center = position / up
                        let first = center - taps / 2 + 1
                        guard first + taps <= available else { break }
                        let filter = filters.baseAddress! + (position - center * up) * taps * floatSize
                        let window = samples.baseAddress! + (first - historyStart) * floatSize
                        output.append(Self.clamped(Self.dot(window, filter, byteCount: taps * floatSize)))
                        next += 1
                    }
                }
            }
            nextOutput = next
        }
        // Drop the input no later output can reach (the next one's span starts at `keep`).
        let keep = (nextOutput * down) / up - taps / 2 + 1
        let drop = min(keep - historyStart, history.count)
        if drop > 0 {
            history.removeFirst(drop)
            historyStart += drop
        }
    }

    /// One output sample: the dot product of a phase's filter with the input window it covers.
    @inline(__always)
    private static func dot(_ window: UnsafeRawPointer, _ filter: UnsafeRawPointer, byteCount: Int) -> Float {
        #if DEBUG
        // Unoptimized builds (the test suite's) run SIMD8's generic code a lane at a time through
        // calls: about 60 s of CPU per hour of audio, which made every MP3 test crawl. Plain float
        // pointers there; the sum may differ from the SIMD one in its last bits only.
        let count = byteCount / MemoryLayout<Float>.stride
        let x = window.assumingMemoryBound(to: Float.self), h = filter.assumingMemoryBound(to: Float.self)
        var sum: Float = 0
        var index = 0
        while index < count {
            sum += x[index] * h[index]
            index += 1
        }
        return sum
        #else
        var sum = SIMD8<Float>.zero
        // `sum += x * h`, not `addProduct`: a fused multiply-add is a libm call per lane on
        // x86-64's baseline (no FMA), three times slower than this.
        for offset in stride(from: 0, to: byteCount, by: 8 * MemoryLayout<Float>.stride) {
            sum += window.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                * filter.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
        }
        return sum.sum()
        #endif
    }

    /// Rounds half away from zero and clamps. By hand: `rounded()` is a libm call on x86-64's
    /// baseline (no SSE4.1), a fifth of the resampler's time; a truncating conversion is one instruction.
    private static func clamped(_ value: Float) -> Int16 {
        let bounded = max(-32768, min(32767, value))
        return Int16(bounded + (bounded < 0 ? -0.5 : 0.5))
    }

    /// The `up` phase filters: a sinc low-pass whose stopband starts at the lower rate's Nyquist
    /// frequency, under a Kaiser window, each phase scaled to unit gain at 0 Hz.
    private static func design(up: Int, inputRate: Int, outputRate: Int) -> [Float] {
        let taps = tapsPerPhase
        let attenuation = stopbandDecibels
        let beta = 0.1102 * (attenuation - 8.7)
        // Kaiser's estimate of the transition width for this length, in cycles per input sample.
        let transition = (attenuation - 7.95) / (14.36 * Double(taps))
        let nyquist = Double(min(inputRate, outputRate)) / 2 / Double(inputRate)
        let cutoff = nyquist - transition / 2
        let half = Double(taps) / 2
        var table = [Float](repeating: 0, count: up * taps)
        for phase in 0..<up {
            let fraction = Double(phase) / Double(up)
            var row = [Double](repeating: 0, count: taps)
            for tap in 0..<taps {
                // Distance from this tap's input sample to the output instant, in input samples.
                let distance = Double(tap - taps / 2 + 1) - fraction
                let x = 2 * cutoff * distance
                let sinc = x == 0 ? 1 : sin(Double.pi * x) / (Double.pi * x)
                let ratio = distance / half
                let window = ratio.magnitude >= 1 ? 0 : besselI0(beta * (1 - ratio * ratio).squareRoot()) / besselI0(beta)
                row[tap] = sinc * window
            }
            let gain = row.reduce(0, +)
            for tap in 0..<taps { table[phase * taps + tap] = Float(row[tap] / gain) }
        }
        return table
    }

    /// The modified Bessel function of the first kind, order 0, by its power series.
    private static func besselI0(_ x: Double) -> Double {
        var sum = 1.0, term = 1.0, k = 1.0
        while term > sum * 1e-12 {
            term *= (x / (2 * k)) * (x / (2 * k))
            sum += term
            k += 1
        }
        return sum
    }

    private static func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
        b == 0 ? a : greatestCommonDivisor(b, a % b)
    }
}
