// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
@testable import EcouterAudio

/// The resampler's frequency response, measured on tones: what passes keeps its frequency and
/// level, what lies above the new Nyquist frequency does not fold back, and lengths are exact.
@Suite struct SincResamplerTests {
    /// A sine tone of `seconds` at `rate`, amplitude `amplitude`.
    static func tone(_ frequency: Double, rate: Int, seconds: Double, amplitude: Double = 16000) -> [Int16] {
        (0..<Int(seconds * Double(rate))).map { Int16((amplitude * sin(2 * .pi * frequency * Double($0) / Double(rate))).rounded()) }
    }

    /// Resamples `input` in uneven pieces, as synthesis hands samples over.
    static func resample(_ input: [Int16], from: Int, to: Int, pieces: Bool = true) -> [Int16] {
        var resampler = SincResampler(from: from, to: to)
        var output: [Int16] = []
        var start = 0
        var piece = pieces ? 1 : input.count
        while start < input.count {
            let end = min(input.count, start + max(piece, 1))
            input[start..<end].withUnsafeBufferPointer { resampler.process($0, into: &output) }
            start = end
            if pieces { piece = piece * 5 % 3001 + 3 }
        }
        resampler.finish(into: &output)
        return output
    }

    /// RMS of the middle of a signal (away from the edges, where the filter meets silence).
    static func rms(_ samples: [Int16]) -> Double {
        let middle = samples[(samples.count / 10)..<(samples.count * 9 / 10)]
        return (middle.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(middle.count)).squareRoot()
    }

    /// Amplitude of the component at `frequency` (a single-bin DFT over the middle of the signal).
    static func amplitude(at frequency: Double, in samples: [Int16], rate: Int) -> Double {
        let middle = Array(samples[(samples.count / 10)..<(samples.count * 9 / 10)])
        var re = 0.0, im = 0.0
        for (i, s) in middle.enumerated() {
            let phase = 2 * .pi * frequency * Double(i) / Double(rate)
            re += Double(s) * cos(phase)
            im += Double(s) * sin(phase)
        }
        return 2 * (re * re + im * im).squareRoot() / Double(middle.count)
    }

    static func decibels(_ ratio: Double) -> Double { 20 * log10(ratio) }

    @Test(arguments: [200.0, 1000.0, 3000.0, 6000.0])
    func aToneInThePassbandKeepsItsFrequencyAndLevel(frequency: Double) {
        let input = Self.tone(frequency, rate: 22050, seconds: 1)
        let output = Self.resample(input, from: 22050, to: 16000)
        let gain = Self.decibels(Self.rms(output) / Self.rms(input))
        #expect(abs(gain) < 0.1, "\(frequency) Hz: \(gain) dB")
        // The energy sits at the same frequency at the new rate: the bin there holds the tone's
        // amplitude, and bins 5 % away hold next to nothing.
        let at = Self.amplitude(at: frequency, in: output, rate: 16000)
        #expect(abs(Self.decibels(at / 16000)) < 0.2, "\(frequency) Hz: bin amplitude \(at)")
        #expect(Self.amplitude(at: frequency * 1.05, in: output, rate: 16000) < 16000 * 0.01)
    }

    @Test(arguments: [8000.0, 9000.0, 10000.0, 11000.0])
    func aToneAboveTheNewNyquistFrequencyDoesNotFoldBack(frequency: Double) {
        let input = Self.tone(frequency, rate: 22050, seconds: 1)
        let output = Self.resample(input, from: 22050, to: 16000)
        // Whatever is left, and where it would alias to (16 000 − f), is at least 60 dB down.
        let left = Self.decibels(Self.rms(output) / Self.rms(input))
        #expect(left < -60, "\(frequency) Hz: \(left) dB left")
        let alias = Self.amplitude(at: 16000 - frequency, in: output, rate: 16000)
        #expect(Self.decibels(alias / 16000) < -60, "\(frequency) Hz: alias at \(16000 - frequency) Hz is \(alias)")
    }

    @Test(arguments: [0, 1, 2, 47, 48, 441, 1000, 22050, 55125, 100_003])
    func theOutputLengthIsExact(count: Int) {
        let input = [Int16](repeating: 1000, count: count)
        let output = Self.resample(input, from: 22050, to: 16000)
        #expect(output.count == Int((Double(count) * 16000 / 22050).rounded(.up)))
        #expect(SincResampler(from: 22050, to: 16000).outputCount(forInput: count) == output.count)
    }

    @Test func piecesGiveTheSameSamplesAsOneBuffer() {
        let input = Self.tone(440, rate: 22050, seconds: 0.7) + Self.tone(2500, rate: 22050, seconds: 0.3)
        #expect(Self.resample(input, from: 22050, to: 16000) == Self.resample(input, from: 22050, to: 16000, pieces: false))
    }

    @Test func aConstantStaysConstantAndFullScaleDoesNotWrap() {
        let output = Self.resample([Int16](repeating: 12345, count: 5000), from: 22050, to: 16000)
        // Away from the edges (where the filter reads the silence around the stream).
        #expect(output[100..<(output.count - 100)].allSatisfy { abs(Int($0) - 12345) <= 1 })
        // A square wave at full scale overshoots next to its edges (Gibbs): clamped there, never
        // wrapped round to the other sign. Its period is 100 input samples.
        let square = (0..<4410).map { $0 / 50 % 2 == 0 ? Int16.max : Int16.min }
        let resampled = Self.resample(square, from: 22050, to: 16000)
        #expect(resampled.contains(Int16.max) && resampled.contains(Int16.min))
        for (k, sample) in resampled.enumerated().dropFirst(100).dropLast(100) {
            let phase = (Double(k) * 22050 / 16000).truncatingRemainder(dividingBy: 100)
            if (2...48).contains(phase) { #expect(sample > 16000, "sample \(k) at phase \(phase): \(sample)") }
            if (52...98).contains(phase) { #expect(sample < -16000, "sample \(k) at phase \(phase): \(sample)") }
        }
    }

    @Test func upsamplingKeepsAToneToo() {
        let input = Self.tone(1000, rate: 16000, seconds: 0.5)
        let output = Self.resample(input, from: 16000, to: 22050)
        #expect(output.count == 11025)
        #expect(abs(Self.decibels(Self.rms(output) / Self.rms(input))) < 0.1)
        #expect(abs(Self.decibels(Self.amplitude(at: 1000, in: output, rate: 22050) / 16000)) < 0.2)
    }
}
