// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Ecouter

/// `--bitrate`: checked when the flags are parsed, against what MP3 allows at the speech's rate.
enum BitrateOption {
    /// eSpeak NG 1.51 synthesizes at 22 050 Hz whatever the voice, so the MP3 is MPEG-2.
    static let speechSampleRate = 22_050

    static let help = ArgumentHelp(
        "MP3 bit rate in kb/s: \(MP3Bitrate.choices(sampleRate: speechSampleRate).map(String.init).joined(separator: ", ")).",
        valueName: "kbps")

    /// - Throws: a `ValidationError` (exit 64) naming the allowed values.
    static func validate(_ kbps: Int) throws {
        do throws(AudioError) { try MP3Bitrate.validate(kbps, sampleRate: speechSampleRate) } catch {
            throw ValidationError("--bitrate: \(error.message)")
        }
    }
}
