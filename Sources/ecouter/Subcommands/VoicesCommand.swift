// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Ecouter

/// `ecouter voices`: the shipped presets.
struct VoicesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "voices",
        abstract: "List the voice presets (use one with --voice NAME).")

    func run() throws {
        var listing = ""
        for preset in VoicePreset.builtIn {
            let isDefault = preset == VoicePreset.standard ? " (default)" : ""
            listing += "\(preset.name)\(isDefault)\teSpeak NG \(preset.espeakVoice), \(preset.rate) wpm\t\(preset.description)\n"
        }
        do { try StandardStreams.write(Array(listing.utf8)) } catch { throw fail(error) }
    }
}
