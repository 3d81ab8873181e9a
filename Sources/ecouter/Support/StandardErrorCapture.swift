// SPDX-License-Identifier: GPL-3.0-or-later
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a C call with file descriptor 2 pointed at a temporary file, and returns what it printed.
///
/// libespeak-ng reports a missing data file with `fprintf(stderr, …)` before returning an error;
/// ecouter's errors are one line, so the command captures the text (``ProcessSetup`` hands this to
/// ``SpeechEngine/captureStartupMessages(with:)``) and the engine folds it into its error.
/// Descriptor 2 belongs to the process: the library never redirects it itself.
enum StandardErrorCapture {
    static func run<T>(_ body: () -> T) -> (T, String) {
        fflush(nil)  // every C stream, stderr included
        let saved = dup(2)
        guard saved >= 0, let file = tmpfile() else { return (body(), "") }
        defer { fclose(file) }
        dup2(fileno(file), 2)
        let result = body()
        fflush(nil)  // every C stream, stderr included
        dup2(saved, 2)
        close(saved)
        rewind(file)
        var text: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1024)
        while text.count < 4096 {
            let n = fread(&buffer, 1, buffer.count, file)
            if n <= 0 { break }
            text += buffer[0..<n]
        }
        let message = String(decoding: text, as: UTF8.self)
            .split(whereSeparator: \.isNewline).map { $0.trimmingSpaces() }.filter { !$0.isEmpty }.joined(separator: "; ")
        return (result, message)
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        var s = self
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
