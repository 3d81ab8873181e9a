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
    private var prefixes: [String] = []
    private var containing: [String] = []
    private var sections: [String] = []

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
        case .section: exact[phrase] = .section; sections.append(phrase)
        case .prefix: prefixes.append(phrase)
        case .contains: containing.append(phrase)
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

    /// Classifies a line (already whitespace-collapsed).
    func verdict(for line: String) -> Verdict {
        let folded = TextShape.folded(line)
        if folded.isEmpty { return line.isEmpty ? .keep : .drop }
        if let kind = exact[folded] {
            switch kind {
            case .end: return .end
            case .section: return .sectionHeading
            default: return .drop
            }
        }
        if isMenuLine(folded) { return .drop }
        let length = line.count
        if length <= CleanupRules.inlineSectionMaxLength {
            for phrase in sections where startsWithWord(folded, phrase) {
                // "Lire aussi : titre", "Lire aussi | titre": a one-line teaser.
                let rest = folded.dropFirst(phrase.count).drop(while: { $0 == " " })
                if let mark = rest.first, ":|-/>»\"".contains(mark) { return .drop }
            }
        }
        if length <= CleanupRules.prefixMaxLength {
            for phrase in prefixes where startsWithWord(folded, phrase) { return .drop }
        }
        if length <= CleanupRules.containsMaxLength {
            for phrase in containing where folded.contains(phrase) { return .drop }
        }
        return .keep
    }

    /// "partager | imprimer | reagir": every part between separators is a `line` rule.
    private func isMenuLine(_ folded: String) -> Bool {
        let parts = folded.split(whereSeparator: { $0 == "|" || $0 == "·" || $0 == "•" || $0 == "/" })
        guard parts.count >= 2 else { return false }
        return parts.allSatisfy { part in
            let trimmed = TextShape.folded(String(part))
            return trimmed.isEmpty || exact[trimmed] == .line
        }
    }

    /// `text` starts with `phrase`, and the phrase ends at a word boundary.
    private func startsWithWord(_ text: String, _ phrase: String) -> Bool {
        guard text.hasPrefix(phrase) else { return false }
        guard let last = phrase.last, last.isLetter || last.isNumber else { return true }
        let next = text.dropFirst(phrase.count).first
        return next.map { !($0.isLetter || $0.isNumber) } ?? true
    }
}
