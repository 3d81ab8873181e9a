// SPDX-License-Identifier: GPL-3.0-or-later
// Placeholder contract, replaced by the extraction work (issue 4).

import Foundation

/// How the input is written.
public enum InputFormat: String, Sendable, CaseIterable {
    case auto, text, html

    /// Guesses HTML from the first bytes of `bytes` (a doctype, `<html`, or a leading tag).
    public static func detect(_ bytes: some Collection<UInt8>) -> InputFormat {
        let head = String(decoding: bytes.prefix(1024), as: UTF8.self).lowercased()
        return head.contains("<!doctype html") || head.contains("<html") || head.contains("<body") ? .html : .text
    }
}

/// An HTML page that cannot be turned into an article.
public struct ExtractionError: Error, Sendable, Equatable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }
        public static let unparsable = Code("unparsable")
        public static let noContent = Code("no-content")
        public static let tooLarge = Code("too-large")
    }
    public var code: Code
    public var message: String
    public init(_ code: Code, _ message: String) { self.code = code; self.message = message }
    public var description: String { message }
}

/// Finds the article in scraped page text or in an HTML page.
public struct ArticleExtractor: Sendable {
    public init() {}

    /// The article in plain or scraped text: first line the title, blank lines between paragraphs.
    public func article(fromText text: String) -> Article {
        var paragraphs = text.components(separatedBy: "\n\n")
            .map { $0.split(separator: "\n").joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
        let title = paragraphs.isEmpty ? nil : paragraphs.removeFirst()
        return Article(title: title, blocks: paragraphs.map { .paragraph($0) })
    }

    /// The article in an HTML page given as raw bytes (the page's declared encoding is honoured).
    public func article(fromHTML bytes: [UInt8]) throws(ExtractionError) -> Article {
        throw ExtractionError(.unparsable, "HTML extraction is not built yet")
    }
}
