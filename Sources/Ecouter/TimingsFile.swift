// SPDX-License-Identifier: GPL-3.0-or-later
public import Foundation

/// The file formats timings can be written in.
public enum TimingsFormat: String, Sendable, Equatable, CaseIterable {
    /// WebVTT (`.vtt`): one cue per sentence with word timestamps (``Timings/webVTT()``).
    case webVTT = "vtt"
    /// JSON (`.json`): the shape of ``Timings`` (``Timings/jsonData()``).
    case json

    /// The format a file name asks for, from its extension (case-insensitive); nil for any other.
    public static func forPath(_ path: String) -> TimingsFormat? {
        TimingsFormat(rawValue: URL(fileURLWithPath: path).pathExtension.lowercased())
    }

    /// `timings` in this format, as bytes.
    public func encode(_ timings: Timings) throws(EcouterError) -> [UInt8] {
        switch self {
        case .webVTT: return Array(timings.webVTT().utf8)
        case .json:
            do { return Array(try timings.jsonData()) } catch {
                throw EcouterError(.output, "cannot encode the timings as JSON: \(error)")
            }
        }
    }
}

/// Where ``ArticleReader`` writes an article's timings beside its audio, and in which format.
public struct TimingsFile: Sendable, Equatable {
    public var url: URL
    public var format: TimingsFormat

    public init(url: URL, format: TimingsFormat) {
        self.url = url
        self.format = format
    }

    /// A timings file whose format follows its extension, `.vtt` or `.json`.
    ///
    /// - Throws: ``EcouterError/Code/settings`` for any other extension.
    public init(path: String) throws(EcouterError) {
        guard let format = TimingsFormat.forPath(path) else {
            throw EcouterError(.settings, "cannot tell the timings format of \(path): use a .vtt or .json file name")
        }
        self.init(url: URL(fileURLWithPath: path), format: format)
    }
}
