// SPDX-License-Identifier: GPL-3.0-or-later
public import EcouterCore

/// A feed that cannot be read, fetched or written out; item failures are recorded, not thrown.
public typealias FeedError = CodedError<FeedErrorDomain>

/// The codes of ``FeedError``.
public enum FeedErrorDomain {}

/// What went wrong, stable for programs to switch on; new codes may be added without breaking
/// switches that have a default.
extension ErrorCode where Domain == FeedErrorDomain {
    /// Not well-formed XML or JSON.
    public static var malformed: Self { Self("malformed") }
    /// Well-formed, but neither RSS 2.0, Atom nor JSON Feed.
    public static var notAFeed: Self { Self("not-a-feed") }
    /// Declares entities (external entities, expansion bombs): refused, never resolved.
    public static var hostile: Self { Self("hostile") }
    /// Larger than the configured limit.
    public static var tooLarge: Self { Self("too-large") }
    /// The server answered with an error status.
    public static var http: Self { Self("http") }
    /// No answer within the time limit.
    public static var timeout: Self { Self("timeout") }
    /// More redirects than allowed, or a redirect to something other than http(s).
    public static var redirect: Self { Self("redirect") }
    /// Connection refused, DNS failure, TLS failure...
    public static var network: Self { Self("network") }
    /// The feed's file could not be read (missing, a directory, no permission).
    public static var unreadable: Self { Self("unreadable") }
    /// The output directory or a file in it could not be written.
    public static var io: Self { Self("io") }
    /// Arguments that make no sense (a bad shard, a URL scheme we do not fetch).
    public static var usage: Self { Self("usage") }
    /// Another run is working in the output directory.
    public static var busy: Self { Self("busy") }
}
