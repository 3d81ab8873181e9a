// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by every harness: libFuzzer's bytes as Swift values, and a violated invariant as a crash
// libFuzzer records (it keeps the input that caused it).

/// The bytes libFuzzer hands over, copied (the buffer is only valid during the call).
func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

/// The bytes as text, the way a caller that already decoded them would pass them: invalid UTF-8
/// becomes U+FFFD (the command refuses such files earlier, the library's callers may not).
func fuzzText(_ data: UnsafePointer<UInt8>?, _ size: Int) -> String {
    String(decoding: fuzzBytes(data, size), as: UTF8.self)
}

/// Stops the run with `message` when `condition` is false; libFuzzer saves the input as a crash.
func invariant(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError("invariant violated: \(message())") }
}
