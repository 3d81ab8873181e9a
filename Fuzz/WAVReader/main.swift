// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer harness: the WAV header reader behind `ecouter info`. A file it accepts has a sample
// rate, and a duration that is a finite number of seconds (never `inf s`).
import EcouterAudio

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    do throws(AudioError) {
        let info = try WAVInfo(parsing: fuzzBytes(data, size))
        invariant(info.sampleRate > 0, "a WAV accepted with a sample rate of \(info.sampleRate)")
        invariant(info.duration.isFinite && info.duration >= 0, "a WAV accepted with a duration of \(info.duration) s")
    } catch {
        invariant(!error.message.isEmpty, "an audio error without a message")
    }
    return 0
}
