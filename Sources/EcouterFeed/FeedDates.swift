// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// Dates as feeds write them (RFC 822 in RSS, RFC 3339 in Atom and JSON Feed), and as podcast apps want them.
enum FeedDates {
    private static let rfc822Patterns = [
        "EEE, dd MMM yyyy HH:mm:ss Z", "EEE, dd MMM yyyy HH:mm:ss zzz", "dd MMM yyyy HH:mm:ss Z",
        "EEE, dd MMM yyyy HH:mm Z", "EEE, d MMM yyyy HH:mm:ss Z", "EEE, dd MMM yy HH:mm:ss Z",
    ]

    private static func formatter(_ pattern: String) -> DateFormatter {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(secondsFromGMT: 0)
        f.dateFormat = pattern
        return f
    }

    /// Parses RFC 822 or RFC 3339 (with or without fractional seconds); nil otherwise.
    static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count < 64 else { return nil }
        let iso = ISO8601DateFormatter()
        if let date = iso.date(from: trimmed) { return date }
        iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = iso.date(from: trimmed) { return date }
        iso.formatOptions = [.withFullDate]
        if let date = iso.date(from: trimmed) { return date }
        for pattern in rfc822Patterns {
            if let date = formatter(pattern).date(from: trimmed) { return date }
        }
        return nil
    }

    /// RFC 822 as RSS `pubDate` wants it: `Mon, 02 Mar 2026 07:00:00 +0000`.
    static func rfc822(_ date: Date) -> String {
        formatter("EEE, dd MMM yyyy HH:mm:ss Z").string(from: date)
    }

    /// RFC 3339 in UTC, for the manifest.
    static func rfc3339(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }

    /// A day for people: `2026-03-02`.
    static func day(_ date: Date) -> String {
        formatter("yyyy-MM-dd").string(from: date)
    }

    /// `H:MM:SS` (or `M:SS` under an hour), as `itunes:duration` accepts.
    static func clock(_ seconds: Double) -> String {
        let s = max(0, Int(seconds.rounded()))
        let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60)
        return h > 0 ? String(format: "%d:%02d:%02d", h, m, sec) : String(format: "%d:%02d", m, sec)
    }
}

/// Escapes text for XML and HTML element content and double-quoted attributes.
func escapeMarkup(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default:
            // Control characters other than tab and newlines are not allowed in XML 1.0.
            if scalar.value < 0x20, scalar != "\t", scalar != "\n", scalar != "\r" { out += " " }
            else if scalar.value == 0xFFFE || scalar.value == 0xFFFF { out += " " }
            else { out.unicodeScalars.append(scalar) }
        }
    }
    return out
}
