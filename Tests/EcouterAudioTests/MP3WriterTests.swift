// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
@testable import EcouterAudio

/// Encodes generated tones and checks them with the decoders a listener's tools use (ffprobe, mpg123).
@Suite struct MP3WriterTests {
    static let rate = 22050

    /// A sine tone at `frequency` Hz, at half scale.
    static func tone(seconds: Double, frequency: Double = 440) -> [Int16] {
        let count = Int(seconds * Double(rate))
        return (0..<count).map { i in Int16(16000 * sin(2 * Double.pi * frequency * Double(i) / Double(rate))) }
    }

    static func temporaryPath(_ name: String) -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ecouter-mp3-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent(name).path
    }

    /// Encodes `samples` in uneven pieces (as synthesis delivers them) to a new file.
    static func encode(_ samples: [Int16], tags: AudioTags, to path: String, bitrate: Int = 48) throws {
        let writer = try MP3Writer(output: try AudioOutput.create(path: path), sampleRate: rate, bitrateKbps: bitrate, tags: tags)
        var start = 0
        var piece = 1000
        while start < samples.count {
            let end = min(samples.count, start + piece)
            try writer.write(Array(samples[start..<end]))
            start = end
            piece = piece * 3 % 7919 + 17
        }
        try writer.finish()
        #expect(writer.samplesWritten == samples.count)
    }

    @Test func decodesToTheSameDurationWithFFprobeAndMpg123() throws {
        let path = Self.temporaryPath("tone.mp3")
        let samples = Self.tone(seconds: 2.5)
        try Self.encode(samples, tags: AudioTags(title: "Essai"), to: path)

        let probe = try run("/usr/bin/ffprobe", ["-v", "error", "-show_entries", "stream=codec_name,channels,sample_rate,bit_rate:format=duration", "-of", "default=nw=1", path])
        #expect(probe.contains("codec_name=mp3"))
        #expect(probe.contains("channels=1"))
        #expect(probe.contains("sample_rate=16000"))
        #expect(probe.contains("bit_rate=48000"))
        let duration = try #require(value(of: "duration", in: probe).flatMap(Double.init))
        // The container duration counts whole frames, encoder delay and padding included (< 0.1 s).
        #expect(duration >= 2.5 && duration < 2.6, "ffprobe duration \(duration)")
        // Decoders that read the info frame trim delay and padding: the sample count is exact.
        let pcm = try runData("/usr/bin/ffmpeg", ["-v", "error", "-i", path, "-f", "s16le", "-"])
        #expect(pcm.count == 2 * 40000, "ffmpeg decoded \(pcm.count / 2) samples")

        // mpg123 honours the LAME info frame (delay and padding): the decoded length is exact.
        let wav = path + ".wav"
        _ = try run("/usr/bin/mpg123", ["-q", "-w", wav, path])
        let decoded = try Data(contentsOf: URL(fileURLWithPath: wav))
        let dataBytes = try #require(wavDataSize(decoded))
        // 2.5 s at the 16 kHz the MP3 carries.
        #expect(abs(dataBytes / 2 - 40000) <= 2, "decoded \(dataBytes / 2) samples")
        // The tone survives encoding: the decoded RMS is close to the source's (16000 / √2 ≈ 11314).
        let rms = wavRMS(decoded)
        #expect(rms > 9000 && rms < 13000, "rms \(rms)")
    }

    @Test func writesAnID3v23TagFirstWithTitleArtistAlbumAndYear() throws {
        let path = Self.temporaryPath("tagged.mp3")
        let tags = AudioTags(title: "L'été à Paris — œuvre", artist: "Jeanne Dupont", album: "Le Journal", date: "Mon, 02 Mar 2026 08:00:00 +0100")
        try Self.encode(Self.tone(seconds: 0.5), tags: tags, to: path)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(Array(bytes[0..<4]) == [0x49, 0x44, 0x33, 3])
        let size = Int(bytes[6]) << 21 | Int(bytes[7]) << 14 | Int(bytes[8]) << 7 | Int(bytes[9])
        let tag = Array(bytes[10..<(10 + size)])
        #expect(frameText(tag, "TPE1") == "Jeanne Dupont")
        #expect(frameText(tag, "TALB") == "Le Journal")
        #expect(frameText(tag, "TYER") == "2026")
        #expect(frameText(tag, "TIT2") == "L'été à Paris — œuvre")
        // Audio starts right after the tag with an MPEG frame sync, and the first frame is LAME's Info frame.
        #expect(bytes[10 + size] == 0xFF && bytes[11 + size] & 0xE0 == 0xE0)
        let firstFrame = bytes[(10 + size)..<(10 + size + 200)]
        #expect(firstFrame.firstRange(of: Array("Info".utf8)) != nil)

        // ffprobe reads the same tags back.
        let probe = try run("/usr/bin/ffprobe", ["-v", "error", "-show_entries", "format_tags", "-of", "default=nw=1", path])
        #expect(probe.contains("TAG:title=L'été à Paris — œuvre"))
        #expect(probe.contains("TAG:artist=Jeanne Dupont"))
        #expect(probe.contains("TAG:album=Le Journal"))
        #expect(probe.contains("TAG:date=2026"))
    }

    @Test func noTagsMeansNoTagAndAPipeGetsNoInfoFrame() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let samples = Self.tone(seconds: 0.4)
        // 0.4 s at 48 kb/s is about 2.4 kB: it fits the pipe's buffer, so one thread is enough.
        let writer = try MP3Writer(output: AudioOutput(fileDescriptor: fds[1], closeOnDeinit: false), sampleRate: Self.rate)
        try writer.write(samples)
        try writer.finish()
        #expect(throws: AudioError.self) { try writer.write(samples) }
        #expect(throws: AudioError.self) { try writer.finish() }
        close(fds[1])
        let bytes = [UInt8](FileHandle(fileDescriptor: fds[0], closeOnDealloc: true).readDataToEndOfFile())
        #expect(bytes.count > 1500)
        #expect(bytes[0] == 0xFF && bytes[1] & 0xE0 == 0xE0)
        #expect(bytes.firstRange(of: Array("Info".utf8)) == nil)
        #expect(bytes.firstRange(of: Array("Xing".utf8)) == nil)
    }

    @Test func refusesABitrateMP3CannotCarry() {
        let path = Self.temporaryPath("bad.mp3")
        #expect(throws: AudioError.self) {
            _ = try MP3Writer(output: try AudioOutput.create(path: path), sampleRate: Self.rate, bitrateKbps: 47)
        }
    }

    @Test func keepsTheInputRateWhenTheInfoFrameFits() {
        #expect(MP3Writer.outputSampleRate(input: 22050, bitrateKbps: 48) == 16000)
        #expect(MP3Writer.outputSampleRate(input: 22050, bitrateKbps: 64) == 22050)
        #expect(MP3Writer.outputSampleRate(input: 44100, bitrateKbps: 128) == 44100)
        #expect(MP3Writer.outputSampleRate(input: 16000, bitrateKbps: 48) == 16000)
    }

    @Test(arguments: [
        ("Mon, 02 Mar 2026 08:00:00 +0100", "2026"), ("2025-12-31T23:59:00Z", "2025"), ("31/12/1999", "1999"),
        ("12345 then 2024", "2024"), ("no year", nil),
    ] as [(String, String?)])
    func extractsTheYear(date: String, year: String?) {
        #expect(ID3v2Tag.year(in: date) == year)
    }

    @Test func controlCharactersAndEmptyFieldsDoNotReachTheTag() {
        #expect(ID3v2Tag.bytes(for: AudioTags(title: "  \n ")).isEmpty)
        let tag = ID3v2Tag.bytes(for: AudioTags(title: "a\u{0}b\u{7}c"))
        #expect(frameText(Array(tag[10...]), "TIT2") == "a b c")
    }
}

