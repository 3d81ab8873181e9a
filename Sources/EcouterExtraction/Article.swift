// SPDX-License-Identifier: GPL-3.0-or-later

/// An article as it will be read: a title, then blocks in reading order, page chrome removed.
public struct Article: Sendable, Equatable {
    /// One unit of reading structure; each gets its own pause.
    public enum Block: Sendable, Equatable {
        /// A section heading: read with pauses around it.
        case heading(String)
        /// A paragraph.
        case paragraph(String)
        /// One item of a list, read as its own sentence (bullet removed).
        case listItem(String)
        /// A block quotation.
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
        /// The author or authors, as the page names them (JSON-LD `author`, `<meta name="author">`).
        public var author: String?
        /// The publication date as written by the page, usually ISO 8601 (`datePublished`, `article:published_time`, `<time datetime>`).
        public var published: String?
        /// The page's language tag (`<html lang>`, `Content-Language`, `og:locale`), e.g. `fr` or `fr-FR`.
        public var language: String?
        /// The publication's name (`og:site_name`, JSON-LD `publisher`).
        public var siteName: String?
        /// Creates metadata; every field is optional.
        public init(author: String? = nil, published: String? = nil, language: String? = nil, siteName: String? = nil) {
            self.author = author
            self.published = published
            self.language = language
            self.siteName = siteName
        }
    }

    /// The headline, read first; nil when none was found.
    public var title: String?
    /// The text in reading order.
    public var blocks: [Block]
    /// Author, date, language and site, when the page gives them.
    public var metadata: Metadata

    /// Creates an article.
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
