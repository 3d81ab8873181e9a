// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import Foundation

/// Reads the command's input: a file path, or `-` for standard input.
enum InputFile {
    /// The largest input accepted (a news article is a few kB; a whole book is a few MB).
    static let maximumBytes = 256 * 1024 * 1024

    /// The bytes of `path` (`-`: standard input).
    /// - Throws: ``EcouterError/Code/input`` when it is missing, a directory, unreadable, too
    ///   large, compressed (whatever `--input-format` says: a page is never read from gzip bytes), or
    ///   markup with an element of more than ``MarkupAttributeScan/maximumAttributes`` attributes.
    static func read(_ path: String) throws(EcouterError) -> [UInt8] {
        let bytes = try readUnchecked(path)
        if let problem = InputText.binaryFormatProblem(bytes) { throw EcouterError(.input, problem) }
        if MarkupAttributeScan.excess(in: bytes) != nil {
            throw EcouterError(.input, "an element has more than \(MarkupAttributeScan.maximumAttributes) attributes: refused as hostile markup")
        }
        return bytes
    }

    private static func readUnchecked(_ path: String) throws(EcouterError) -> [UInt8] {
        if path == "-" {
            return try StandardStreams.readInput(limit: maximumBytes)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw EcouterError(.input, "\(path): no such file")
        }
        guard !isDirectory.boolValue else { throw EcouterError(.input, "\(path) is a directory, not an article") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw EcouterError(.input, "\(path): cannot open (permission denied?)")
        }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: maximumBytes + 1) ?? Data()
            return try checked(Array(data), name: path)
        } catch let error as EcouterError {
            throw error
        } catch {
            throw EcouterError(.input, "\(path): cannot read: \(error.localizedDescription)")
        }
    }

    private static func checked(_ bytes: [UInt8], name: String) throws(EcouterError) -> [UInt8] {
        guard bytes.count <= maximumBytes else {
            throw EcouterError(.input, "\(name) is larger than \(maximumBytes / 1024 / 1024) MB")
        }
        return bytes
    }

    /// The text of the input, validated like an article (UTF-8, no NUL bytes, not empty).
    static func text(_ path: String) throws(EcouterError) -> String {
        let bytes = try read(path)
        return try ArticleReader.decodeText(bytes)
    }
}