// MARK: - helpers

/// Runs a tool and returns its standard output as text; throws when it exits non-zero.
func run(_ tool: String, _ arguments: [String]) throws -> String {
    String(decoding: try runData(tool, arguments), as: UTF8.self)
}

/// Runs a tool and returns its standard output; throws when it exits non-zero.
func runData(_ tool: String, _ arguments: [String]) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    struct ToolFailed: Error { let status: Int32 }
    guard process.terminationStatus == 0 else { throw ToolFailed(status: process.terminationStatus) }
    return data
}

func value(of key: String, in text: String) -> String? {
    text.split(separator: "\n").first { $0.hasPrefix(key + "=") }.map { String($0.dropFirst(key.count + 1)) }
}

/// The size of the `data` chunk of a RIFF WAV file.
func wavDataSize(_ data: Data) -> Int? {
    let bytes = [UInt8](data)
    var offset = 12
    while offset + 8 <= bytes.count {
        let id = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
        let size = Int(bytes[offset + 4]) | Int(bytes[offset + 5]) << 8 | Int(bytes[offset + 6]) << 16 | Int(bytes[offset + 7]) << 24
        if id == "data" { return size }
        offset += 8 + size + (size & 1)
    }
    return nil
}

/// Root mean square of 16-bit samples after a 44-byte header.
func wavRMS(_ data: Data) -> Double {
    let bytes = [UInt8](data.dropFirst(44))
    var sum = 0.0
    var count = 0
    var i = 0
    while i + 1 < bytes.count {
        let sample = Double(Int16(bitPattern: UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8))
        sum += sample * sample
        count += 1
        i += 2
    }
    return count == 0 ? 0 : (sum / Double(count)).squareRoot()
}

/// The text of an ID3v2.3 text frame, decoding ISO-8859-1 or UTF-16 with BOM.
func frameText(_ tag: [UInt8], _ id: String) -> String? {
    var offset = 0
    while offset + 10 <= tag.count {
        let frameID = String(decoding: tag[offset..<offset + 4], as: UTF8.self)
        let size = Int(tag[offset + 4]) << 24 | Int(tag[offset + 5]) << 16 | Int(tag[offset + 6]) << 8 | Int(tag[offset + 7])
        guard size > 0, offset + 10 + size <= tag.count else { return nil }
        let body = Array(tag[(offset + 10)..<(offset + 10 + size)])
        if frameID == id {
            switch body[0] {
            case 0: return String(body.dropFirst().map { Character(Unicode.Scalar($0)) })
            case 1:
                let units = stride(from: 3, to: body.count - 1, by: 2).map { UInt16(body[$0]) | UInt16(body[$0 + 1]) << 8 }
                #expect(body[1] == 0xFF && body[2] == 0xFE)
                return String(decoding: units, as: UTF16.self)
            default: return nil
            }
        }
        offset += 10 + size
    }
    return nil
}
