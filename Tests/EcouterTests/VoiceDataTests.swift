// SPDX-License-Identifier: GPL-3.0-or-later
@testable import Ecouter
import Foundation
import Testing

/// The presets and lexicons built into the library must be the files in voices/, and must load.
@Suite("Voice data")
struct VoiceDataTests {
    static let voicesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("voices")

    @Test("embedded copies equal voices/ (run scripts/embed-voices.py after editing)")
    func embeddedMatchesFiles() throws {
        let dir = Self.voicesDirectory
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".json") }
        #expect(Set(files.map { String($0.dropLast(5)) }) == Set(EmbeddedVoices.presets.map(\.0)))
        for (name, json) in EmbeddedVoices.presets {
            #expect(try String(contentsOf: dir.appendingPathComponent("\(name).json"), encoding: .utf8) == json, "\(name).json")
        }
        let lexiconDir = dir.appendingPathComponent("lexicons")
        let lexicons = try FileManager.default.contentsOfDirectory(atPath: lexiconDir.path).filter { $0.hasSuffix(".tsv") }
        #expect(Set(lexicons.map { String($0.dropLast(4)) }) == Set(EmbeddedVoices.lexicons.map(\.0)))
        for (name, tsv) in EmbeddedVoices.lexicons {
            #expect(try String(contentsOf: lexiconDir.appendingPathComponent("\(name).tsv"), encoding: .utf8) == tsv, "\(name).tsv")
        }
    }

    @Test("every built-in preset decodes, fr-FR first, with its region and lexicons")
    func presets() async throws {
        #expect(VoicePreset.builtIn.map(\.name) == ["fr-FR", "fr-BE", "fr-CH"])
        #expect(VoicePreset.standard.name == "fr-FR")
        #expect(VoicePreset.named("fr-be")?.region == .belgium)
        #expect(VoicePreset.named("FR-CH")?.region == .switzerland)
        for preset in VoicePreset.builtIn {
            #expect(try await SpeechEngine.shared().hasVoice(preset.espeakVoice), "\(preset.name)")
            try ReadingOptions(preset: preset).validate()
            #expect(preset.pauses.paragraph > preset.pauses.sentence)
        }
    }

    @Test("resolve: preset name, eSpeak NG voice, file, or a clear error")
    func resolve() throws {
        #expect(try VoicePreset.resolve("fr-BE", engineHasVoice: { _ in false }).espeakVoice == "fr-be")
        let plain = try VoicePreset.resolve("fr-ch", engineHasVoice: { $0 == "fr-ch" })
        #expect(plain.region == .switzerland)
        do {
            _ = try VoicePreset.resolve("klingon", engineHasVoice: { _ in false })
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .settings)
            #expect(error.message.contains("klingon"))
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("preset-\(UUID()).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(#"{"name":"x"}"#.utf8).write(to: file)
        #expect(throws: EcouterError.self) { try VoicePreset.resolve(file.path, engineHasVoice: { _ in true }) }
    }
}
