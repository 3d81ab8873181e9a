// SPDX-License-Identifier: GPL-3.0-or-later
public import Foundation

/// A named way of reading: eSpeak NG voice, regional number words, speed, pauses, lexicons.
///
/// Presets are data: `voices/NAME.json` in the repository, also built into the library
/// (``builtIn``) so an embedder needs no files.
public struct VoicePreset: Sendable, Hashable, Codable {
    /// Silences we insert, in milliseconds (eSpeak NG's own pauses are not relied on).
    public struct Pauses: Sendable, Hashable, Codable {
        public var sentence: Int
        public var paragraph: Int
        public var heading: Int
        public var title: Int
        public init(sentence: Int = 350, paragraph: Int = 800, heading: Int = 600, title: Int = 1100) {
            self.sentence = sentence
            self.paragraph = paragraph
            self.heading = heading
            self.title = title
        }

        /// Pauses accepted, in milliseconds: a minute is already absurd, and far beyond, the
        /// silence's sample count (`rate × ms`) would overflow and trap.
        public static let range = 0...60_000

        /// Checks each pause against ``range``.
        /// - Throws: ``EcouterError/Code/settings`` naming the pause.
        public func validate() throws(EcouterError) {
            for (name, value) in [("sentence", sentence), ("paragraph", paragraph), ("heading", heading), ("title", title)] {
                guard Self.range.contains(value) else {
                    throw EcouterError(.settings, "the \(name) pause is \(value) ms; pauses are \(Self.range.lowerBound) to \(Self.range.upperBound) ms")
                }
            }
        }
    }

    public var name: String
    public var description: String
    /// The eSpeak NG voice, e.g. `fr`, `fr-be`.
    public var espeakVoice: String
    public var region: FrenchRegion
    public var rate: Int
    public var pitch: Int
    public var volume: Int
    public var pauses: Pauses
    /// Names of built-in lexicons applied with this preset, e.g. `fr-news`.
    public var lexicons: [String]

    public init(
        name: String, description: String, espeakVoice: String, region: FrenchRegion,
        rate: Int = 165, pitch: Int = 50, volume: Int = 100, pauses: Pauses = Pauses(), lexicons: [String] = ["fr-news"]
    ) {
        self.name = name
        self.description = description
        self.espeakVoice = espeakVoice
        self.region = region
        self.rate = rate
        self.pitch = pitch
        self.volume = volume
        self.pauses = pauses
        self.lexicons = lexicons
    }

    /// The presets shipped with ecouter, in display order (`fr-FR` first: the default).
    public static let builtIn: [VoicePreset] = EmbeddedVoices.presets.map { name, json in
        do {
            return try JSONDecoder().decode(VoicePreset.self, from: Data(json.utf8))
        } catch {
            preconditionFailure("built-in preset \(name) does not decode: \(error)")  // guarded by a test
        }
    }

    /// The default preset, `fr-FR`.
    public static var standard: VoicePreset { builtIn[0] }

    /// The built-in preset with this name (case-insensitive), if any.
    public static func named(_ name: String) -> VoicePreset? {
        builtIn.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }
    }

    /// Reads a preset from a JSON file.
    ///
    /// - Throws: ``EcouterError/Code/settings`` when the file is missing, not a preset, or has a
    ///   pause out of ``Pauses/range`` (rate, pitch and volume are checked with the reading options).
    public static func load(contentsOf url: URL) throws(EcouterError) -> VoicePreset {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw EcouterError(.settings, "cannot read voice preset \(url.path): \(error.localizedDescription)")
        }
        let preset: VoicePreset
        do { preset = try JSONDecoder().decode(VoicePreset.self, from: data) } catch {
            throw EcouterError(.settings, "\(url.path) is not a voice preset: \(describe(error))")
        }
        do throws(EcouterError) { try preset.pauses.validate() } catch {
            throw EcouterError(.settings, "\(url.path): \(error.message)")
        }
        return preset
    }

    /// Resolves what a user typed after `--voice`: a preset name, a preset file, or an eSpeak NG voice.
    ///
    /// An eSpeak NG voice name keeps the default preset's pauses and lexicons, with the region
    /// taken from the name (`fr-be` → Belgian number words).
    /// - Throws: ``EcouterError/Code/settings`` when it is none of the three.
    public static func resolve(_ spec: String, engineHasVoice: (String) -> Bool) throws(EcouterError) -> VoicePreset {
        if let preset = named(spec) { return preset }
        if spec.hasSuffix(".json") || spec.contains("/") {
            return try load(contentsOf: URL(fileURLWithPath: spec))
        }
        if engineHasVoice(spec) {
            var preset = standard
            preset.name = spec
            preset.description = "eSpeak NG voice \(spec)"
            preset.espeakVoice = spec
            let lower = spec.lowercased()
            preset.region = lower.hasPrefix("fr-be") ? .belgium : lower.hasPrefix("fr-ch") ? .switzerland : .france
            return preset
        }
        let names = builtIn.map(\.name).joined(separator: ", ")
        throw EcouterError(.settings, "unknown voice \"\(spec)\": use a preset (\(names)), a preset .json file, or an eSpeak NG voice")
    }
}

private func describe(_ error: any Error) -> String {
    switch error {
    case DecodingError.keyNotFound(let key, _): return "missing \"\(key.stringValue)\""
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
        return "bad value at \(context.codingPath.map { $0.stringValue }.joined(separator: "."))"
    case DecodingError.dataCorrupted: return "not valid JSON"
    default: return "\(error)"
    }
}
