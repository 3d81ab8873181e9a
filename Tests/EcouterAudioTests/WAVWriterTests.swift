// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterAudio
import Foundation
import Testing

@Suite("WAV writer")
struct WAVWriterTests {
    private func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("wav-\(UUID().uuidString).wav").path
    }

    private func le32(_ b: [UInt8], _ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(b[at + $1]) << (8 * UInt32($1)) } }
    private func le16(_ b: [UInt8], _ at: Int) -> UInt16 { UInt16(b[at]) | UInt16(b[at + 1]) << 8 }

    @Test("header fields and patched sizes of a file")
    func headerOfFile() throws {
        let path = temporaryPath()
        defer { unlink(path) }
        let output = try AudioOutput.create(path: path)
        let writer = try WAVWriter(output: output, sampleRate: 22050)
        let tone = (0..<22050).map { Int16(8000 * sin(Double($0) * 2 * .pi * 440 / 22050)) }
        try writer.write(tone)
        try writer.writeSilence(count: 1000)
        try writer.finish()
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bytes.count == 44 + 2 * 23050)
        #expect(String(decoding: bytes[0..<4], as: UTF8.self) == "RIFF")
        #expect(le32(bytes, 4) == UInt32(bytes.count - 8))
        #expect(String(decoding: bytes[8..<16], as: UTF8.self) == "WAVEfmt ")
        #expect(le32(bytes, 16) == 16)      // fmt chunk size
        #expect(le16(bytes, 20) == 1)       // PCM
        #expect(le16(bytes, 22) == 1)       // mono
        #expect(le32(bytes, 24) == 22050)   // sample rate
        #expect(le32(bytes, 28) == 44100)   // byte rate
        #expect(le16(bytes, 32) == 2)       // block align
        #expect(le16(bytes, 34) == 16)      // bits
        #expect(String(decoding: bytes[36..<40], as: UTF8.self) == "data")
        #expect(le32(bytes, 40) == UInt32(2 * 23050))
        #expect(Int16(bitPattern: le16(bytes, 44 + 2 * 100)) == tone[100])
        #expect(writer.samplesWritten == 23050)
    }

    @Test("a pipe gets the streaming header, sizes unknown")
    func streamingHeader() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let output = AudioOutput(fileDescriptor: fds[1], closeOnDeinit: false)
        #expect(!output.isSeekable)
        let writer = try WAVWriter(output: output, sampleRate: 16000)
        try writer.write([1, 2, 3, -4])
        try writer.finish()
        close(fds[1])
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(fds[0], &buffer, buffer.count)
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        close(fds[0])
        #expect(bytes.count == 44 + 8)
        #expect(le32(bytes, 4) == UInt32.max)
        #expect(le32(bytes, 40) == UInt32.max)
        let info = try WAVInfo(parsing: bytes)
        #expect(info.isStreamingHeader)
        #expect(info.samples == [1, 2, 3, -4])
    }

    @Test("audio past the RIFF limit is refused before it is written")
    func riffLimit() throws {
        let path = temporaryPath()
        defer { unlink(path) }
        let writer = try WAVWriter(output: try AudioOutput.create(path: path), sampleRate: 22050, dataByteLimit: 100)
        try writer.write([Int16](repeating: 7, count: 50))
        #expect(throws: AudioError.self) { try writer.write([Int16](repeating: 7, count: 1)) }
        do {
            try writer.write([1])
            Issue.record("expected a too-large error")
        } catch {
            #expect(error.code == .tooLarge)
            #expect(error.message.contains("4 GiB"))
        }
        #expect(writer.samplesWritten == 50)
        #expect(WAVWriter.maximumDataBytes == Int(UInt32.max) - 36)
    }

    @Test("finishing twice is an error, and so is writing after finish")
    func finishTwice() throws {
        let path = temporaryPath()
        defer { unlink(path) }
        let writer = try WAVWriter(output: try AudioOutput.create(path: path), sampleRate: 22050)
        try writer.finish()
        #expect(throws: AudioError.self) { try writer.finish() }
        #expect(throws: AudioError.self) { try writer.write([1]) }
    }

    @Test("WAVInfo rejects truncated and foreign files")
    func infoRejects() throws {
        #expect(throws: AudioError.self) { try WAVInfo(parsing: Array("hello".utf8)) }
        var header = [UInt8]("RIFF".utf8) + [36, 0, 0, 0] + Array("WAVEfmt ".utf8) + [16, 0, 0, 0, 1, 0, 1, 0]
        header += [0x22, 0x56, 0, 0, 0x44, 0xAC, 0, 0, 2, 0, 16, 0] + Array("data".utf8) + [100, 0, 0, 0] + [1, 0]
        do {
            _ = try WAVInfo(parsing: header)
            Issue.record("a data chunk declaring more than is present must be refused")
        } catch {
            #expect(error.message.contains("declares 100 bytes"))
        }
    }

    @Test("cannot create a file in a missing directory: an io error with errno")
    func createFails() {
        do {
            _ = try AudioOutput.create(path: "/nonexistent-dir-\(UUID().uuidString)/x.wav")
            Issue.record("expected failure")
        } catch {
            #expect(error.code == .io)
            #expect(error.errno == ENOENT)
        }
    }
}
