// SPDX-License-Identifier: GPL-3.0-or-later
// Scraped page text -> Article. One pass over lines with the rules, then the header and
// trailer zones (bylines, dates, footnotes), then paragraphs. Conservative: a line that no
// rule and no shape test recognises is kept.
import EcouterCore

/// Turns the text of a scraped page into an article: chrome dropped, title and paragraphs kept.
struct PageTextCleaner {
    var rules: CleanupRules

    /// A kept line and the blank-line-separated group it came from.
    private struct Line {
        var text: String
        var group: Int
        /// Chrome lines were dropped right before / right after this one.
        var chromeBefore = false
        var chromeAfter = false
        /// A comment thread's heading was dropped right after this line: the article ends here.
        var commentsAfter = false
    }

    func article(from text: String) -> Article {
        let groups = splitIntoGroups(text)
        var kept = keptLines(groups)
        dropAuthorBox(&kept)
        var title: String?
        if let selected = classifiedLines(kept) {
            kept = selected.lines
            title = selected.title ?? takeTitle(&kept)
        } else {
            title = takeTitle(&kept)
        }
        dropHeaderZone(&kept)
        dropTrailerZone(&kept)
        let blocks = paragraphs(kept)
        return Article(title: title, blocks: blocks)
    }

    // MARK: Lines and groups

