// SPDX-License-Identifier: GPL-3.0-or-later

/// An article as it will be read: a title, then blocks in reading order, page chrome removed.
public struct Article: Sendable, Equatable {
    /// One unit of reading structure; each gets its own pause.
    public enum Block: Sendable, Equatable {
        case heading(String)
        case paragraph(String)
        case listItem(String)
        case quote(String)

        /// The block's text.
        public var text: String {
            switch self {
            case .heading(let t), .paragraph(let t), .listItem(let t), .quote(let t): return t
            }
        }
    }

    /// What is known about the article beyond its text.
    public struct Metadata: Sendable, Equatable {
        public var author: String?
        public var published: String?
        public var language: String?
        public var siteName: String?
        public init(author: String? = nil, published: String? = nil, language: String? = nil, siteName: String? = nil) {
            self.author = author
            self.published = published
            self.language = language
            self.siteName = siteName
        }
    }

    public var title: String?
    public var blocks: [Block]
    public var metadata: Metadata

    public init(title: String? = nil, blocks: [Block], metadata: Metadata = Metadata()) {
        self.title = title
        self.blocks = blocks
        self.metadata = metadata
    }

    /// What will be read, as text: the title, then the blocks, separated by blank lines.
    public var plainText: String {
        ((title.map { [$0] } ?? []) + blocks.map(\.text)).joined(separator: "\n\n")
    }

    /// True when there is nothing to read.
    public var isEmpty: Bool {
        (title ?? "").allSatisfy(\.isWhitespace) && blocks.allSatisfy { $0.text.allSatisfy(\.isWhitespace) }
    }
}
