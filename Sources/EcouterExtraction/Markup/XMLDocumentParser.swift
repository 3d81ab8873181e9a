// SPDX-License-Identifier: GPL-3.0-or-later
// XML (feeds) through libxml2, for the whole package: bytes -> xmlCtxtReadMemory -> a tree of
// Swift values, document freed. With HTMLParser.swift, the only files that call libxml2.

internal import CLibXML2

/// A parsed XML document as values: elements in document order, each with its content
/// (child elements and text, in order). Text is gathered from text and CDATA nodes only; entity
/// references are left out, so even a document that slipped past the entity checks could not
/// make us expand anything.
package struct XMLDocumentTree: Sendable {
    /// An element's content, in document order.
    package enum Content: Sendable {
        case element(Int)
        case text(String)
    }

    package struct Element: Sendable {
        /// The local name, without prefix.
        package var name: String
        /// The namespace URI, or "" when there is none.
        package var namespace: String
        /// Attributes by local name (any namespace), text values.
        package var attributes: [(name: String, value: String)]
        package var content: [Content] = []
    }

    package var elements: [Element] = []
    /// Index of the root element.
    package var root = 0

    /// Child elements of `element`, in document order.
    package func children(of element: Int) -> [Int] {
        elements[element].content.compactMap { if case .element(let child) = $0 { return child } else { return nil } }
    }

    /// The concatenated text of all descendant text and CDATA nodes, iteratively (deep trees
    /// cannot overflow the stack).
    package func text(of element: Int) -> String {
        var out = ""
        var stack: [Content] = elements[element].content.reversed()
        while let item = stack.popLast() {
            switch item {
            case .text(let text): out += text
            case .element(let child): stack.append(contentsOf: elements[child].content.reversed())
            }
        }
        return out
    }

    /// The value of the attribute with this local name, if any.
    package func attribute(_ name: String, of element: Int) -> String? {
        elements[element].attributes.first { $0.name == name }?.value
    }

    /// The content serialized back to markup (text escaped), for Atom `type="xhtml"` content.
    package func innerMarkup(of element: Int) -> String {
        var out = ""
        // (element, closing) pairs: a closing entry writes the end tag after the children.
        var stack: [(Content, Bool)] = elements[element].content.reversed().map { ($0, false) }
        while let (item, closing) = stack.popLast() {
            switch item {
            case .text(let text):
                out += Self.escaped(text, quotes: false)
            case .element(let child):
                let node = elements[child]
                if closing { out += "</\(node.name)>"; continue }
                out += "<\(node.name)"
                for attribute in node.attributes { out += " \(attribute.name)=\"\(Self.escaped(attribute.value, quotes: true))\"" }
                out += ">"
                stack.append((item, true))
                stack.append(contentsOf: node.content.reversed().map { ($0, false) })
            }
        }
        return out
    }

    private static func escaped(_ text: String, quotes: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }
}

/// Why an XML document was not read.
package struct XMLParseError: Error, Sendable {
    package enum Kind: Sendable {
        /// Not well-formed; the message names libxml2's line and reason.
        case malformed
        /// The document declares entities (which feeds never need).
        case declaresEntities
        /// Well-formed but without a root element.
        case noRoot
    }

    package var kind: Kind
    package var message: String
}

/// XML parsing for the package, safely.
///
/// `xmlCtxtReadMemory` runs with `XML_PARSE_NONET` (no network) and without `XML_PARSE_NOENT`
/// (entities are not substituted) or `XML_PARSE_DTDLOAD` (no external DTD is fetched); a document
/// whose internal or external subset declares entities is refused after parsing.
package enum XMLDocumentParser {
    package static func parse(_ bytes: [UInt8]) throws(XMLParseError) -> XMLDocumentTree {
        precondition(libxml2Ready)
        guard let context = xmlNewParserCtxt() else { throw XMLParseError(kind: .malformed, message: "libxml2 could not allocate a parser") }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                xmlCtxtReadMemory(context, chars.baseAddress, Int32(chars.count), "feed.xml", nil, options)
            }
        }
        guard let document, context.pointee.wellFormed != 0 else {
            if let document { xmlFreeDoc(document) }
            let error = context.pointee.lastError
            let reason = error.message.map { TextShape.collapsedWhitespace(String(cString: $0)) } ?? "unknown error"
            throw XMLParseError(kind: .malformed, message: "line \(error.line): \(reason.isEmpty ? "unknown error" : reason)")
        }
        defer { xmlFreeDoc(document) }
        if declaresEntities(document.pointee.intSubset) || declaresEntities(document.pointee.extSubset) {
            throw XMLParseError(kind: .declaresEntities, message: "the document declares XML entities")
        }
        guard let root = xmlDocGetRootElement(document) else { throw XMLParseError(kind: .noRoot, message: "the document has no root element") }
        return tree(from: root)
    }

    private static func declaresEntities(_ dtd: UnsafeMutablePointer<xmlDtd>?) -> Bool {
        guard let dtd else { return false }
        if dtd.pointee.entities != nil || dtd.pointee.pentities != nil { return true }
        var child = dtd.pointee.children
        while let current = child {
            if current.pointee.type == XML_ENTITY_DECL { return true }
            child = current.pointee.next
        }
        return false
    }

    /// The element tree under `root`, built without recursion.
    private static func tree(from root: xmlNodePtr) -> XMLDocumentTree {
        var tree = XMLDocumentTree()
        tree.elements.append(element(root))
        var stack: [(node: xmlNodePtr, index: Int)] = [(root, 0)]
        while let (node, index) = stack.popLast() {
            var child = node.pointee.children
            var content: [XMLDocumentTree.Content] = []
            while let current = child {
                switch current.pointee.type {
                case XML_ELEMENT_NODE:
                    let childIndex = tree.elements.count
                    tree.elements.append(element(current))
                    content.append(.element(childIndex))
                    stack.append((current, childIndex))
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let text = current.pointee.content { content.append(.text(String(cString: text))) }
                default:
                    break  // entity references, comments, processing instructions
                }
                child = current.pointee.next
            }
            tree.elements[index].content = content
        }
        return tree
    }

    private static func element(_ node: xmlNodePtr) -> XMLDocumentTree.Element {
        let name = node.pointee.name.map { String(cString: $0) } ?? ""
        let namespace = node.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) } ?? ""
        var attributes: [(name: String, value: String)] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            var value = ""
            var child = current.pointee.children
            while let c = child {
                if c.pointee.type == XML_TEXT_NODE, let content = c.pointee.content { value += String(cString: content) }
                child = c.pointee.next
            }
            attributes.append((current.pointee.name.map { String(cString: $0) } ?? "", value))
            attribute = current.pointee.next
        }
        return XMLDocumentTree.Element(name: name, namespace: namespace, attributes: attributes)
    }
}
