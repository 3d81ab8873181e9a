// SPDX-License-Identifier: GPL-3.0-or-later

/// The part of TOML (https://toml.io/en/v1.0.0) a flat settings file needs, read without a package
/// dependency: `key = value` lines at the top level, with basic ("…", escapes) and literal ('…')
/// strings, `true`/`false`, one-line arrays of strings, `#` comments and blank lines.
///
/// Anything beyond that (tables, numbers, dates, multi-line strings, dotted keys) is refused with the
/// line number rather than misread.
enum TOMLTable {
    static func parse(_ text: String, path: String) throws(FeedError) -> [String: SettingValue] {
        var table: [String: SettingValue] = [:]
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(raw.unicodeScalars.last == "\r" ? String(raw.dropLast()) : String(raw))
            func fail(_ reason: String) -> FeedError { FeedError(.usage, "\(path):\(index + 1): \(reason)") }
            skipSpaces(&line)
            if line.isEmpty || line.first == "#" { continue }
            let key = line.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
            guard !key.isEmpty else { throw fail(line.first == "[" ? "TOML tables are not settings; write key = value lines" : "expected key = value") }
            line = line.dropFirst(key.count)
            skipSpaces(&line)
            guard line.first == "=" else { throw fail("expected = after \(key)") }
            line = line.dropFirst()
            skipSpaces(&line)
            let value: SettingValue
            if line.hasPrefix("true") { value = .bool(true); line = line.dropFirst(4) }
            else if line.hasPrefix("false") { value = .bool(false); line = line.dropFirst(5) }
            else if line.first == "[" {
                line = line.dropFirst()
                var items: [String] = []
                while true {
                    skipSpaces(&line)
                    if line.first == "]" { line = line.dropFirst(); break }
                    guard let item = try string(&line, fail: fail) else { throw fail("an array here holds strings, on one line") }
                    items.append(item)
                    skipSpaces(&line)
                    if line.first == "," { line = line.dropFirst() } else if line.first != "]" { throw fail("expected , or ] in the array") }
                }
                value = .list(items)
            } else if let text = try string(&line, fail: fail) {
                value = .string(text)
            } else {
                throw fail("\(key): expected a quoted string, true, false or an array of strings")
            }
            skipSpaces(&line)
            guard line.isEmpty || line.first == "#" else { throw fail("unexpected text after the value of \(key)") }
            guard table[String(key)] == nil else { throw fail("\(key) is set twice") }
            table[String(key)] = value
        }
        return table
    }

    private static func skipSpaces(_ line: inout Substring) {
        while let c = line.first, c == " " || c == "\t" { line = line.dropFirst() }
    }

    /// A basic or literal string at the start of `line`, consumed; nil when none starts there.
    private static func string(_ line: inout Substring, fail: (String) -> FeedError) throws(FeedError) -> String? {
        guard let quote = line.first, quote == "\"" || quote == "'" else { return nil }
        var scalars = line.unicodeScalars.dropFirst()
        var out = String.UnicodeScalarView()
        while true {
            guard let c = scalars.popFirst() else { throw fail("unterminated string") }
            if c == quote.unicodeScalars.first! { break }
            guard quote == "\"", c == "\\" else { out.append(c); continue }
            guard let escape = scalars.popFirst() else { throw fail("unterminated string") }
            switch escape {
            case "\"": out.append("\"")
            case "\\": out.append("\\")
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "r": out.append("\r")
            case "u", "U":
                let count = escape == "u" ? 4 : 8
                let digits = String(String.UnicodeScalarView(scalars.prefix(count)))
                guard digits.count == count, let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value) else {
                    throw fail("bad \\\(escape) escape")
                }
                scalars = scalars.dropFirst(count)
                out.append(scalar)
            default: throw fail("unknown escape \\\(escape)")
            }
        }
        line = Substring(scalars)
        return String(out)
    }
}
