// SPDX-License-Identifier: GPL-3.0-or-later

/// The constant bit rates an MP3 frame can carry, which depend on the sample rate.
///
/// LAME silently picks the nearest allowed rate when given another, and ``MP3Writer`` then refuses
/// the file; checking the flag against this table first turns that late failure into a usage error.
public enum MP3Bitrate {
    /// MPEG-1 Layer III (32, 44.1 and 48 kHz), in kb/s.
    public static let mpeg1Choices = [32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320]
    /// MPEG-2 and 2.5 Layer III (8 to 24 kHz), in kb/s: eSpeak NG's 22 050 Hz speech is encoded here.
    public static let mpeg2Choices = [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160]

    /// The bit rates allowed for PCM at `sampleRate` Hz (``MP3Writer`` never encodes above the input's rate).
    public static func choices(sampleRate: Int) -> [Int] {
        sampleRate >= 32_000 ? mpeg1Choices : mpeg2Choices
    }

    /// Checks that `kbps` is a bit rate MP3 allows for PCM at `sampleRate` Hz.
    /// - Throws: ``AudioError/Code/encoder`` naming the allowed values.
    public static func validate(_ kbps: Int, sampleRate: Int) throws(AudioError) {
        let allowed = choices(sampleRate: sampleRate)
        guard allowed.contains(kbps) else {
            let list = allowed.map(String.init).joined(separator: ", ")
            throw AudioError(.encoder, "MP3 at \(sampleRate) Hz allows \(list) kb/s, not \(kbps)")
        }
    }
}
