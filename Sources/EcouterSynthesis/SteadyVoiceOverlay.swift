// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// A private view of eSpeak NG's data directory that adds one voice variant, `ecouter`, which turns
/// off pitch flutter and roughness modulation.
///
/// Why: eSpeak NG's wave generator keeps flutter and roughness counters in static variables that no
/// API call resets, so the same sentence sounds a little different (and has a different length)
/// depending on everything spoken before it in the process. With both effects off, a sentence's
/// audio depends on the sentence alone: the same article gives byte-identical audio whatever was
/// read before it, in this process or in parallel tasks. The difference to the ear is a slightly
/// steadier pitch.
///
/// The overlay is a directory of symbolic links to the system's data, plus the variant file, built
/// once per user and data location in the temporary directory. If it cannot be built, the engine
/// falls back to the system data and plain voices.
enum SteadyVoiceOverlay {
    /// The variant appended to voice names (`fr` → `fr+ecouter`).
    static let variantName = "ecouter"

    /// The variant's attributes (eSpeak NG voice file syntax). `roughness 8` is past the end of the
    /// modulation table, which disables it; `flutter 0` zeroes the pitch wobble.
    static let variantFile = """
        language variant
        name ecouter
        flutter 0
        roughness 8

        """

    /// Prepares the overlay for the data directory `systemData` (a path ending in `espeak-ng-data`)
    /// and returns the directory to pass to `espeak_Initialize` (the overlay's parent), or nil.
    static func prepare(systemData: String) -> String? {
        let fm = FileManager.default
        let source = URL(fileURLWithPath: systemData)
        guard fm.fileExists(atPath: source.appendingPathComponent("phondata").path) else { return nil }
        let key = String(UInt64(bitPattern: Int64(truncatingIfNeeded: stableHash(systemData + variantFile))), radix: 16)
        let root = fm.temporaryDirectory.appendingPathComponent("ecouter-espeak-\(getuid())-\(key)")
        let variant = root.appendingPathComponent("espeak-ng-data/voices/!v/\(variantName)")
        if (try? String(contentsOf: variant, encoding: .utf8)) == variantFile { return root.path }

        // Build beside, then rename into place, so concurrent processes never see half an overlay.
        let staging = URL(fileURLWithPath: root.path + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max))")
        do {
            let data = staging.appendingPathComponent("espeak-ng-data")
            let voices = data.appendingPathComponent("voices")
            let variants = voices.appendingPathComponent("!v")
            try fm.createDirectory(at: variants, withIntermediateDirectories: true)
            for entry in try fm.contentsOfDirectory(atPath: systemData) where entry != "voices" {
                try fm.createSymbolicLink(atPath: data.appendingPathComponent(entry).path, withDestinationPath: source.appendingPathComponent(entry).path)
            }
            let systemVoices = source.appendingPathComponent("voices")
            for entry in (try? fm.contentsOfDirectory(atPath: systemVoices.path)) ?? [] where entry != "!v" {
                try fm.createSymbolicLink(atPath: voices.appendingPathComponent(entry).path, withDestinationPath: systemVoices.appendingPathComponent(entry).path)
            }
            let systemVariants = systemVoices.appendingPathComponent("!v")
            for entry in (try? fm.contentsOfDirectory(atPath: systemVariants.path)) ?? [] where entry != variantName {
                try fm.createSymbolicLink(atPath: variants.appendingPathComponent(entry).path, withDestinationPath: systemVariants.appendingPathComponent(entry).path)
            }
            try variantFile.write(to: variants.appendingPathComponent(variantName), atomically: true, encoding: .utf8)
            if rename(staging.path, root.path) != 0 {
                // Another process won the race (or a stale overlay is in the way): use theirs if good.
                try? fm.removeItem(at: staging)
                if (try? String(contentsOf: variant, encoding: .utf8)) != variantFile {
                    try? fm.removeItem(at: root)
                    return nil
                }
            }
            return root.path
        } catch {
            try? fm.removeItem(at: staging)
            return nil
        }
    }

    private static func stableHash(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
    }
}
