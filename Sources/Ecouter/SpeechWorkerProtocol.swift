// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterSynthesis
import Foundation

/// What a supervisor and its speech worker say to each other over two pipes.
///
/// On start the worker writes one JSON line, ``Hello`` (its sample rate, or why its engine could not
/// start). Then, for each ``Request`` line the parent writes, the worker answers one ``Reply`` line
/// followed, on success, by `samples` 16-bit little-endian samples as raw bytes: audio is the bulk
/// of the traffic and JSON would triple it.
enum SpeechWorkerProtocol {
    struct Failure: Codable {
        var code: String
        var message: String
    }

    struct Hello: Codable {
        var sampleRate: Int?
        var error: Failure?
    }

    struct Request: Codable {
        var text: String
        var voice: String
        var rate: Int
        var pitch: Int
        var volume: Int

        init(text: String, voice: VoiceParameters) {
            self.text = text
            self.voice = voice.voice
            self.rate = voice.rate
            self.pitch = voice.pitch
            self.volume = voice.volume
        }

        var voiceParameters: VoiceParameters {
            VoiceParameters(voice: voice, rate: rate, pitch: pitch, volume: volume)
        }
    }

    struct Reply: Codable {
        var samples: Int?
        var error: Failure?
    }

    /// `value` as one JSON line, newline included.
    static func line(_ value: some Encodable) -> [UInt8] {
        var bytes = [UInt8]((try? JSONEncoder().encode(value)) ?? Data("{}".utf8))
        bytes.append(0x0A)
        return bytes
    }

    static func decode<T: Decodable>(_ type: T.Type, from line: [UInt8]) -> T? {
        try? JSONDecoder().decode(type, from: Data(line))
    }
}

/// Buffered reads from a pipe: whole lines and exact byte counts. Used by one thread at a time.
struct PipeReader {
    let fileDescriptor: Int32
    /// How long one read may wait for data before the pipe counts as ended; -1 waits for ever.
    let timeoutMilliseconds: Int32
    private var buffer: [UInt8] = []
    private var start = 0

    init(fileDescriptor: Int32, timeoutMilliseconds: Int32 = -1) {
        self.fileDescriptor = fileDescriptor
        self.timeoutMilliseconds = timeoutMilliseconds
    }

    /// The next line without its newline; nil at end of file (or when a line grows past `limit`).
    mutating func readLine(limit: Int = 1 << 24) -> [UInt8]? {
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

    /// Exactly `count` bytes; nil when the pipe ends first.
    mutating func read(count: Int) -> [UInt8]? {
        while buffer.count - start < count {
            guard fill() else { return nil }
        }
        let bytes = Array(buffer[start..<(start + count)])
        start += count
        return bytes
    }

    /// Reads what the pipe has into the buffer; false at end of file or on an error.
    private mutating func fill() -> Bool {
        if start > 0, start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            var ready = pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0)
            let polled = poll(&ready, 1, timeoutMilliseconds)
            if polled < 0, errno == EINTR { continue }
            guard polled > 0 else { return false }  // timed out, or poll failed
            let n = chunk.withUnsafeMutableBytes { Foundation.read(fileDescriptor, $0.baseAddress, $0.count) }
            if n > 0 {
                buffer.append(contentsOf: chunk[0..<n])
                return true
            }
            if n < 0, errno == EINTR { continue }
            return false
        }
    }
}

/// Writes all of `bytes` to `fileDescriptor`; false when the other end is gone.
func writeAll(_ fileDescriptor: Int32, _ bytes: [UInt8]) -> Bool {
    DescriptorWrite.all(fileDescriptor, bytes) == nil
}

extension [Int16] {
    /// The samples as little-endian bytes, the wire form.
    var littleEndianBytes: [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count * 2)
        for (i, sample) in enumerated() {
            let bits = UInt16(bitPattern: sample)
            bytes[2 * i] = UInt8(truncatingIfNeeded: bits)
            bytes[2 * i + 1] = UInt8(truncatingIfNeeded: bits >> 8)
        }
        return bytes
    }

    /// Samples back from their little-endian bytes.
    init(littleEndianBytes bytes: [UInt8]) {
        self.init(unsafeUninitializedCapacity: bytes.count / 2) { buffer, initialized in
            for i in 0..<(bytes.count / 2) {
                buffer[i] = Int16(bitPattern: UInt16(bytes[2 * i]) | UInt16(bytes[2 * i + 1]) << 8)
            }
            initialized = bytes.count / 2
        }
    }
}
