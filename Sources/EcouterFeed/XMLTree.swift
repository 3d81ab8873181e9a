// SPDX-License-Identifier: GPL-3.0-or-later
import CLibXML2

/// Read-only helpers over a libxml2 tree; the pointers never leave this module's XML files.
///
/// Text is gathered from text and CDATA nodes only: entity-reference nodes are skipped, so even a
/// document that slipped past the entity checks could not make us expand anything.
struct XMLElement {
    let node: xmlNodePtr

    /// The element name without prefix.
    var name: String { String(cString: node.pointee.name) }

    /// The namespace URI, or "" when there is none.
    var namespace: String {
        guard let ns = node.pointee.ns, let href = ns.pointee.href else { return "" }
        return String(cString: href)
    }

    /// Child elements in document order.
    var children: [XMLElement] {
        var out: [XMLElement] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { out.append(XMLElement(node: current)) }
            child = current.pointee.next
        }
        return out
    }

    /// The first child element with this local name in namespace `ns` ("" for none).
    func child(_ name: String, ns: String = "") -> XMLElement? {
        children.first { $0.name == name && $0.namespace == ns }
    }

    /// All child elements with this local name in namespace `ns`.
    func children(_ name: String, ns: String = "") -> [XMLElement] {
        children.filter { $0.name == name && $0.namespace == ns }
    }

    /// The concatenated text of all descendant text and CDATA nodes, iteratively (deep trees cannot
    /// overflow the stack).
    var text: String {
        var bytes: [UInt8] = []
        var stack: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child { stack.append(current); child = current.pointee.next }
        stack.reverse()
        while let current = stack.popLast() {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    var p = content
                    while p.pointee != 0 { bytes.append(p.pointee); p += 1 }
                }
            case XML_ELEMENT_NODE:
                var kids: [xmlNodePtr] = []
                var k = current.pointee.children
                while let c = k { kids.append(c); k = c.pointee.next }
                stack.append(contentsOf: kids.reversed())
            default:
                break  // entity references, comments, processing instructions
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The trimmed text with runs of whitespace collapsed to one space; nil when empty.
    var line: String? { collapseWhitespace(text) }

    /// The value of the attribute with this local name (any namespace), text nodes only.
    func attribute(_ name: String) -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if String(cString: current.pointee.name) == name {
                var bytes: [UInt8] = []
                var child = current.pointee.children
                while let c = child {
                    if c.pointee.type == XML_TEXT_NODE, var p = c.pointee.content {
                        while p.pointee != 0 { bytes.append(p.pointee); p += 1 }
                    }
                    child = c.pointee.next
                }
                return String(decoding: bytes, as: UTF8.self)
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// The children serialized back to markup (`xmlNodeDump`), for Atom `type="xhtml"` content.
    func innerMarkup(in document: xmlDocPtr) -> String {
        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        var child = node.pointee.children
        while let current = child {
            xmlNodeDump(buffer, document, current, 0, 0)
            child = current.pointee.next
        }
        guard let content = xmlBufferContent(buffer) else { return "" }
        return String(cString: content)
    }
}

/// Trims and collapses whitespace runs to single spaces, in one pass; nil when nothing is left.
func collapseWhitespace(_ text: String) -> String? {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    for scalar in text.unicodeScalars {
        if scalar.properties.isWhitespace {
            pendingSpace = !out.isEmpty
        } else {
            if pendingSpace { out.unicodeScalars.append(" ") }
            pendingSpace = false
            out.unicodeScalars.append(scalar)
        }
    }
    return out.isEmpty ? nil : out
}
