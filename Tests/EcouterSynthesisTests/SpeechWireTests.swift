// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterCore
import EcouterSynthesis
import Foundation
import Testing

/// The wire between a supervisor and its speech worker.
@Suite("Speech wire")
struct SpeechWireTests {
    @Test("samples survive the trip as little-endian bytes, extremes included")
    func samplesRoundTrip() {
        let samples: [Int16] = [0, 1, -1, .max, .min, 12345, -12345]
        let frame = samples.withUnsafeBufferPointer { SpeechWire.audioFrame($0) }
        #expect(frame.count == 5 + 2 * samples.count)
        #expect(Array(frame[0..<5]) == [SpeechWire.Kind.audio.rawValue, 14, 0, 0, 0])
        #expect(Array(frame[7..<11]) == [0x01, 0x00, 0xFF, 0xFF])
        var back: [Int16] = [7]
        SpeechWire.appendSamples(frame[5...], to: &back)
        #expect(back == [7] + samples)
    }

    @Test("requests, failures and ends of sentence decode to what was encoded; malformed ones to nil")
    func messagesRoundTrip() {
        let speak = SpeechWire.Speak(text: "L'État « déçu » 中.", voice: VoiceParameters(voice: "fr-be", rate: 180, pitch: 40, volume: 120))
        #expect(SpeechWire.Speak(payload: speak.payload[...]) == speak)
        #expect(SpeechWire.Speak(payload: speak.payload.prefix(14)) == nil)
        let failure = SpeechWire.Failure(code: "voice-not-found", message: "eSpeak NG has no voice \"xx\"")
        #expect(SpeechWire.Failure(payload: failure.payload[...]) == failure)
        let done = SpeechWire.Done(sampleCount: 900, marks: [
            SpeechMark(kind: .sentence, textOffset: 0, sample: 0), SpeechMark(kind: .word, textOffset: 3, sample: 450),
            SpeechMark(kind: .end, textOffset: 10, sample: 900),
        ])
        #expect(SpeechWire.Done(payload: done.payload[...]) == done)
        var pastTheEnd = done
        pastTheEnd.marks[2].sample = 901
        #expect(SpeechWire.Done(payload: pastTheEnd.payload[...]) == nil)
        var unknownKind = done.payload
        unknownKind[4] = 7
        #expect(SpeechWire.Done(payload: unknownKind[...]) == nil)
    }

    @Test("frames, lines and exact byte counts are read across pipe chunks, and the end is seen")
    func pipeReader() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let payload = [UInt8](repeating: 0xAB, count: 200_000)  // more than one read, more than the pipe holds
        let writeEnd = ends[1]
        let writer = Thread {
            _ = DescriptorWrite.all(writeEnd, SpeechWire.frame(.done, payload) + Array("a line\n".utf8) + [0x5A, 0, 0, 0, 0])
            close(writeEnd)
        }
        writer.start()
        defer { close(ends[0]) }
        var reader = PipeReader(fileDescriptor: ends[0], timeoutMilliseconds: 10_000)
        let frame = reader.readFrame()
        #expect(frame?.kind == .done)
        #expect(frame.map { Array($0.payload) } == payload)
        #expect(reader.readLine() == Array("a line".utf8))
        #expect(reader.readFrame() == nil, "a frame of unknown kind is not believed")
        #expect(reader.readFrame() == nil)
        #expect(reader.read(count: 1) == nil)
    }
}
