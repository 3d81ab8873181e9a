// SPDX-License-Identifier: GPL-3.0-or-later

/// The one shape of every public error in the package: a stable code, a one-line message, and the
/// lower-level error behind it, if any.
///
/// Each module names its own specialisation (`EcouterError`, `AudioError`, `FeedError`…) with a
/// caseless `Domain` type, so their codes cannot be mixed up. Only the package creates errors and
/// codes (the initialisers are `package`): a caller can switch on ``code`` but cannot invent one.
public struct CodedError<Domain>: Error, Sendable, Equatable, CustomStringConvertible {
    /// The domain's stable categories, for programs to switch on.
    public typealias Code = ErrorCode<Domain>

    /// What went wrong.
    public package(set) var code: Code
    /// One line, naming the problem and, where it helps, the way out.
    public package(set) var message: String
    /// The lower-level error behind this one, if any.
    public package(set) var underlying: (any Error & Sendable)?

    package init(_ code: Code, _ message: String, underlying: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    /// The message.
    public var description: String { message }

    /// Same code and same message; the underlying error is context, not identity.
    public static func == (a: CodedError, b: CodedError) -> Bool { a.code == b.code && a.message == b.message }
}

/// A stable error category of one domain, e.g. `input` for ``CodedError`` of the reading pipeline.
///
/// Each domain declares its codes as static properties in an extension constrained to it.
public struct ErrorCode<Domain>: Hashable, Sendable, CustomStringConvertible {
    /// The code as text, e.g. `too-large`; what the worker protocol and JSON answers carry.
    public let rawValue: String

    package init(_ rawValue: String) { self.rawValue = rawValue }

    /// The raw value.
    public var description: String { rawValue }
}
