// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter

/// The voice settings a request may choose: a built-in preset and a rate. Only built-in presets
/// are accepted (never a file path: a request must not make the server read its disk).
struct VoiceChoice: Sendable, Hashable {
    var preset: String
    var rate: Int?

    static let standard = VoiceChoice(preset: VoicePreset.standard.name, rate: nil)

    /// Validates a request's `voice` and `rate`.
    init(voice: String?, rate: Int?) throws(APIError) {
        let name = voice ?? VoicePreset.standard.name
        guard let preset = VoicePreset.named(name) else {
            let known = VoicePreset.builtIn.map(\.name).joined(separator: ", ")
            throw APIError(.badRequest, "unknown_voice", "unknown voice \(String(name.prefix(40))); known: \(known)")
        }
        if let rate, !VoiceParameters.rateRange.contains(rate) {
            throw APIError(.badRequest, "bad_rate", "rate must be \(VoiceParameters.rateRange.lowerBound)–\(VoiceParameters.rateRange.upperBound) words per minute")
        }
        self.init(preset: preset.name, rate: rate)
    }

    private init(preset: String, rate: Int?) {
        self.preset = preset
        self.rate = rate
    }

    var readingOptions: ReadingOptions {
        ReadingOptions(preset: VoicePreset.named(preset) ?? .standard, rate: rate)
    }

    /// The flags a `feed-worker` needs to speak with this voice.
    var workerArguments: [String] {
        ["--voice", preset] + (rate.map { ["--rate", String($0)] } ?? [])
    }
}