    /// Lines, whitespace-collapsed, grouped by blank lines. Empty groups are not kept.
    private func splitIntoGroups(_ text: String) -> [[String]] {
        var groups: [[String]] = []
        var current: [String] = []
        for raw in TextLines.split(text) {
            let line = TextShape.collapsedWhitespace(raw)
            if line.isEmpty {
                if !current.isEmpty { groups.append(current); current = [] }
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { groups.append(current) }
        return groups
    }

    /// Applies the rules: drops chrome lines, cuts at end markers, skips "read also" teasers.
    private func keptLines(_ groups: [[String]]) -> [Line] {
        var kept: [Line] = []
        // Whether the article's body has begun, so that an end marker is the page's end and not
        // a toolbar entry above the text ("Commentaires (34)" beside the byline). The title and
        // the standfirst are not the body: it takes two prose paragraphs, or (hard-wrapped text,
        // short lines) enough characters in lines longer than menu entries.
        var sawProse = false
        var proseLines = 0
        var longLineCharacters = 0
        var skippingTeasers = false
        var lastDropped = false
        // A "Notes" heading after the text, then the numbered notes: none of it is read.
        var skippingNotes = false
        // An interview's questions stay questions after a "Lire aussi" run, not teasers.
        let interview = isInterview(groups)
        groupLoop: for (g, group) in groups.enumerated() {
            if skippingNotes {
                if startsWithNote(group) { continue }
                skippingNotes = false
            }
            if skippingTeasers {
                if isTeaserGroup(group), !group.contains(where: closesTeasers) { continue }
                // A teaser's summary set apart by blank lines, with another teaser after it.
                if g + 1 < groups.count, isTeaserGroup(groups[g + 1]), !group.contains(where: closesTeasers),
                    group.reduce(0, { $0 + $1.count }) <= Self.teaserSummaryLimit {
                    continue
                }
                skippingTeasers = false
            }
            var index = 0
            // The last line dropped in this group: a hard-wrapped line that continues it
            // ("Lire aussi : Logement des saisonniers : les stations cherchent" / "des solutions") goes too.
            var droppedLine: String?
            while index < group.count {
                // A text-mode browser's link numbers go before the rules see the line ("[11]Valais").
                let line = TextShape.removingFootnoteMarkers(group[index])
                index += 1
                if sawProse, isNotesHeading(line), index == group.count, g + 1 < groups.count, startsWithNote(groups[g + 1]) {
                    skippingNotes = true
                    lastDropped = true
                    continue
                }
                var verdict = rules.verdict(for: line)
                if verdict == .keep, let dropped = droppedLine, runsOn(dropped, into: line) { verdict = .drop }
                droppedLine = verdict == .drop ? line : nil
                switch verdict {
                case .keep:
                    let text = line
                    kept.append(Line(text: text, group: g, chromeBefore: lastDropped))
                    lastDropped = false
                    if text.count >= Self.proseLineLength, TextShape.endsSentence(text) { proseLines += 1 }
                    if text.count >= Self.menuEntryLength { longLineCharacters += text.count }
                    if proseLines >= 2 || longLineCharacters >= Self.bodyCharacters { sawProse = true }
                case .drop:
                    if !kept.isEmpty {
                        kept[kept.count - 1].chromeAfter = true
                        if opensComments(line) { kept[kept.count - 1].commentsAfter = true }
                    }
                    lastDropped = true
                    continue
                case .end:
                    // An end marker before any real paragraph is a menu entry, not the end.
                    if sawProse { break groupLoop }
                    if !kept.isEmpty, opensComments(line) { kept[kept.count - 1].commentsAfter = true }
                case .sectionHeading:
                    // Teasers on the following lines of this group, then whole teaser groups.
                    let teasersStart = index
                    // A comment thread's heading or an end marker stops the teasers: it is handled as itself.
                    while index < group.count, !closesTeasers(group[index]) {
                        // An interview goes on with its next question and the answer under it
                        // (which a teaser's summary would otherwise look like).
                        if interview, index > teasersStart, resumesWithQuestion(group[index], next: index + 1 < group.count ? group[index + 1] : nil) {
                            break
                        }
                        if isTeaserLine(group[index]) { index += 1; continue }
                        // A teaser's one-line summary, between two teaser headlines ("Un drame sobre.").
                        let summaryOfTeaser = index > teasersStart && group[index].count <= Self.teaserSummaryLimit
                            && (index + 1 == group.count || isTeaserLine(group[index + 1]))
                        guard summaryOfTeaser else { break }
                        index += 1
                    }
                    if index == group.count { skippingTeasers = true }
                    if resumesWithHeading(group[teasersStart..<index], next: index < group.count ? group[index] : nil) { index -= 1 }
                }
            }
        }
        return kept
    }

    // MARK: Block classification

    /// The article's lines and headline as the block classifier sees them; nil when no line
    /// reads like prose (a short note is then kept as it is).
    private func classifiedLines(_ lines: [Line]) -> (title: String?, lines: [Line])? {
        let blocks = blocksForClassification(lines)
        let texts = blocks.map { $0.map { lines[$0].text }.joined(separator: " ") }
        let walls = blocks.map { lines[$0.last!].commentsAfter }
        guard let selection = BlockClassifier().select(texts, wallsAfter: walls) else { return nil }
        let title = selection.title.map { texts[$0] }
        return (title, selection.kept.flatMap { blocks[$0].map { lines[$0] } })
    }

    private func opensComments(_ line: String) -> Bool {
        line.utf8.count <= 120 && LineFeatures(line, measuringMeta: false).opensComments
    }

    /// Lines grouped into the blocks a reader sees: a hard-wrapped paragraph, or a line that
    /// plainly runs on into the next, is one block; otherwise each line is its own block.
    private func blocksForClassification(_ lines: [Line]) -> [[Int]] {
        var blocks: [[Int]] = []
        var start = 0
        while start < lines.count {
            var end = start
            while end < lines.count, lines[end].group == lines[start].group { end += 1 }
            let hardWrapped = looksHardWrapped(lines[start..<end].map(\.text))
            for i in start..<end {
                if i > start, hardWrapped || runsOn(lines[i - 1].text, into: lines[i].text) {
                    blocks[blocks.count - 1].append(i)
                } else {
                    blocks.append([i])
                }
            }
            start = end
        }
        return blocks
    }

    private func runsOn(_ line: String, into next: String) -> Bool {
        guard !TextShape.endsSentence(line), !TextShape.isListItem(next), let first = next.first else { return false }
        return first.isLowercase
    }

    private func isTeaserLine(_ line: String) -> Bool { TextShape.isTeaserLine(line) }

    /// A line that ends a "read also" run: the comments open, or the page's end is marked.
    private func closesTeasers(_ line: String) -> Bool {
        opensComments(line) || rules.verdict(for: line) == .end
    }

    /// Whether the last line of a "read also" run is the article's next subheading: the teasers
    /// are headlines set "Place : what happened", the last line is not, and a paragraph follows
    /// ("Sur le même sujet / Strasbourg : le sapin installé / Des contrôles à chaque entrée / Les accès…").
    private func resumesWithHeading(_ run: ArraySlice<String>, next: String?) -> Bool {
        guard run.count >= 2, let last = run.last, let next, next.count >= 120, TextShape.endsSentence(next) else { return false }
        return run.dropLast().allSatisfy(TextShape.hasKickerColon) && !TextShape.hasKickerColon(last) && !TextShape.isDateLine(last)
            && last.split(separator: " ").count >= 2
    }

    /// Whether `line` is an interview's question with its answer on the next line ("Lire aussi /
    /// Trains de nuit : la ligne suspendue / Réservé à nos abonnés / Qu'est-ce qui a changé
    /// depuis ? / Le regard sur l'avion, surtout."): a sentence that is not itself a question.
    private func resumesWithQuestion(_ line: String, next: String?) -> Bool {
        guard let next, isQuestionLine(line) else { return false }
        return TextShape.endsSentence(next) && !next.hasSuffix("?") && next.split(separator: " ").count >= 3
    }

    /// A page set in questions and answers: at least three lines that end with a question mark,
    /// each followed by a line of prose that does not.
    private func isInterview(_ groups: [[String]]) -> Bool {
        var pairs = 0
        var previous: String?
        for group in groups {
            for line in group {
                if let previous, isQuestionLine(previous), isAnswerLine(line) {
                    pairs += 1
                    if pairs >= Self.interviewPairs { return true }
                }
                previous = line
            }
        }
        return false
    }

    private func isQuestionLine(_ line: String) -> Bool {
        line.count <= Self.teaserSummaryLimit && line.hasSuffix("?") && line.split(separator: " ").count >= 3
    }

    private func isAnswerLine(_ line: String) -> Bool {
        line.count >= Self.proseLineLength && TextShape.endsSentence(line) && !line.hasSuffix("?")
    }

    /// Question-and-answer pairs that make a page an interview.
    static let interviewPairs = 3

    /// A teaser group: dated, cut off, or only headline-like lines.
    private func isTeaserGroup(_ group: [String]) -> Bool {
        if group.contains(where: TextShape.isDateLine) { return true }
        if let last = group.last, TextShape.endsWithEllipsis(last) { return true }
        return group.allSatisfy(isTeaserLine)
    }

    // MARK: Title, header, trailer

    /// The first line, when it reads like a title (short, not a list item).
    private func takeTitle(_ kept: inout [Line]) -> String? {
        dropLeadingMenu(&kept)
        if kept.count >= 3, kept[0].group == kept[1].group, isKicker(kept[0].text, before: kept[1].text),
            kept[2].group != kept[1].group || kept[2].text.first?.isUppercase == true {
            kept.removeFirst()
        }
        guard let first = kept.first else { return nil }
        let text = first.text
        guard text.count <= 200, !TextShape.isListItem(text) else { return nil }
        // A lone short sentence followed by nothing is still the title (nothing else to read).
        if text.hasSuffix("."), text.count > 120, kept.count > 1 { return nil }
        kept.removeFirst()
        return text
    }

    /// A menu copied with the page ("Accueil", "Actualités", "Chroniques", "Agenda") before the
    /// headline: two or more menu-like lines, then a line that reads like a title.
    private func dropLeadingMenu(_ kept: inout [Line]) {
        var run = 0
        while run < kept.count, isMenuItem(kept[run].text) { run += 1 }
        guard run >= 2, run + 1 < kept.count else { return }
        let next = kept[run].text
        guard next.split(separator: " ").count >= 3, next.count <= 200, !next.hasSuffix(".") else { return }
        kept.removeFirst(run)
    }

    /// A short label: at most four words, no sentence punctuation, not a list item.
    private func isMenuItem(_ line: String) -> Bool {
        line.count <= 40 && line.split(separator: " ").count <= 4 && !TextShape.endsSentence(line)
            && !TextShape.isListItem(line) && !line.hasSuffix(",")
    }

    /// A section label above the headline ("Économie", "Faits divers"): at most three words,
    /// no punctuation, followed by a longer line that is not a sentence.
    private func isKicker(_ line: String, before next: String) -> Bool {
        let words = line.split(separator: " ")
        guard words.count <= 3, line.count <= 30, !TextShape.endsSentence(line),
            line.allSatisfy({ $0.isLetter || $0 == " " || $0 == "-" || $0 == "'" || $0 == "’" }) else { return false }
        let nextWords = next.split(separator: " ").count
        return nextWords >= 4 && next.count <= 200 && !next.hasSuffix(".") && !TextShape.isListItem(next)
    }

    /// Bylines, dates and reading times in the page header: among the first few lines after the
    /// title (a subtitle may come first), up to the first real paragraph.
    private func dropHeaderZone(_ kept: inout [Line]) {
        var index = 0
        var looked = 0
        while index < kept.count, looked < 6, kept[index].text.count < 200 {
            looked += 1
            if isMetaLine(kept[index].text) { kept.remove(at: index) } else { index += 1 }
        }
    }

    /// Signatures, dates and footnotes after the last paragraph; then a trailing run of two or more
    /// menu-like labels (footer links, tag lists) after the last sentence.
    private func dropTrailerZone(_ kept: inout [Line]) {
        dropMetaTrailer(&kept)
        var run = 0
        while run < kept.count, isMenuItem(kept[kept.count - 1 - run].text) { run += 1 }
        let sandwiched = run == 1 && kept[kept.count - 1].chromeBefore && kept[kept.count - 1].chromeAfter
        if run >= 2 || sandwiched, run < kept.count {
            kept.removeLast(run)
            dropMetaTrailer(&kept)
        }
    }

    /// The author's box near the end of the page: a bare name, then a line presenting them by
    /// their trade ("Nadia Benali" / "Journaliste au service économie…"). Looked for among the
    /// last lines before the classifier runs (it would drop the name and keep the sentence).
    private func dropAuthorBox(_ kept: inout [Line]) {
        let window = max(0, kept.count - Self.authorBoxWindow)..<max(0, kept.count - 1)
        guard let start = window.first(where: { TextShape.isBareName(kept[$0].text) && TextShape.isAuthorBio(kept[$0 + 1].text) })
        else { return }
        kept.removeSubrange(start...(start + 1))
    }

    /// Longest line taken for a teaser's summary inside a "read also" run.
    static let teaserSummaryLimit = 160

    /// A kept line this long that ends a sentence is a prose paragraph (the standfirst is one).
    static let proseLineLength = 100
    /// Lines shorter than this are menu entries, buttons and labels, not text being read.
    static let menuEntryLength = 50
    /// Characters in longer lines that show a hard-wrapped body has begun (about two paragraphs).
    static let bodyCharacters = 600

    /// How far from the end of the page an author's box is looked for (tags, links and the
    /// footer come after it).
    static let authorBoxWindow = 20

    private func dropMetaTrailer(_ kept: inout [Line]) {
        var dropped = 0
        while dropped < 12, let last = kept.last {
            let text = last.text
            // The author's box: "Nadia Benali" / "Journaliste au service économie, spécialiste de…".
            if kept.count >= 3, TextShape.isAuthorBio(text), TextShape.isBareName(kept[kept.count - 2].text) {
                kept.removeLast(2)
                dropped += 2
                continue
            }
            if isMetaLine(text) || TextShape.isFootnoteLine(text) || isNotesHeading(text) {
                kept.removeLast()
                dropped += 1
            } else {
                break
            }
        }
    }

    private func isMetaLine(_ text: String) -> Bool {
        TextShape.isBylineLine(text) || TextShape.isDateLine(text) || TextShape.isBylineWithDate(text)
    }

    /// A group of notes: it opens with "1. …" or "[1] …".
    private func startsWithNote(_ group: [String]) -> Bool {
        guard let first = group.first else { return false }
        return TextShape.isNumberedItem(first) || TextShape.isFootnoteLine(first)
    }

    private func isNotesHeading(_ text: String) -> Bool {
        guard text.utf8.count <= 80 else { return false }  // the longest heading below is 19 bytes
        let folded = TextShape.folded(text)
        return folded == "notes" || folded == "references" || folded == "sources" || folded == "notes et references"
    }

    // MARK: Paragraphs

    /// Lines of one group become paragraphs: hard-wrapped lines are joined, one-paragraph-per-line
    /// text (as scraped pages come) keeps its lines apart, list lines become list items.
    private func paragraphs(_ lines: [Line]) -> [Article.Block] {
        var blocks: [Article.Block] = []
        var start = 0
        while start < lines.count {
            var end = start
            while end < lines.count, lines[end].group == lines[start].group { end += 1 }
            blocks += paragraphs(ofGroup: lines[start..<end].map(\.text))
            start = end
        }
        return blocks
    }

    private func paragraphs(ofGroup lines: [String]) -> [Article.Block] {
        let hardWrapped = looksHardWrapped(lines)
        var blocks: [Article.Block] = []
        var current = ""
        var currentIsList = false

        func flush(nextIsLong: Bool) {
            guard !current.isEmpty else { return }
            if currentIsList {
                blocks.append(.listItem(current))
            } else if !hardWrapped, nextIsLong, current.count <= 120, !TextShape.endsSentence(current) {
                blocks.append(.heading(current))
            } else {
                blocks.append(.paragraph(current))
            }
            current = ""
            currentIsList = false
        }

        for (i, line) in lines.enumerated() {
            let isList = TextShape.isListItem(line)
            if current.isEmpty {
                current = isList ? stripBullet(line) : line
                currentIsList = isList
            } else if isList || breaksAfter(current: lines[i - 1], hardWrapped: hardWrapped, next: line) {
                flush(nextIsLong: line.count > 120)
                current = isList ? stripBullet(line) : line
                currentIsList = isList
            } else {
                current += " " + line
            }
        }
        flush(nextIsLong: false)
        return blocks
    }

    /// Whether a paragraph ends after `current` (the previous raw line), given the next line.
    private func breaksAfter(current: String, hardWrapped: Bool, next: String) -> Bool {
        if hardWrapped {
            return false
        }
        // One paragraph per line, unless the line plainly continues on the next one.
        if TextShape.endsSentence(current) { return true }
        guard let first = next.first else { return true }
        return !(first.isLowercase || first.isNumber)
    }

    /// Text wrapped at a fixed width: several lines, all about the same moderate length.
    private func looksHardWrapped(_ lines: [String]) -> Bool {
        guard lines.count >= 3 else { return false }
        let lengths = lines.dropLast().map(\.count)
        guard let longest = lengths.max(), longest <= 100 else { return false }
        let nearWidth = lengths.filter { $0 >= longest - 25 }.count
        return nearWidth * 4 >= lengths.count * 3
    }

    /// "– Ne pas faire mieux" -> "Ne pas faire mieux"; numbered items keep their number.
    private func stripBullet(_ line: String) -> String {
        guard let n = TextShape.bulletPrefixLength(line) else { return line }
        return String(line.unicodeScalars.dropFirst(n)).trimmingLeadingSpaces()
    }
}

extension String {
    fileprivate func trimmingLeadingSpaces() -> String {
        String(drop(while: \.isWhitespace))
    }
}
