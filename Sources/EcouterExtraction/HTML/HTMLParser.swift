// SPDX-License-Identifier: GPL-3.0-or-later
// HTML through libxml2: bytes -> htmlCtxtReadMemory -> FlatDocument, document freed. With
// Markup/XMLDocumentParser.swift, the only files of the package that call libxml2.

internal import CLibXML2

/// libxml2 wants one global initialisation before concurrent use; a Swift global `let`
/// initialiser runs exactly once, thread-safely. The one guard for HTML and XML alike.
let libxml2Ready: Bool = {
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
    static func parse(_ page: [UInt8]) throws(ExtractionError) -> FlatDocument {
        precondition(libxml2Ready)
        let bytes = DoctypeSubset.removed(from: page)
        return try withEncodingErrorsCounted { errors throws(ExtractionError) in
            let prepared = HTMLEncoding.prepare(bytes)
            errors = 0
            let flat = try parseSilently(prepared, empty: bytes.isEmpty)
            // A declared charset the bytes do not follow: libxml2 stops converting at the first bad
            // byte and the rest of the page is lost, so read it again as UTF-8 (repaired).
            if errors > 0, prepared.encoding != "UTF-8" {
                return try parseSilently(HTMLEncoding.prepare(bytes, honouringDeclaration: false), empty: bytes.isEmpty)
            }
            return flat
        }
    }

    /// Runs `body` with a per-thread libxml2 structured error handler that counts conversion
    /// errors into `body`'s argument. libxml2 reports those outside any parser context (so
    /// HTML_PARSE_NOERROR does not silence them) and would otherwise print them on stderr.
    private static func withEncodingErrorsCounted<T>(_ body: (inout Int) throws(ExtractionError) -> T) throws(ExtractionError) -> T {
        var errors = 0
        let result: Result<T, ExtractionError> = withUnsafeMutablePointer(to: &errors) { counter in
            xmlSetStructuredErrorFunc(counter, { userData, error in
                guard let userData, let error else { return }
                let domain = error.pointee.domain, code = error.pointee.code
                if domain == Int32(XML_FROM_I18N.rawValue) || (domain == Int32(XML_FROM_IO.rawValue) && code == Int32(XML_IO_ENCODER.rawValue)) {
                    userData.assumingMemoryBound(to: Int.self).pointee += 1
                }
            })
            // Left silent afterwards: nothing of libxml2's may reach stderr.
            defer { xmlSetStructuredErrorFunc(nil, { _, _ in }) }
            return Result { () throws(ExtractionError) in try body(&counter.pointee) }
        }
        return try result.get()
    }

    private static func parseSilently(_ prepared: HTMLEncoding.Prepared, empty: Bool) throws(ExtractionError) -> FlatDocument {
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
            throw ExtractionError(.unparsable, empty ? "the page is empty" : "libxml2 could not read the page as HTML")
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
    ///
    /// One pass over the bytes. The search for a closing `]>` only moves forward: once none is
    /// left, no later `![if` can close either, so text full of unclosed `![if` stays linear.
    static func withoutConditionalComments(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let n = bytes.count
        func isOpening(_ i: Int) -> Bool { bytes[i] == 0x21 && bytes[i + 1] == 0x5B }  // ![
        func hasWord(_ word: StaticString, at i: Int) -> Bool {
            guard i + word.utf8CodeUnitCount <= n else { return false }
            for k in 0..<word.utf8CodeUnitCount where bytes[i + k] != word.utf8Start[k] { return false }
            return true
        }
        var out: [UInt8] = []
        var copied = 0       // bytes[..<copied] are settled (written to `out` or skipped)
        var close = -1       // offset of the last "]>" found, -1 before any search
        var searched = 0     // "]>" does not start anywhere in searched-from..<searched except at `close`
        var i = 0
        while i + 1 < n {
            guard isOpening(i), hasWord("if", at: i + 2) || hasWord("endif", at: i + 2) else { i += 1; continue }
            // The first "]>" at or after i + 2.
            if close < i + 2 {
                close = -1
                var k = max(searched, i + 2)
                while k + 1 < n, !(bytes[k] == 0x5D && bytes[k + 1] == 0x3E) { k += 1 }
                if k + 1 < n { close = k; searched = k + 1 } else { searched = n }
            }
            guard close >= 0 else { break }  // nothing closes from here on
            var keptEnd = i
            if keptEnd > copied, bytes[keptEnd - 1] == 0x3C { keptEnd -= 1 }  // the "<" of "<!["
            out.append(contentsOf: bytes[copied..<keptEnd])
            copied = close + 2
            i = copied
        }
        if copied == 0 { return text }
        out.append(contentsOf: bytes[copied...])
        return String(decoding: out, as: UTF8.self)
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
