// SPDX-License-Identifier: GPL-3.0-or-later

/// Feminine nouns frequent in news text, for number agreement: "21 pages" → "vingt et une pages",
/// "1 fois" → "une fois". Singular and plural forms, lower case.
enum FeminineNouns {
    /// The lines of voices/tables/feminine-nouns.tsv (`word<TAB>feminine|adjective|masculine`).
    static let table: [(word: String, kind: String)] = parse(EmbeddedTables.table("feminine-nouns"))

    /// Reads `word<TAB>kind` lines; comments ("# ") and blank lines are skipped, and so is any other
    /// line (the generator refuses them before they get here).
    static func parse(_ tsv: String) -> [(word: String, kind: String)] {
        TableText.lines(tsv).compactMap { line in
            let fields = TableText.fields(line)
            guard !line.hasPrefix("# "), fields.count == 2, ["feminine", "adjective", "masculine"].contains(fields[1])
            else { return nil }
            return (String(fields[0]), String(fields[1]))
        }
    }

    private static func words(tagged kind: String) -> Set<String> { Set(table.filter { $0.kind == kind }.map(\.word)) }

    static let nouns: Set<String> = words(tagged: "feminine")

    /// Feminine adjectives that may stand between the number and the noun ("21 nouvelles pages").
    static let adjectives: Set<String> = words(tagged: "adjective")

    /// Masculine nouns that end like feminine ones ("un comité", "un musée", "un bastion").
    static let masculineExceptions: Set<String> = words(tagged: "masculine")

    /// Endings that are nearly always feminine: "-tion", "-sion", "-ité", "-ance", "-ence", "-ette",
    /// "-esse", "-euse", "-trice", "-ière", "-ée", "-ure" (singular or plural).
    static let feminineEndings: [String] = [
        "tion", "sion", "ité", "ance", "ence", "ette", "esse", "euse", "trice", "ière", "ée", "ure",
        "ie", "ade", "ine", "elle", "aille", "ouille", "ise",
    ]

    /// The endings as scalars, compared from the end of the word without building substrings.
    private static let endingScalars: [[Unicode.Scalar]] = feminineEndings.map { Array($0.unicodeScalars) }

    /// Whether `word` (lower case) is a feminine noun: listed, or with a feminine ending and no exception.
    static func isFeminine(_ word: String) -> Bool {
        if nouns.contains(word) { return true }
        if masculineExceptions.contains(word) { return false }
        let scalars = Array(word.unicodeScalars)
        var n = scalars.count
        if n > 0 && scalars[n - 1] == "s" { n -= 1 }  // plural
        guard n >= 5 else { return false }
        func endsWith(_ ending: [Unicode.Scalar]) -> Bool {
            guard ending.count <= n else { return false }
            var k = 0
            while k < ending.count {
                if scalars[n - ending.count + k] != ending[k] { return false }
                k += 1
            }
            return true
        }
        // "-ine" but not "-aine"/"-oine" ("domaine", "moine" are masculine; "semaine" is listed).
        if endsWith(["a", "i", "n", "e"]) || endsWith(["o", "i", "n", "e"]) { return false }
        return endingScalars.contains(where: endsWith)
    }

    static func isAdjective(_ word: String) -> Bool { adjectives.contains(word) }
}
