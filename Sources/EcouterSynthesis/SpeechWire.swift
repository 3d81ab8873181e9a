// SPDX-License-Identifier: GPL-3.0-or-later
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a supervisor and its speech worker say to each other over two pipes: binary frames.
///
/// A frame is one kind byte, a 32-bit little-endian payload length, then the payload. Binary,
/// not JSON: audio is nearly all of the traffic, and samples go as they are in memory.
///
/// - The worker starts with ``Kind/hello`` (its sample rate, u32) or ``Kind/failure``.
/// - The parent sends ``Kind/speak``: rate, pitch, volume (u32 each), the voice name's length
///   (u32) and bytes, then the text's UTF-8 bytes to the end of the payload.
/// - The worker answers with ``Kind/audio`` frames (16-bit little-endian samples) as libespeak-ng
///   makes them, then ``Kind/done``: the sentence's sample count (u32) and its marks, 9 bytes each
///   (kind u8: 0 word, 1 sentence, 2 end; text offset u32; sample u32). Or ``Kind/failure`` (code
///   length u32, code, message) when the engine refuses the request: not a crash.
/// - Or the parent sends ``Kind/phonemes`` (the same payload as ``Kind/speak``) and the worker
///   answers with ``Kind/phonemeText`` (eSpeak NG's mnemonics, UTF-8) or ``Kind/failure``:
///   `espeak_TextToPhonemes` is the same untrusted C as synthesis.
package enum SpeechWire {
    package enum Kind: UInt8 {
        case hello = 0x48  // "H"
        case speak = 0x53  // "S"
        case audio = 0x41  // "A"
        case done = 0x44   // "D"
        case failure = 0x45  // "E"
        case phonemes = 0x50  // "P"
        case phonemeText = 0x54  // "T"
    }

    /// The largest payload either side believes: more is a peer talking nonsense, not read into memory.
    package static let maximumPayload = 1 << 26

    /// A frame's five header bytes followed by `payload`.
    package static func frame(_ kind: Kind, _ payload: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(5 + payload.count)
        bytes.append(kind.rawValue)
        append(UInt32(truncatingIfNeeded: payload.count), to: &bytes)
        bytes.append(contentsOf: payload)
        return bytes
    }

    /// An audio frame holding `samples`, copied once (the wire order is the host's on x86 and ARM).
    package static func audioFrame(_ samples: UnsafeBufferPointer<Int16>) -> [UInt8] {
        let count = 2 * samples.count
        return [UInt8](unsafeUninitializedCapacity: 5 + count) { buffer, initialized in
            buffer[0] = Kind.audio.rawValue
            for i in 0..<4 { buffer[1 + i] = UInt8(truncatingIfNeeded: UInt32(count) >> (8 * i)) }
            #if _endian(little)
            if count > 0 { UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[5...])).copyMemory(from: UnsafeRawBufferPointer(samples)) }
            #else
            for (i, sample) in samples.enumerated() {
                let bits = UInt16(bitPattern: sample)
                buffer[5 + 2 * i] = UInt8(truncatingIfNeeded: bits)
                buffer[6 + 2 * i] = UInt8(truncatingIfNeeded: bits >> 8)
            }
            #endif
            initialized = 5 + count
        }
    }

    /// Samples back from an audio frame's payload, appended to `samples`.
    package static func appendSamples(_ payload: ArraySlice<UInt8>, to samples: inout [Int16]) {
        let count = payload.count / 2
        #if _endian(little)
        let old = samples.count
        samples.append(contentsOf: repeatElement(0, count: count))
        samples.withUnsafeMutableBytes { target in
            payload.withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(rebasing: target[(2 * old)...]).copyMemory(from: UnsafeRawBufferPointer(rebasing: source[..<(2 * count)]))
            }
        }
        #else
        samples.reserveCapacity(samples.count + count)
        var i = payload.startIndex
        while i + 1 < payload.endIndex {
            samples.append(Int16(bitPattern: UInt16(payload[i]) | UInt16(payload[i + 1]) << 8))
            i += 2
        }
        #endif
    }

    package static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        for i in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * i))) }
    }

    // MARK: Messages

    package struct Speak: Equatable {
        package var text: String
        package var voice: VoiceParameters

        package init(text: String, voice: VoiceParameters) {
            self.text = text
            self.voice = voice
        }

        package var payload: [UInt8] {
            var bytes: [UInt8] = []
            for value in [voice.rate, voice.pitch, voice.volume] { append(UInt32(truncatingIfNeeded: value), to: &bytes) }
            append(UInt32(truncatingIfNeeded: voice.voice.utf8.count), to: &bytes)
            bytes.append(contentsOf: voice.voice.utf8)
            bytes.append(contentsOf: text.utf8)
            return bytes
        }

        /// Nil for a malformed payload.
        package init?(payload: ArraySlice<UInt8>) {
            var reader = FieldReader(payload)
            guard let rate = reader.u32(), let pitch = reader.u32(), let volume = reader.u32(),
                  let voiceLength = reader.u32(), let voice = reader.bytes(Int(voiceLength))
            else { return nil }
            self.voice = VoiceParameters(
                voice: String(decoding: voice, as: UTF8.self), rate: Int(rate), pitch: Int(pitch), volume: Int(volume))
            self.text = String(decoding: reader.rest(), as: UTF8.self)
        }
    }

    package struct Failure: Equatable {
        package var code: String
        package var message: String

        package init(code: String, message: String) {
            self.code = code
            self.message = message
        }

        package var payload: [UInt8] {
            var bytes: [UInt8] = []
            append(UInt32(truncatingIfNeeded: code.utf8.count), to: &bytes)
            bytes.append(contentsOf: code.utf8)
            bytes.append(contentsOf: message.utf8)
            return bytes
        }

        package init?(payload: ArraySlice<UInt8>) {
            var reader = FieldReader(payload)
            guard let length = reader.u32(), let code = reader.bytes(Int(length)) else { return nil }
            self.code = String(decoding: code, as: UTF8.self)
            self.message = String(decoding: reader.rest(), as: UTF8.self)
        }
    }

    /// The end of a sentence: how many samples were sent, and the marks.
    package struct Done: Equatable {
        package var sampleCount: Int
        package var marks: [SpeechMark]

        package init(sampleCount: Int, marks: [SpeechMark]) {
            self.sampleCount = sampleCount
            self.marks = marks
        }

        package var payload: [UInt8] {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(4 + 9 * marks.count)
            append(UInt32(truncatingIfNeeded: sampleCount), to: &bytes)
            for mark in marks {
                let kind: UInt8 = switch mark.kind { case .word: 0; case .sentence: 1; case .end: 2 }
                bytes.append(kind)
                append(UInt32(truncatingIfNeeded: mark.textOffset), to: &bytes)
                append(UInt32(truncatingIfNeeded: mark.sample), to: &bytes)
            }
            return bytes
        }

        /// Nil when malformed: a mark of unknown kind, or past the samples.
        package init?(payload: ArraySlice<UInt8>) {
            var reader = FieldReader(payload)
            guard let count = reader.u32() else { return nil }
            sampleCount = Int(count)
            marks = []
            while !reader.isAtEnd {
                guard let kind = reader.bytes(1)?.first, let offset = reader.u32(), let sample = reader.u32(),
                      Int(sample) <= sampleCount else { return nil }
                switch kind {
                case 0: marks.append(SpeechMark(kind: .word, textOffset: Int(offset), sample: Int(sample)))
                case 1: marks.append(SpeechMark(kind: .sentence, textOffset: Int(offset), sample: Int(sample)))
                case 2: marks.append(SpeechMark(kind: .end, textOffset: Int(offset), sample: Int(sample)))
                default: return nil
                }
            }
        }
    }
}

