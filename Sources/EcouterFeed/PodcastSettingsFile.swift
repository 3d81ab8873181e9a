// SPDX-License-Identifier: GPL-3.0-or-later
public import EcouterCore
import Foundation

/// Reads ``PodcastSettings`` from a small file beside the feed, JSON or (by its `.toml` extension) TOML:
///
/// ```json
/// { "image": "https://journal.example/podcast.jpg", "owner-name": "Le Journal",
///   "owner-email": "podcast@journal.example", "category": ["News/Daily News", "News/Politics"],
///   "explicit": false, "locked": true }
/// ```
///
/// Keys are the flags' names; an unknown key or a value of the wrong type is an error, so that a
/// typo does not silently leave a setting out.
public enum PodcastSettingsFile {
    /// The keys a file may set.
    static let keys = ["image", "owner-name", "owner-email", "author", "category", "explicit", "locked", "copyright"]

    /// Largest file accepted: settings are a few hundred bytes.
    static let maximumBytes = 64 << 10

    /// - Throws: ``FeedError/Code/usage`` with a one-line reason (unreadable, malformed, unknown key,
    ///   wrong type, unknown category, bad URL or address).
    public static func load(path: String) throws(FeedError) -> PodcastSettings {
        // Read at most one byte past the limit: a device or a huge file is refused without being read whole.
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw FeedError(.usage, "cannot read the podcast settings \(path): \(SystemError.current)")
        }
        defer { try? handle.close() }
        let data: Data
        do { data = try handle.read(upToCount: maximumBytes + 1) ?? Data() } catch {
            throw FeedError(.usage, "cannot read the podcast settings \(path): \(error.localizedDescription)")
        }
        guard data.count <= maximumBytes else { throw FeedError(.usage, "\(path): a podcast settings file is at most 64 KiB") }
        guard let text = String(data: data, encoding: .utf8) else { throw FeedError(.usage, "\(path) is not UTF-8 text") }
        let table: [String: SettingValue]
        if path.lowercased().hasSuffix(".toml") {
            table = try TOMLTable.parse(text, path: path)
        } else {
            do { table = try JSONDecoder().decode([String: SettingValue].self, from: data) } catch {
                throw FeedError(.usage, "\(path) is not a JSON object of settings (use a .toml name for TOML)")
            }
        }
        return try settings(from: table, path: path)
    }

    static func settings(from table: [String: SettingValue], path: String) throws(FeedError) -> PodcastSettings {
        if let unknown = table.keys.sorted().first(where: { !keys.contains($0) }) {
            throw FeedError(.usage, "\(path): unknown key \"\(unknown)\" (known: \(keys.joined(separator: ", ")))")
        }
        func string(_ key: String) throws(FeedError) -> String? {
            guard let value = table[key] else { return nil }
            guard case .string(let text) = value else { throw FeedError(.usage, "\(path): \"\(key)\" must be a string") }
            return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : text
        }
        func bool(_ key: String) throws(FeedError) -> Bool? {
            guard let value = table[key] else { return nil }
            guard case .bool(let flag) = value else { throw FeedError(.usage, "\(path): \"\(key)\" must be true or false") }
            return flag
        }
        var categories: [PodcastCategory]?
        if let value = table["category"] {
            let names: [String]
            switch value {
            case .string(let one): names = [one]
            case .list(let many) where !many.isEmpty: names = many
            default: throw FeedError(.usage, "\(path): \"category\" must be a string or a list of strings")
            }
            var parsed: [PodcastCategory] = []
            for name in names {
                do throws(FeedError) { parsed.append(try PodcastCategory(parsing: name)) } catch { throw FeedError(.usage, "\(path): \(error.message)") }
            }
            categories = parsed
        }
        return try PodcastSettings(
            image: string("image"), ownerName: string("owner-name"), ownerEmail: string("owner-email"), author: string("author"),
            categories: categories, explicit: bool("explicit"), locked: bool("locked"), copyright: string("copyright")
        ).validated { "\(path): \"\($0)\"" }
    }
}

/// One value of a settings file: the only shapes the settings take.
enum SettingValue: Decodable, Equatable {
    case string(String)
    case bool(Bool)
    case list([String])
    /// Anything else (a number, an object, null): refused by the key that receives it.
    case other

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) { self = .string(text) }
        else if let flag = try? container.decode(Bool.self) { self = .bool(flag) }
        else if let list = try? container.decode([String].self) { self = .list(list) }
        else { self = .other }
    }
}
