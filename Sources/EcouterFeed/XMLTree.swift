// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterExtraction

/// Read-only helpers over a parsed feed document (``XMLDocumentTree``, from EcouterExtraction,
/// the one target that calls libxml2).
///
/// Text is gathered from text and CDATA nodes only: entity references are left out by the
/// parser, so even a document that slipped past the entity checks could not make us expand anything.
struct XMLElement {
    let tree: XMLDocumentTree
    let index: Int

    /// The element name without prefix.
    var name: String { tree.elements[index].name }

    /// The namespace URI, or "" when there is none.
    var namespace: String { tree.elements[index].namespace }

    /// Child elements in document order.
    var children: [XMLElement] { tree.children(of: index).map { XMLElement(tree: tree, index: $0) } }

    /// The first child element with this local name in namespace `ns` ("" for none).
    func child(_ name: String, ns: String = "") -> XMLElement? {
        children.first { $0.name == name && $0.namespace == ns }
    }

    /// All child elements with this local name in namespace `ns`.
    func children(_ name: String, ns: String = "") -> [XMLElement] {
        children.filter { $0.name == name && $0.namespace == ns }
    }

    /// The concatenated text of all descendant text and CDATA nodes.
    var text: String { tree.text(of: index) }

    /// The trimmed text with runs of whitespace collapsed to one space; nil when empty.
    var line: String? { collapseWhitespace(text) }

    /// The value of the attribute with this local name (any namespace), text nodes only.
    func attribute(_ name: String) -> String? { tree.attribute(name, of: index) }

    /// The children serialized back to markup, for Atom `type="xhtml"` content.
    var innerMarkup: String { tree.innerMarkup(of: index) }
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
