// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
@testable import EcouterAudio

/// Header details that players and readers choke on.
@Suite struct HeaderEdgeTests {
    /// In a UTF-16 COMM frame both the description and the text carry a byte-order mark.
    @Test func aUTF16CommentHasAByteOrderMarkBeforeItsText() throws {
        let frame = ID3v2Tag.commentFrame(text: "Réf. ✓")
        let body = Array(frame.dropFirst(10))
        #expect(Array(body.prefix(10)) == [1, 0x66, 0x72, 0x65, 0xFF, 0xFE, 0, 0, 0xFF, 0xFE])
        #expect(Array(body.dropFirst(10)) == Array("Réf. ✓".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
    }

    /// ffprobe reads the comment back whole and reports no broken frame.
    @Test(arguments: ["https://exemple.fr/été", "Lien ✓ 漢字 \u{1F600}"])
    func ffprobeReadsTheComment(_ comment: String) throws {
        let path = MP3WriterTests.temporaryPath("comment.mp3")
        try MP3WriterTests.encode(MP3WriterTests.tone(seconds: 0.3), tags: AudioTags(title: "Titre ✓", comment: comment), to: path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/ffprobe")
        process.arguments = ["-v", "warning", "-show_entries", "format_tags=comment", "-of", "default=nw=1:nk=1", path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let warnings = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(printed.trimmingCharacters(in: .newlines) == comment)
        #expect(warnings.isEmpty, "\(warnings)")
    }

    static func header(rate: UInt32, channels: UInt16) -> [UInt8] {
        var bytes = WAVWriter.header(sampleRate: 22050, dataBytes: 4, riffBytes: 40) + [1, 0, 2, 0]
        bytes.replaceSubrange(24..<28, with: (0..<4).map { UInt8(truncatingIfNeeded: rate >> (8 * $0)) })
        bytes.replaceSubrange(22..<24, with: [UInt8(channels & 0xFF), UInt8(channels >> 8)])
        return bytes
    }

    @Test func aZeroRateOrZeroChannelHeaderIsNotAWAVFile() throws {
        #expect(try WAVInfo(parsing: Self.header(rate: 22050, channels: 1)).duration > 0)
        #expect(throws: AudioError.self) { try WAVInfo(parsing: Self.header(rate: 0, channels: 1)) }
        #expect(throws: AudioError.self) { try WAVInfo(parsing: Self.header(rate: 22050, channels: 0)) }
        let stereo = try WAVInfo(parsing: Self.header(rate: 1, channels: 2))
        #expect(stereo.duration == 1)  // two samples, one frame of two channels, at 1 Hz
    }
}
