// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// Decodes audio with an independent decoder (FFmpeg's ffprobe, installed by scripts/setup.sh --test).
enum AudioProbe {
    /// The duration ffprobe finds by decoding every packet, in seconds; nil when it cannot read the file.
    static func duration(of bytes: [UInt8], extension ext: String) throws -> Double? {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("probe-\(UUID().uuidString).\(ext)")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // Decoding (not the header's claim) so a truncated or corrupt stream shows.
        process.arguments = ["ffprobe", "-v", "error", "-count_packets", "-show_entries", "format=duration:stream=codec_name", "-of", "default=nw=1", url.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where line.hasPrefix("duration=") {
            return Double(line.dropFirst("duration=".count))
        }
        return nil
    }

    /// The codec ffprobe reports for the first stream.
    static func codec(of bytes: [UInt8], extension ext: String) throws -> String? {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("probe-\(UUID().uuidString).\(ext)")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["ffprobe", "-v", "error", "-show_entries", "stream=codec_name", "-of", "default=nw=1:nk=1", url.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").first.map(String.init)
    }
}
