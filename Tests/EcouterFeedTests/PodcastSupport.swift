// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The repository's root, from this file's place in it (Tests/EcouterFeedTests/…).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Runs `python3` (the one on PATH, where `scripts/setup.sh --test` installed feedparser and podcastparser).
func python(_ arguments: [String]) async throws -> ToolResult {
    try await runTool("/usr/bin/env", ["python3"] + arguments)
}

/// Runs a Python snippet that prints one JSON value, and decodes it.
func pythonJSON(_ script: String, _ arguments: [String] = []) async throws -> Any {
    let result = try await python(["-c", script] + arguments)
    try #require(result.status == 0, "python3 failed: \(result.err)")
    return try JSONSerialization.jsonObject(with: result.data, options: [.fragmentsAllowed])
}

/// `scripts/validate-podcast.py FEED [--directory DIR] [--transcripts]`.
func validatePodcast(_ feed: URL, directory: URL? = nil, transcripts: Bool = false) async throws -> ToolResult {
    let script = repositoryRoot.appendingPathComponent("scripts/validate-podcast.py").path
    return try await python([script, feed.path] + (directory.map { ["--directory", $0.path] } ?? []) + (transcripts ? ["--transcripts"] : []))
}

/// A podcast feed as a tree of elements (qualified names), read with Foundation's XMLParser:
/// independent of the libxml2 code that reads source feeds.
final class XMLNode: NSObject, XMLParserDelegate {
    let name: String
    var attributes: [String: String] = [:]
    var text = ""
    var children: [XMLNode] = []
    private var stack: [XMLNode] = []

    init(name: String) { self.name = name }

    static func parse(_ data: Data) -> XMLNode? {
        let document = XMLNode(name: "#document")
        let parser = XMLParser(data: data)
        parser.delegate = document
        return parser.parse() ? document.children.first : nil
    }

    /// The first child with this qualified name.
    func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }
    func all(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }
    /// The text of a child, whitespace trimmed; nil when the child is missing.
    subscript(_ name: String) -> String? { child(name)?.text.trimmingCharacters(in: .whitespacesAndNewlines) }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        let node = XMLNode(name: qualifiedName ?? name)
        node.attributes = attributes
        (stack.last ?? self).children.append(node)
        stack.append(node)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { stack.removeLast() }
}
