// SPDX-License-Identifier: GPL-3.0-or-later

/// A feed that cannot be read, fetched or written out; item failures are recorded, not thrown.
public struct FeedError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, stable for programs to switch on.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The code as text, e.g. `hostile`.
        public let rawValue: String
        /// A code; new ones may be added without breaking switches that have a default.
        public init(_ rawValue: String) { self.rawValue = rawValue }
        /// The raw value.
        public var description: String { rawValue }

        /// Not well-formed XML or JSON.
        public static let malformed = Code("malformed")
        /// Well-formed, but neither RSS 2.0, Atom nor JSON Feed.
        public static let notAFeed = Code("not-a-feed")
        /// Declares entities (external entities, expansion bombs): refused, never resolved.
        public static let hostile = Code("hostile")
        /// Larger than the configured limit.
        public static let tooLarge = Code("too-large")
        /// The server answered with an error status.
        public static let http = Code("http")
        /// No answer within the time limit.
        public static let timeout = Code("timeout")
        /// More redirects than allowed, or a redirect to something other than http(s).
        public static let redirect = Code("redirect")
        /// Connection refused, DNS failure, TLS failure...
        public static let network = Code("network")
        /// The feed's file could not be read (missing, a directory, no permission).
        public static let unreadable = Code("unreadable")
        /// The output directory or a file in it could not be written.
        public static let io = Code("io")
        /// Arguments that make no sense (a bad shard, a URL scheme we do not fetch).
        public static let usage = Code("usage")
        /// Another run is working in the output directory.
        public static let busy = Code("busy")
    }

    /// What went wrong.
    public var code: Code
    /// One line for a person.
    public var message: String

    /// An error with its code and one-line message.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