/// Fields off the front of a payload.
private struct FieldReader {
    private var remaining: ArraySlice<UInt8>

    init(_ payload: ArraySlice<UInt8>) { remaining = payload }

    var isAtEnd: Bool { remaining.isEmpty }

    mutating func u32() -> UInt32? {
        guard let bytes = bytes(4) else { return nil }
        return bytes.reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func bytes(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, remaining.count >= count else { return nil }
        defer { remaining = remaining.dropFirst(count) }
        return remaining.prefix(count)
    }

    mutating func rest() -> ArraySlice<UInt8> {
        defer { remaining = [] }
        return remaining
    }
}

/// Buffered reads from a pipe: whole frames, exact byte counts and lines. Used by one thread at a time.
package struct PipeReader {
    package let fileDescriptor: Int32
    /// How long one read may wait for data before the pipe counts as ended; -1 waits for ever.
    package let timeoutMilliseconds: Int32
    private var buffer: [UInt8] = []
    private var start = 0

    package init(fileDescriptor: Int32, timeoutMilliseconds: Int32 = -1) {
        self.fileDescriptor = fileDescriptor
        self.timeoutMilliseconds = timeoutMilliseconds
    }

    /// The next frame; nil at end of file, on a timeout, or for a frame of unknown kind or too large.
    package mutating func readFrame() -> (kind: SpeechWire.Kind, payload: ArraySlice<UInt8>)? {
        guard let header = read(count: 5), let kind = SpeechWire.Kind(rawValue: header[header.startIndex]) else { return nil }
        let length = header.dropFirst().reversed().reduce(0) { $0 << 8 | Int($1) }
        guard length <= SpeechWire.maximumPayload, let payload = read(count: length) else { return nil }
        return (kind, payload)
    }

    /// The next line without its newline; nil at end of file (or when a line grows past `limit`).
    package mutating func readLine(limit: Int = 1 << 24) -> [UInt8]? {
        var scanned = 0  // bytes after `start` known to hold no newline (`fill` may move `start`)
        while true {
            if let newline = buffer[(start + scanned)...].firstIndex(of: 0x0A) {
                let line = Array(buffer[start..<newline])
                start = newline + 1
                return line
            }
            scanned = buffer.count - start
            guard scanned < limit, fill() else { return nil }
        }
    }

    /// Exactly `count` bytes; nil when the pipe ends first. The slice is valid until the next read.
    package mutating func read(count: Int) -> ArraySlice<UInt8>? {
        while buffer.count - start < count {
            guard fill(atLeast: count - (buffer.count - start)) else { return nil }
        }
        let bytes = buffer[start..<(start + count)]
        start += count
        return bytes
    }

    /// Reads what the pipe has into the buffer; false at end of file or on an error.
    private mutating func fill(atLeast wanted: Int = 1) -> Bool {
        if start > 0, start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
        let room = max(1 << 16, min(wanted, SpeechWire.maximumPayload))
        while true {
            var ready = pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0)
            let polled = poll(&ready, 1, timeoutMilliseconds)
            if polled < 0, errno == EINTR { continue }
            guard polled > 0 else { return false }  // timed out, or poll failed
            let old = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: room))
            let n = buffer.withUnsafeMutableBytes { readDescriptor(fileDescriptor, $0.baseAddress! + old, room) }
            buffer.removeLast(room - max(0, n))
            if n > 0 { return true }
            if n < 0, errno == EINTR { continue }
            return false
        }
    }
}

/// `read(2)`, under a name the reader's own `read(count:)` does not hide.
private func readDescriptor(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

