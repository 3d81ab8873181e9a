// SPDX-License-Identifier: GPL-3.0-or-later

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place the package turns an `errno` into words (`strerror(3)`), e.g. "No space left on device".
package enum SystemError {
    /// The system's message for `code`.
    package static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// The system's message for the current `errno`.
    package static var current: String { describe(errno) }
}
