// SPDX-License-Identifier: GPL-3.0-or-later
// The only file that parses with libxml2: bytes -> htmlCtxtReadMemory -> FlatDocument, document freed.

internal import CLibXML2

/// libxml2 wants one global initialisation before concurrent use; a Swift global `let`
/// initialiser runs exactly once, thread-safely.
private let libxml2Ready: Bool = {
    xmlInitParser()
    return true
}()

enum HTMLParser {
    /// Parses `bytes` with libxml2's HTML parser and flattens the tree.
    ///
    /// Uses `htmlCtxtReadMemory` with RECOVER | NOERROR | NOWARNING | NONET | COMPACT, so broken
    /// markup is repaired the way libxml2 does, nothing is printed, nothing is fetched — plus
    /// HUGE, without which libxml2 stops at 256 nested elements and the rest of the page is lost
    /// (the tree is walked without recursion here, and libxml2 frees it without recursion too).
    static func parse(_ bytes: [UInt8]) throws(ExtractionError) -> FlatDocument {
        precondition(libxml2Ready)
        let prepared = HTMLEncoding.prepare(bytes)
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | XML_PARSE_HUGE.rawValue)
        guard let context = htmlNewParserCtxt() else {
            throw ExtractionError(.unparsable, "libxml2 could not allocate a parser")
        }
        defer { htmlFreeParserCtxt(context) }
        let doc: htmlDocPtr? = prepared.bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                    htmlCtxtReadMemory(context, chars, Int32(buffer.count), nil, prepared.encoding, options)
                }
            }
        }
        guard let doc else {
            throw ExtractionError(.unparsable, bytes.isEmpty ? "the page is empty" : "libxml2 could not read the page as HTML")
        }
        // libxml2 stops (keeping what it built so far) when elements nest too deeply.
        let halted = context.pointee.disableSAX != 0 && context.pointee.errNo == Int32(XML_ERR_INTERNAL_ERROR.rawValue)
        defer { xmlFreeDoc(doc) }
        var flat = flatten(doc)
        flat.truncatedByDepth = halted
        return flat
    }

    /// Walks the libxml2 tree without recursion: down to the first child, else across to the
    /// next sibling, else back up (a stack of open elements records where subtrees end).
    private static func flatten(_ doc: htmlDocPtr) -> FlatDocument {
        var flat = FlatDocument()
        var open: [(node: xmlNodePtr, index: Int)] = []
        var current: xmlNodePtr? = doc.pointee.children

        while let node = current {
            var descend = false
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                let index = flat.nodes.count
                flat.nodes.append(FlatNode(
                    kind: .element, tag: name(of: node), parent: open.last?.index ?? -1, end: index + 1,
                    text: "", attributes: attributes(of: node)))
                if node.pointee.children != nil {
                    open.append((node, index))
                    descend = true
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content {
                    let index = flat.nodes.count
                    flat.nodes.append(FlatNode(
                        kind: .text, tag: "", parent: open.last?.index ?? -1, end: index + 1,
                        text: withoutConditionalComments(String(cString: content)), attributes: []))
                }
            default:
                break  // comments, doctype, processing instructions: nothing to read
            }
            if descend {
                current = node.pointee.children
                continue
            }
            var next = node.pointee.next
            while next == nil, let closing = open.popLast() {
                flat.nodes[closing.index].end = flat.nodes.count
                next = closing.node.pointee.next
            }
            current = next
        }
        while let closing = open.popLast() { flat.nodes[closing.index].end = flat.nodes.count }
        return flat
    }

    /// Removes Internet Explorer's "downlevel-revealed" conditionals (`<![if !IE]>`, `<![endif]>`),
    /// which the HTML parser leaves as text.
    static func withoutConditionalComments(_ text: String) -> String {
        guard text.contains("![") else { return text }
        var out = ""
        var rest = text[...]
        while let open = rest.firstRange(of: "![") {
            let after = rest[open.upperBound...]
            guard after.hasPrefix("if") || after.hasPrefix("endif"), let close = after.firstRange(of: "]>") else {
                out += rest[..<open.upperBound]
                rest = after
                continue
            }
            var kept = rest[..<open.lowerBound]
            if kept.hasSuffix("<") { kept = kept.dropLast() }
            out += kept
            rest = after[close.upperBound...]
        }
        out += rest
        return out
    }

    private static func name(of node: xmlNodePtr) -> String {
        guard let name = node.pointee.name else { return "" }
        return String(cString: name).lowercased()
    }

    private static func attributes(of node: xmlNodePtr) -> [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        var attribute = node.pointee.properties
        while let attr = attribute {
            if let rawName = attr.pointee.name {
                let name = String(cString: rawName).lowercased()
                if FlatDocument.keptAttributes.contains(name) {
                    var value = ""
                    var child = attr.pointee.children
                    while let c = child {
                        if let content = c.pointee.content { value += String(cString: content) }
                        child = c.pointee.next
                    }
                    result.append((name, value))
                }
            }
            attribute = attr.pointee.next
        }
        return result
    }
}
