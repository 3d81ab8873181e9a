// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter

/// The command's name for the package's `errno` helper (``SystemError``).
enum PosixError {
    /// `strerror(3)` of `code`, e.g. "Broken pipe".
    static func describe(_ code: Int32) -> String { SystemError.describe(code) }
}
