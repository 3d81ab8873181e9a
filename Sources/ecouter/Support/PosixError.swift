// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// The one place the command turns an `errno` into words.
enum PosixError {
    /// `strerror(3)` of `code`, e.g. "Broken pipe".
    static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }
}
