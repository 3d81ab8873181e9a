// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
@testable import Ecouter

/// The wire between a supervisor and its speech worker.
@Suite("Speech worker protocol")
struct SpeechWorkerProtocolTests {
    @Test("samples survive the trip as little-endian bytes, extremes included")
    func samplesRoundTrip() {
        let samples: [Int16] = [0, 1, -1, .max, .min, 12345, -12345]
        let bytes = samples.littleEndianBytes
        #expect(bytes.count == 2 * samples.count)
        #expect(Array(bytes[2..<6]) == [0x01, 0x00, 0xFF, 0xFF])
        #expect([Int16](littleEndianBytes: bytes) == samples)
    }

    @Test("lines and exact byte counts are read across pipe chunks, and the end is seen")
    func pipeReader() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let payload = [UInt8](repeating: 0xAB, count: 200_000)  // more than one read, more than the pipe holds
        let writeEnd = ends[1]
        let writer = Thread {
            _ = writeAll(writeEnd, Array("{\"samples\":100000}\n".utf8) + payload + Array("second line\n".utf8))
            close(writeEnd)
        }
        writer.start()
        defer { close(ends[0]) }
        var reader = PipeReader(fileDescriptor: ends[0], timeoutMilliseconds: 10_000)
        let header = reader.readLine()
        #expect(SpeechWorkerProtocol.decode(SpeechWorkerProtocol.Reply.self, from: header ?? [])?.samples == 100_000)
        #expect(reader.read(count: payload.count) == payload)
        #expect(reader.readLine() == Array("second line".utf8))
        #expect(reader.readLine() == nil)
        #expect(reader.read(count: 1) == nil)
    }
}
