// SPDX-License-Identifier: GPL-3.0-or-later

/// Everything that decides how an article sounds. The defaults read French from France.
public struct ReadingOptions: Sendable {
    /// The voice preset; ``VoicePreset/standard`` (`fr-FR`) by default.
    public var preset: VoicePreset
    /// Overrides the preset's rate (words per minute, 80–450).
    public var rate: Int?
    /// Overrides the preset's pitch (0–100).
    public var pitch: Int?
    /// Overrides the preset's volume (0–200).
    public var volume: Int?
    /// How input bytes are written; `.auto` detects HTML.
    public var inputFormat: InputFormat
    /// Lexicons applied after the preset's own, in order; a later entry wins over an earlier one.
    public var extraLexicons: [Lexicon]
    /// What counts as page chrome in scraped text; the built-in rules by default.
    public var cleanupRules: CleanupRules
    /// Where libespeak-ng runs. ``Synthesis/inProcess`` by default, which is **unsafe on hostile
    /// text** (a crash in libespeak-ng ends the process): readers of text from outside should pass
    /// ``Synthesis/isolated(_:)`` with a program that runs ``SpeechWorker/serve()``.
    public var synthesis: Synthesis
    /// How many worker processes voice one article at once, with ``Synthesis/isolated(_:)`` (1 by
    /// default; in-process synthesis always uses one). The article is split where paragraphs end;
    /// articles shorter than ``ArticleReader/parallelBreakEven`` characters stay on one worker.
    public var parallelism: Int

    public init(
        preset: VoicePreset = .standard, rate: Int? = nil, pitch: Int? = nil, volume: Int? = nil,
        inputFormat: InputFormat = .auto, extraLexicons: [Lexicon] = [], cleanupRules: CleanupRules = .builtIn,
        synthesis: Synthesis = .inProcess, parallelism: Int = 1
    ) {
        self.synthesis = synthesis
        self.parallelism = parallelism
        self.preset = preset
        self.rate = rate
        self.pitch = pitch
        self.volume = volume
        self.inputFormat = inputFormat
        self.extraLexicons = extraLexicons
        self.cleanupRules = cleanupRules
    }

    /// The engine settings these options give.
    public var voiceParameters: VoiceParameters {
        VoiceParameters(
            voice: preset.espeakVoice, rate: rate ?? preset.rate, pitch: pitch ?? preset.pitch,
            volume: volume ?? preset.volume)
    }

    /// The user's lexicons (``extraLexicons``) merged in order: rewrites applied before every other
    /// normalization rule.
    public func lexicon() -> Lexicon {
        extraLexicons.reduce(Lexicon()) { $0.merging($1) }
    }

    /// The preset's built-in pronunciation lexicons (e.g. `fr-news`), merged in order: respellings of
    /// names eSpeak NG misreads, applied to the normalized text just before speaking.
    public func pronunciations() throws(EcouterError) -> Lexicon {
        var merged = Lexicon()
        for name in preset.lexicons { merged = merged.merging(try Lexicon.builtIn(named: name)) }
        return merged
    }

    /// The most workers ``parallelism`` may ask for.
    public static let parallelismRange = 1...64

    /// Throws ``EcouterError/Code/settings`` for a value out of range.
    public func validate() throws(EcouterError) {
        guard Self.parallelismRange.contains(parallelism) else {
            throw EcouterError(.settings, "parallelism must be between \(Self.parallelismRange.lowerBound) and \(Self.parallelismRange.upperBound), not \(parallelism)")
        }
        do throws(SynthesisError) { try voiceParameters.validate() } catch { throw EcouterError(error) }
        try preset.pauses.validate()
        _ = try pronunciations()
    }
}
