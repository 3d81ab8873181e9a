// SPDX-License-Identifier: GPL-3.0-or-later
// The cleanup rules are data (voices/cleanup-rules.txt); this file reads them and answers
// "what is this line?" for the cleaner. Matching is on folded text (see TextShape.folded).

/// Rules that tell site chrome from article text in scraped pages.
///
/// The rules are plain text, one per line: a kind (`line`, `prefix`, `contains`, `end`,
/// `section`), a space, and a phrase. The built-in set ships as `voices/cleanup-rules.txt`
/// and is also compiled into the library; users extend it with their own file.
public struct CleanupRules: Sendable, Equatable {
    /// What a matching line means.
    public enum Kind: String, Sendable, CaseIterable {
        /// Drop a line that is exactly the phrase.
        case line
        /// Drop a short line that starts with the phrase.
        case prefix
        /// Drop a line of moderate length that contains the phrase (cookie notices).
        case contains
        /// The line and everything after it are not the article.
        case end
        /// A "read also" heading: the line and the teasers after it are dropped.
        case section
    }

    /// One rule: a kind and the phrase it matches, as written in the file.
    public struct Rule: Sendable, Equatable {
        public var kind: Kind
        public var phrase: String
        /// Creates a rule.
        public init(kind: Kind, phrase: String) {
            self.kind = kind
            self.phrase = phrase
        }
    }

    /// The rules, in file order.
    public private(set) var rules: [Rule]

    // Folded phrases, indexed by kind, for matching.
    private var exact: [String: Kind] = [:]
    private var prefixes: [[UInt8]] = []
    private var containing: [[UInt8]] = []
    private var sections: [[UInt8]] = []

    /// Creates a rule set from rules.
    public init(rules: [Rule]) {
        self.rules = []
        for rule in rules { add(rule) }
    }

