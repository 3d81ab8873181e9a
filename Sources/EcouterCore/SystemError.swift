// SPDX-License-Identifier: GPL-3.0-or-later

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An `errno` value, and the one place the package turns one into words (`strerror(3)`), e.g.
/// "No space left on device". Carried as the underlying error of an I/O ``CodedError``.
public struct SystemError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The `errno` value.
    public let number: Int32

    package init(_ number: Int32) { self.number = number }

    /// The system's message for the number.
    public var description: String { Self.describe(number) }

    /// The system's message for `code`.
    package static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// The system's message for the current `errno`.
    package static var current: String { describe(errno) }
}
