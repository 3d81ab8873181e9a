// SPDX-License-Identifier: GPL-3.0-or-later
// The public face of extraction: input format detection, the error type, and the extractor
// that sends text to the page-text cleaner and HTML to the libxml2-based extractor.

public import Logging
public import EcouterCore

/// How the input is written.
public enum InputFormat: String, Sendable, CaseIterable {
    /// Decide from the bytes (see ``detect(_:)``).
    case auto
    /// Plain or scraped page text.
    case text
    /// An HTML page.
    case html

    /// Guesses HTML from the first bytes: a doctype, an `<html>`, `<head>` or `<body>` tag, or a
    /// document that starts (after a byte-order mark and spaces) with `<` followed by a letter or `!`.
    ///
    /// Only the first 1024 bytes are looked at. Text that merely mentions a tag further on stays text.
    public static func detect(_ bytes: some Collection<UInt8>) -> InputFormat {
        var head = Array(bytes.prefix(1024))
        // UTF-16 with a byte-order mark: look at the low bytes of its ASCII characters.
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            let littleEndian = head[0] == 0xFF
            head = stride(from: 2, to: head.count - 1, by: 2).map { littleEndian ? head[$0] : head[$0 + 1] }
        }
        var start = 0
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < head.count, [0x20, 0x09, 0x0A, 0x0D].contains(head[start]) { start += 1 }
        if start + 1 < head.count, head[start] == UInt8(ascii: "<") {
            let next = head[start + 1]
            let isLetter = (next | 0x20) >= UInt8(ascii: "a") && (next | 0x20) <= UInt8(ascii: "z")
            if isLetter || next == UInt8(ascii: "!") || next == UInt8(ascii: "?") { return .html }
        }
        let lowered = String(decoding: head, as: UTF8.self).lowercased()
        for marker in ["<!doctype html", "<html", "<head>", "<body"] where lowered.contains(marker) {
            return .html
        }
        return .text
    }
}

/// An input that cannot be turned into an article.
public typealias ExtractionError = CodedError<ExtractionErrorDomain>

/// The codes of ``ExtractionError``.
public enum ExtractionErrorDomain {}

/// What went wrong, extensible.
extension ErrorCode where Domain == ExtractionErrorDomain {
    /// libxml2 could not build a document from the bytes.
    public static var unparsable: Self { Self("unparsable") }
    /// The page holds nothing that reads like an article.
    public static var noContent: Self { Self("no-content") }
    /// The input is larger than ``ArticleExtractor/maximumInputSize``.
    public static var tooLarge: Self { Self("too-large") }
    /// Elements nest beyond libxml2's depth limit before any readable text.
    public static var tooDeep: Self { Self("too-deep") }
    /// A rules file line is not a rule.
    public static var invalidRules: Self { Self("invalid-rules") }
}

/// Finds the article in scraped page text or in an HTML page.
///
/// Value type, safe to share between tasks: every call parses its own document.
public struct ArticleExtractor: Sendable {
    /// Inputs larger than this are refused with `.tooLarge` (32 MiB).
    public static let maximumInputSize = 32 * 1024 * 1024

    /// The chrome rules in use (built-in ones, plus any the caller added).
    public var rules: CleanupRules
    /// Where decisions worth knowing about (chosen content root, fallbacks) are logged at debug level.
    public var logger: Logger

    /// Creates an extractor with the built-in cleanup rules.
    /// - Parameters:
    ///   - rules: the chrome rules; pass `CleanupRules.builtIn.merging(yours)` to extend the shipped set.
    ///   - logger: receives debug messages; by default they go nowhere.
    public init(rules: CleanupRules = .builtIn, logger: Logger = Logger(label: "ecouter.extraction", factory: { _ in SwiftLogNoOpLogHandler() })) {
        self.rules = rules
        self.logger = logger
    }

    /// The article in plain or scraped text.
    ///
    /// Site chrome is dropped by the cleanup rules (ads, players, share and rating prompts,
    /// cookie notices, "À lire aussi" blocks and their teasers, bylines and dates around the
    /// text). The first remaining line is the title when it reads like one. Paragraphs are
    /// separated by blank lines, or one per line as scraped pages come; hard-wrapped lines are
    /// joined and list lines become list items. Clean text keeps all of its words.
    /// Never fails: text with nothing left gives an empty article (``Article/isEmpty``).
    public func article(fromText text: String) -> Article {
        PageTextCleaner(rules: rules).article(from: text)
    }

    /// The article in an HTML page given as raw bytes.
    ///
    /// Parsed with libxml2's HTML parser (`htmlReadMemory`, recovering from errors, no network).
    /// The encoding is taken from a byte-order mark or the declared charset, UTF-8 by default;
    /// a declaration the bytes contradict (Latin-1 bytes declared UTF-8 or the reverse) is
    /// overruled. The main content is found from `<article>`, `<main>`, schema.org JSON-LD, or
    /// by scoring text and link density; navigation, asides, scripts, forms, figure credits,
    /// share bars, related articles, comments and footnotes are left out.
    /// - Throws: `ExtractionError` `.tooLarge` above ``maximumInputSize``, `.unparsable` when
    ///   libxml2 builds no document, `.noContent` when nothing readable is found.
    public func article(fromHTML bytes: [UInt8]) throws(ExtractionError) -> Article {
        guard bytes.count <= ArticleExtractor.maximumInputSize else {
            throw ExtractionError(.tooLarge, "the page is \(bytes.count) bytes, more than the \(ArticleExtractor.maximumInputSize) accepted")
        }
        return try HTMLArticleExtractor(rules: rules, logger: logger).article(from: bytes)
    }

    /// The article in `bytes`, read as `format` (`.auto` detects it).
    ///
    /// Text input is decoded as UTF-8 when valid, else as Windows-1252.
    /// - Throws: as ``article(fromHTML:)`` for HTML; for text, `.tooLarge` above
    ///   ``maximumInputSize`` and `.noContent` when nothing is left to read.
    public func article(from bytes: [UInt8], format: InputFormat = .auto) throws(ExtractionError) -> Article {
        let resolved = format == .auto ? InputFormat.detect(bytes) : format
        if resolved == .html { return try article(fromHTML: bytes) }
        guard bytes.count <= ArticleExtractor.maximumInputSize else {
            throw ExtractionError(.tooLarge, "the text is \(bytes.count) bytes, more than the \(ArticleExtractor.maximumInputSize) accepted")
        }
        let result = article(fromText: TextDecoding.string(fromUnlabelled: bytes))
        guard !result.isEmpty else { throw ExtractionError(.noContent, "no article text found: everything looked like page chrome, or the input is empty") }
        return result
    }
}
