// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Ecouter
import Foundation

/// `ecouter sentences FILE`: the sentences of a French text as written, one per line.
struct SentencesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentences",
        abstract: "Print the sentences of a French text as written, one per line.",
        discussion: """
            Line breaks inside a sentence are printed as spaces. With --lines, each input line is an \
            independent document and each output line is the JSON array of that line's sentences.
            """)

    @Argument(help: "A UTF-8 text file, or - for standard input (the default).")
    var file: String = "-"

    @Flag(help: "Segment each input line on its own; print one JSON array of sentences per input line.")
    var lines = false

    @Flag(help: "Print only the number of sentences (with --lines: per line).")
    var count = false

    @Option(help: "Cut sentences longer than this many characters (0: never cut).")
    var maxLength: Int = SentenceSegmenter.Options.defaultMaximumSentenceLength

    func run() throws {
        let text: String
        do throws(EcouterError) {
            text = try LineItems.decode(try InputFile.read(file))
        } catch {
            throw fail(error)
        }
        let segmenter = SentenceSegmenter(
            options: .init(maximumSentenceLength: maxLength > 0 ? maxLength : nil))
        var output = OutputBuffer()
        if lines {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes]
            for line in documentLines(of: text) {
                if count {
                    output.append(Array("\(segmenter.sentenceRanges(in: line).count)\n".utf8))
                    continue
                }
                let sentences = segmenter.sentences(in: line).map(String.init)
                output.append(try encoder.encode(sentences))
                output.append([0x0A])
            }
        } else if count {
            output.append(Array("\(segmenter.sentenceRanges(in: text).count)\n".utf8))
        } else {
            for sentence in segmenter.sentences(in: text) {
                output.append(Self.singleLine(sentence))
                output.append([0x0A])
            }
        }
        do { try output.flush() } catch { throw fail(error) }
    }

    /// The input's lines, without their terminator; a final line break does not open an extra line.
    private func documentLines(of text: String) -> [String] {
        var lines: [String] = []
        LineItems.forEach(in: text) { lines.append($0) }
        return lines
    }

    /// `sentence` as UTF-8 with its line breaks (\n \r VT FF NEL LS PS) turned into spaces.
    static func singleLine(_ sentence: Substring) -> [UInt8] {
        var sentence = sentence
        return sentence.withUTF8(singleLine)
    }

    private static func singleLine(_ utf8: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var pending: [UInt8] = []  // a multi-byte sequence that may be a line break
        for byte in utf8 {
            if !pending.isEmpty {
                pending.append(byte)
                switch pending {
                case [0xC2, 0x85], [0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9]:
                    bytes.append(0x20)
                    pending.removeAll()
                case [0xE2, 0x80]:
                    break
                default:
                    bytes.append(contentsOf: pending)
                    pending.removeAll()
                }
                continue
            }
            switch byte {
            case 0x0A, 0x0B, 0x0C, 0x0D: bytes.append(0x20)
            case 0xC2, 0xE2: pending.append(byte)
            default: bytes.append(byte)
            }
        }
        bytes.append(contentsOf: pending)
        return bytes
    }
}

/// Buffers standard output and writes it in large chunks; the first write failure is kept, the
/// rest of the output dropped, and ``flush()`` reports it.
private struct OutputBuffer {
    private var pending: [UInt8] = []
    private var failure: EcouterError?

    mutating func append(_ data: some Sequence<UInt8>) {
        guard failure == nil else { return }
        pending.append(contentsOf: data)
        if pending.count >= 1 << 16 { send() }
    }

    /// Writes what is buffered.
    /// - Throws: ``EcouterError/Code/output`` when any write failed.
    mutating func flush() throws(EcouterError) {
        send()
        if let failure { throw failure }
    }

    private mutating func send() {
        guard failure == nil, !pending.isEmpty else { return }
        do throws(EcouterError) { try StandardStreams.write(pending) } catch { failure = error }
        pending.removeAll(keepingCapacity: true)
    }
}