    /// Reads rules written in the rules-file format.
    ///
    /// Blank lines and lines starting with `#` are ignored.
    /// - Throws: `ExtractionError` with code `.invalidRules` naming the first line whose kind is unknown
    ///   or whose phrase is empty.
    public init(parsing text: String) throws(ExtractionError) {
        var parsed: [Rule] = []
        var number = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = TextShape.collapsedWhitespace(rawLine)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: " ", maxSplits: 1)
            guard let kind = Kind(rawValue: String(parts[0])) else {
                throw ExtractionError(.invalidRules, "rules line \(number): unknown kind \"\(parts[0])\" (expected line, prefix, contains, end or section)")
            }
            guard parts.count == 2, !TextShape.folded(String(parts[1])).isEmpty else {
                throw ExtractionError(.invalidRules, "rules line \(number): \"\(kind.rawValue)\" needs a phrase")
            }
            parsed.append(Rule(kind: kind, phrase: String(parts[1])))
        }
        self.init(rules: parsed)
    }

    /// The rules shipped with ecouter (the same text as `voices/cleanup-rules.txt`).
    public static let builtIn: CleanupRules = {
        do { return try CleanupRules(parsing: builtInCleanupRulesText) } catch {
            preconditionFailure("built-in cleanup rules do not parse: \(error)")
        }
    }()

    /// These rules followed by `other`'s.
    public func merging(_ other: CleanupRules) -> CleanupRules {
        CleanupRules(rules: rules + other.rules)
    }

    /// Two rule sets are equal when they hold the same rules in the same order.
    public static func == (lhs: CleanupRules, rhs: CleanupRules) -> Bool { lhs.rules == rhs.rules }

    private mutating func add(_ rule: Rule) {
        rules.append(rule)
        let phrase = TextShape.folded(rule.phrase)
        switch rule.kind {
        case .line: exact[phrase] = exact[phrase] ?? .line
        case .end: exact[phrase] = .end
        case .section: exact[phrase] = .section; sections.append(Array(phrase.utf8))
        // A prefix written with its colon ("Tags :") only matches lines that have the colon.
        case .prefix: prefixes.append(Array(TextShape.folded(rule.phrase, keepingTrailingPunctuation: true).utf8))
        case .contains: containing.append(Array(TextShape.folded(rule.phrase, keepingTrailingPunctuation: true).utf8))
        }
    }

    // MARK: Matching

    /// What a rule says about one line.
    enum Verdict: Equatable {
        case keep
        case drop
        case end
        /// A "read also" heading alone on its line: teasers follow.
        case sectionHeading
    }

    static let prefixMaxLength = 160
    static let containsMaxLength = 600
    static let inlineSectionMaxLength = 250
    /// Where the colon after an end marker's label may stand ("Mots-clés :", "Les plus lus :").
    static let endLabelMaxLength = 40

    /// Classifies a line (already whitespace-collapsed).
    func verdict(for line: String) -> Verdict {
        // No rule matches a long line (exact phrases are short, the other kinds have length caps).
        if line.utf8.count > 4 * CleanupRules.containsMaxLength { return .keep }
        let folded = TextShape.folded(line)
        if folded.isEmpty { return line.isEmpty ? .keep : .drop }
        // Counters and player times alone on a line: "12", "(3)", "00:00 / 05:13".
        if folded.utf8.count <= 20, folded.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || " :/()[]-.".utf8.contains($0) }) {
            return .drop
        }
        if folded.utf8.count <= 40, CleanupRules.isReadingTime(folded) || CleanupRules.isPlayerLabel(folded) { return .drop }
        if let kind = exact[folded] ?? exact[CleanupRules.withoutTrailingCount(folded)] {
            switch kind {
            case .end: return .end
            case .section: return .sectionHeading
            default: return .drop
            }
        }
        let bytes = Array(folded.utf8)
        if isMenuLine(folded, bytes) { return .drop }
        let length = line.count
        if length <= CleanupRules.inlineSectionMaxLength {
            for phrase in sections where bytes.starts(with: phrase) {
                // "Lire aussiVannes : le port…": the label glued to its link's text when the
                // page was copied (no space between two elements).
                if startsWithWord(bytes, phrase) {
                    // "Lire aussi : titre", "Lire aussi | titre": a one-line teaser.
                    let rest = bytes[phrase.count...].drop(while: { $0 == 0x20 })
                    if let mark = rest.first, Array(":|-/>\"".utf8).contains(mark) || rest.starts(with: [0xC2, 0xBB]) { return .drop }
                } else if CleanupRules.isGluedLabel(line, labelLength: String(decoding: phrase, as: UTF8.self).count) {
                    return .drop
                }
            }
        }
        if length <= CleanupRules.prefixMaxLength {
            // "Mots-clés : Toulouse, Garonne", "Tags : Quimper": an end marker with its list on the same line.
            // One lookup: the words before the first colon (folding removed the space before it).
            if let colon = bytes.prefix(CleanupRules.endLabelMaxLength).firstIndex(of: 0x3A),
                exact[String(decoding: bytes[..<colon], as: UTF8.self)] == .end {
                return .end
            }
            for phrase in prefixes where startsWithWord(bytes, phrase) { return .drop }
        }
        if length <= CleanupRules.containsMaxLength {
            for phrase in containing where CleanupRules.contains(bytes, phrase) { return .drop }
        }
        return .keep
    }

    /// Whether the line's first `labelLength` characters (a section label, folding keeps one
    /// character per character) end in lowercase and a capital follows at once: "Lire aussiVannes".
    static func isGluedLabel(_ line: String, labelLength: Int) -> Bool {
        var index = line.startIndex
        var previous: Character?
        for _ in 0..<labelLength {
            guard index < line.endIndex else { return false }
            previous = line[index]
            index = line.index(after: index)
        }
        guard index < line.endIndex, let previous, previous.isLowercase else { return false }
        return line[index].isUppercase
    }

    /// "Lecture 3 min", "Temps de lecture : 4 minutes", "3 min de lecture".
    static func isReadingTime(_ folded: String) -> Bool {
        let words = TextShape.words(folded)
        let vocabulary: Set<Substring> = ["temps", "de", "lecture", "min", "minutes", "minute", "mn", "environ", "lu", "en"]
        return words.contains("lecture") && words.contains { $0.allSatisfy(\.isNumber) }
            && words.allSatisfy { vocabulary.contains($0) || $0.allSatisfy(\.isNumber) }
    }

    /// A player's button with its length: "Écouter (5 min)", "Réécouter 12 min", "Lire la vidéo 2:31".
    static func isPlayerLabel(_ folded: String) -> Bool {
        let words = TextShape.words(folded)
        let verbs: Set<Substring> = ["ecouter", "reecouter", "regarder", "lire", "voir"]
        let vocabulary: Set<Substring> = ["la", "le", "l", "cet", "article", "video", "podcast", "emission", "episode",
                                          "min", "mn", "minute", "minutes", "s", "sec", "h", "duree"]
        guard let first = words.first, verbs.contains(first), words.count >= 2 else { return false }
        return words.contains { $0.allSatisfy(\.isNumber) }
            && words.dropFirst().allSatisfy { vocabulary.contains($0) || $0.allSatisfy(\.isNumber) }
    }

    /// "commentaires (12)" -> "commentaires", "reagir 3" -> "reagir".
    static func withoutTrailingCount(_ folded: String) -> String {
        var scalars = folded.unicodeScalars[...]
        var removedDigit = false
        while let last = scalars.last, last == " " || last == "(" || last == ")" || last.properties.numericType != nil {
            if last.properties.numericType != nil { removedDigit = true }
            scalars = scalars.dropLast()
        }
        return removedDigit ? String(String.UnicodeScalarView(scalars)) : folded
    }

    /// Plain byte search; lines and phrases are short (lines above 600 characters are never searched).
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < needle.count, haystack[i + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    /// "partager | imprimer | reagir": every part between separators is a `line` rule.
    private func isMenuLine(_ folded: String, _ bytes: [UInt8]) -> Bool {
        // Quick rejection: no separator byte at all ("·" and "•" start with 0xC2 / 0xE2).
        guard bytes.contains(where: { $0 == 0x7C || $0 == 0x2F || $0 == 0xC2 || $0 == 0xE2 }) else { return false }
        let parts = folded.split(whereSeparator: { $0 == "|" || $0 == "·" || $0 == "•" || $0 == "/" })
        guard parts.count >= 2, parts.count <= 12 else { return false }
        return parts.allSatisfy { part in
            let trimmed = TextShape.folded(String(part))
            return trimmed.isEmpty || exact[trimmed] == .line
        }
    }

    /// `text` starts with `phrase`, and the phrase ends at a word boundary.
    private func startsWithWord(_ text: [UInt8], _ phrase: [UInt8]) -> Bool {
        guard text.starts(with: phrase) else { return false }
        guard let last = phrase.last, isWordByte(last) else { return true }
        return phrase.count == text.count || !isWordByte(text[phrase.count])
    }

    /// ASCII letters and digits, and every byte of a non-ASCII letter.
    private func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b >= 0x80
    }
}
