// SPDX-License-Identifier: GPL-3.0-or-later

/// How the engine speaks: which eSpeak NG voice, how fast, how high, how loud.
public struct VoiceParameters: Sendable, Hashable, Codable {
    /// An eSpeak NG voice name or language, e.g. `fr`, `fr-be`, `fr-ch`.
    public var voice: String
    /// Speaking rate in words per minute (eSpeak NG's `espeakRATE`).
    public var rate: Int
    /// Base pitch, 0–100 (`espeakPITCH`).
    public var pitch: Int
    /// Volume, 0–200, 100 being normal (`espeakVOLUME`).
    public var volume: Int

    public static let rateRange = 80...450
    public static let pitchRange = 0...100
    public static let volumeRange = 0...200

    public init(voice: String = "fr", rate: Int = 175, pitch: Int = 50, volume: Int = 100) {
        self.voice = voice
        self.rate = rate
        self.pitch = pitch
        self.volume = volume
    }

    /// Throws ``SynthesisError/Code/invalidParameter`` naming the first value out of its range.
    public func validate() throws(SynthesisError) {
        func check(_ name: String, _ value: Int, _ range: ClosedRange<Int>) throws(SynthesisError) {
            guard range.contains(value) else {
                throw SynthesisError(.invalidParameter, "\(name) \(value) is out of range \(range.lowerBound)–\(range.upperBound)")
            }
        }
        try check("rate", rate, Self.rateRange)
        try check("pitch", pitch, Self.pitchRange)
        try check("volume", volume, Self.volumeRange)
        guard !voice.isEmpty, !voice.utf8.contains(0), voice.utf8.count < 128 else {
            throw SynthesisError(.voiceNotFound, "voice name \"\(voice)\" is not valid")
        }
    }
}
