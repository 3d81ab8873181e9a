// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Ecouter
import Foundation

/// `ecouter info FILE.wav`: what a WAV file holds, to check a result without other tools.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Describe a WAV file: format, duration, loudness, silence.")

    @Argument(help: ArgumentHelp("A WAV file written by ecouter (or any 16-bit PCM WAV).", valueName: "file"))
    var file: String

    func run() throws {
        do {
            let bytes = try InputFile.read(file)
            let info: WAVInfo
            do { info = try WAVInfo(parsing: bytes) } catch { throw EcouterError(.input, "\(file): \(error.message)") }
            let samples = info.samples
            var sumSquares = 0.0
            var peak = 0
            var silent = 0
            for s in samples {
                let v = Int(s)
                sumSquares += Double(v * v)
                peak = max(peak, abs(v))
                if abs(v) < 64 { silent += 1 }
            }
            let rms = (sumSquares / Double(max(1, samples.count))).squareRoot()
            func dB(_ x: Double) -> String { x > 0 ? String(format: "%.1f dBFS", 20 * log10(x / 32768)) : "-inf dBFS" }
            try StandardStreams.printLine("""
                format:    PCM \(info.bitsPerSample)-bit, \(info.channels == 1 ? "mono" : "\(info.channels) channels"), \(info.sampleRate) Hz\(info.isStreamingHeader ? " (streaming header)" : "")
                duration:  \(String(format: "%.2f", info.duration)) s (\(samples.count) samples)
                size:      \(bytes.count) bytes
                loudness:  RMS \(dB(rms)), peak \(dB(Double(peak)))
                silence:   \(String(format: "%.0f", 100 * Double(silent) / Double(max(1, samples.count))))% of samples
                """)
        } catch let error as EcouterError {
            throw fail(error)
        }
    }
}
