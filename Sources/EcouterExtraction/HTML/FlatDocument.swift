// SPDX-License-Identifier: GPL-3.0-or-later
// The parsed page as flat arrays in document (pre-)order. A node's subtree is the index range
// [index, end), so every "sum over a subtree" is a difference of prefix sums and every walk is
// a loop — no recursion, whatever the nesting depth. Built from libxml2's tree by HTMLParser.

/// One element or text node of a parsed page.
struct FlatNode {
    enum Kind: UInt8 { case element, text }

    var kind: Kind
    /// Lowercased element name; empty for text.
    var tag: String
    /// Index of the parent element, -1 at the top.
    var parent: Int
    /// One past the last node of this node's subtree.
    var end: Int
    /// Text of a text node.
    var text: String
    /// The attributes extraction looks at (lowercased names), in document order.
    var attributes: [(name: String, value: String)]

    func attribute(_ name: String) -> String? {
        attributes.first(where: { $0.name == name })?.value
    }
}

/// A parsed page, flattened.
struct FlatDocument {
    var nodes: [FlatNode] = []
    /// libxml2 stopped early because elements nested beyond its depth limit; the rest of the page is missing.
    var truncatedByDepth = false

    /// Attribute names worth keeping; the rest are dropped while flattening.
    static let keptAttributes: Set<String> = [
        "class", "id", "role", "hidden", "aria-hidden", "style", "property", "name", "content", "itemprop",
        "type", "lang", "href", "datetime", "rel", "http-equiv", "charset", "itemtype",
    ]

    /// Concatenated text of a subtree (for short things: titles, script bodies).
    func text(of index: Int) -> String {
        var out = ""
        var i = index
        let end = nodes[index].end
        while i < end {
            if nodes[i].kind == .text { out += nodes[i].text }
            i += 1
        }
        return out
    }

    /// Indices of elements named `tag`, in document order.
    func elements(named tag: String) -> [Int] {
        nodes.indices.filter { nodes[$0].kind == .element && nodes[$0].tag == tag }
    }

    /// True when `ancestor`'s subtree holds `index`.
    func contains(_ ancestor: Int, _ index: Int) -> Bool {
        ancestor <= index && index < nodes[ancestor].end
    }
}
