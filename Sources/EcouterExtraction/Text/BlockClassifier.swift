// SPDX-License-Identifier: GPL-3.0-or-later
// The main decision for scraped page text, in the tradition of jusText (Pomikálek, 2011):
// classify each block by its shape (length, stop-word share, how it ends, digits, credits,
// addressing the reader), smooth short and doubtful blocks by their neighbours, then keep the
// densest region of content, where the article is; chrome surrounds it and may interrupt it.
// The headline is then looked for above where the content starts. Linear in the number of blocks.

/// Which blocks of a scraped page are the article, and which one is its headline.
struct BlockClassifier {
    /// A block's class, before and after smoothing (jusText's good / near-good / short / bad).
    enum Kind { case good, nearGood, short, bad }

    struct Selection {
        /// Index of the headline block, if one was found above the content.
        var title: Int?
        /// Blocks that are the article (standfirst, paragraphs, headings), in order.
        var kept: [Int]
    }

    var stopWords: Set<UInt64> = FrenchStopWords.builtInHashes

    /// Chrome lines (already smoothed to bad) that may sit between two paragraphs of one region.
    static let maxGapInRegion = 3
    /// A further region joins the article across a longer interruption only when it is this
    /// large a share of the main one (the article continuing after a "Sur le même sujet" box).
    static let farRegionShare = 0.3
    static let maxFarGap = 12
    /// Words in a label and its value set on two lines ("Notre verdict" / "PLUTÔT VRAI").
    static let maxLabelPairWords = 4
    /// How many blocks away from its paragraph a pull quote may be set.
    static let pullQuoteReach = 4

    /// Decides which blocks to read. Returns nil when nothing reads like prose (then the caller
    /// keeps its conservative behaviour: a short note is not thrown away).
    /// - Parameter wallsAfter: blocks after which a comment thread opened (its heading dropped
    ///   by the rules): the article does not continue past them.
    func select(_ blocks: [String], wallsAfter: [Bool] = []) -> Selection? {
        let features = blocks.map { LineFeatures($0, stopWords: stopWords) }
        return select(
            features: features, wallsAfter: wallsAfter,
            echoes: EchoedBlocks.flags(blocks, reach: Self.pullQuoteReach), kickers: blocks.map(TextShape.hasKickerColon),
            clockTimes: Self.postStamps(blocks, features: features))
    }

    /// Post stamps needed before a live blog's period names count as stamps too.
    static let liveBlogStamps = 3

    /// A live blog's post stamps: times and match minutes, and, once the page has a few of those,
    /// the period names some posts carry instead ("Mi-temps", "Prolongations") between them: one
    /// or two words with no function word, figure or punctuation, as a time would stand.
    static func postStamps(_ blocks: [String], features: [LineFeatures]) -> [Bool] {
        var stamps = blocks.map(TextShape.isPostStamp)
        guard stamps.lazy.filter({ $0 }).count >= liveBlogStamps, let first = stamps.firstIndex(of: true),
            let last = stamps.lastIndex(of: true) else { return stamps }
        // Only among the posts, between the first stamp and the last: a short title or menu
        // entry above the live is judged as any other line.
        for i in first...last where !stamps[i] {
            let f = features[i]
            stamps[i] = f.words <= 2 && f.characters <= 20 && f.stopWords == 0 && f.digits == 0 && !f.endsClause && !f.hasQuestionMark
                && !f.isListItem && f.capitalized >= 1
        }
        return stamps
    }

    /// The same, from blocks already measured.
    /// - Parameter echoes: blocks that repeat a neighbour's text (pull quotes): never read.
    /// - Parameter kickers: blocks set "Topic : headline", as teasers and player links are.
    /// - Parameter clockTimes: a live blog's bare post stamps (times of day, match minutes):
    ///   dropped, and no boundary between the posts around them.
    func select(
        features: [LineFeatures], wallsAfter: [Bool] = [], echoes: [Bool] = [], kickers: [Bool] = [], clockTimes: [Bool] = []
    ) -> Selection? {
        var initial = features.map(classify)
        // Post stamps are not read, whatever their shape (a period's name is a word, not a figure).
        for i in clockTimes.indices where clockTimes[i] && i < initial.count { initial[i] = .bad }
        for i in echoes.indices where echoes[i] && i < initial.count { initial[i] = .bad }
        // An interviewer's question speaks to the guest ("Quel bilan tirez-vous… ?"), not to the
        // reader: it counts as a sentence when the answer follows at once.
        for i in initial.indices where features[i].addressesReader && features[i].endsWithQuestionMark && features[i].words >= 4 {
            // A terse answer ("Je le dirai en janvier. Pour l'instant, je travaille.") is still one.
            let answered = i + 1 < initial.count && (initial[i + 1] == .good || isTerseAnswer(features[i + 1]))
            initial[i] = answered ? .nearGood : .bad
            if answered, initial[i + 1] != .good { initial[i + 1] = .good }
        }
        // A short line the page repeats further down is chrome where it first appears (a table of
        // contents, a menu): the later one is the heading.
        var lastSeen: [String: Int] = [:]
        for i in features.indices { if let key = features[i].repeatKey { lastSeen[key] = i } }
        var repeatedLater = [Bool](repeating: false, count: features.count)
        for i in features.indices {
            if let key = features[i].repeatKey, let last = lastSeen[key], last > i { initial[i] = .bad; repeatedLater[i] = true }
        }
        // The later copy of such a line, right before a paragraph, is the heading the table of
        // contents pointed to ("Sommaire / La mâche / … / La mâche / C'est la reine…").
        var firstSeen: [String: Int] = [:]
        var headingFromContents = [Bool](repeating: false, count: features.count)
        for i in features.indices {
            guard let key = features[i].repeatKey else { continue }
            if let first = firstSeen[key], first < i, lastSeen[key] == i, isHeadingShaped(features[i]) { headingFromContents[i] = true }
            if firstSeen[key] == nil { firstSeen[key] = i }
        }
        var kinds = smoothNearGood(initial, transparent: clockTimes.count == initial.count ? clockTimes : [])
        smoothShort(&kinds, features: features, initial: initial, kickers: kickers)
        for i in kinds.indices where headingFromContents[i] && i + 1 < kinds.count && kinds[i + 1] == .good { kinds[i] = .good }
        guard var region = mainRegion(kinds, features: features, wallsAfter: wallsAfter) else { return nil }
        var title = headline(before: region.lowerBound, features: features, initial: initial, repeatedLater: repeatedLater)
        if title == nil, let inside = headlineInsideRegionStart(region, kinds: kinds, features: features, repeatedLater: repeatedLater) {
            title = inside.title
            region = inside.content...region.upperBound
        }
        var kept: [Int] = []
        // The standfirst: prose between the headline and the content start.
        if let title {
            let between = (title + 1)..<region.lowerBound
            // A lone line under the headline is its subtitle, unless it is plainly chrome.
            if between.count == 1, let only = between.first, isSubtitle(features[only]) {
                kept.append(only)
            } else {
                for i in between where isStandfirst(features[i], initial[i]) { kept.append(i) }
            }
        }
        for i in region where kinds[i] == .good { kept.append(i) }
        return Selection(title: title, kept: kept)
    }

    // MARK: Classes

    private func classify(_ f: LineFeatures) -> Kind {
        if f.isMeta || f.hasCredit || f.looksLikeScore || f.isConsentNotice || f.opensComments || f.isMediaLabel { return .bad }
        if f.isPromo, f.characters < 150 { return .bad }
        // A dateline ("Mis en ligne le 08/11/2026 - par R. Delmas"), not a sentence.
        if f.hasDate, f.words <= 12, !f.endsSentence { return .bad }
        if f.addressesReader, f.characters < 250 {
            // A writer's sentence to the reader ("Le mois prochain, je vous emmènerai à Rouen.")
            // reads like prose and is kept beside the text; prompts and offers do not.
            let prose = f.characters >= 120 && f.endsWithPeriod && !f.hasQuestionMark && !f.isPromo && f.stopShare >= 0.3 && f.wordsPerSentence >= 10
            return prose ? .nearGood : .bad
        }
        // Scores, timestamps, odds, tables: mostly digits.
        if f.digitShare > 0.4, f.letters < 40 { return .bad }
        if f.characters >= 90, f.stopShare >= 0.22, f.endsClause { return .good }
        if f.characters >= 200, f.stopShare >= 0.2 { return .good }
        if f.characters >= 40, f.stopShare >= 0.18, f.endsClause, f.wordsPerSentence >= 6 { return .nearGood }
        // A question is a sentence however short ("Peut-on encore sauver les glaciers alpins ?").
        if f.endsWithQuestionMark, f.words >= 4 { return .nearGood }
        if f.characters < 90 || f.words <= 12 { return .short }
        return .bad
    }

    /// A short reply that is plainly sentences of speech: ends like a sentence, mostly stop words,
    /// not chrome speaking to the reader.
    private func isTerseAnswer(_ f: LineFeatures) -> Bool {
        f.endsSentence && f.words >= 3 && f.stopShare >= 0.3 && !f.addressesReader && !f.isPromo && !f.isMeta && !f.hasCredit
            && !f.endsWithQuestionMark
    }

    /// A near-good block is good next to good content (skipping short blocks), bad between chrome.
    private func smoothNearGood(_ initial: [Kind], transparent: [Bool] = []) -> [Kind] {
        var kinds = initial
        // Nearest non-short class on each side, found in two linear sweeps; transparent blocks
        // (post times) are skipped like short ones.
        func counts(_ i: Int) -> Bool { initial[i] != .short && (transparent.isEmpty || !transparent[i]) }
        var before = [Kind?](repeating: nil, count: initial.count)
        var last: Kind? = nil
        for i in initial.indices { before[i] = last; if counts(i) { last = initial[i] } }
        var after = [Kind?](repeating: nil, count: initial.count)
        last = nil
        for i in initial.indices.reversed() { after[i] = last; if counts(i) { last = initial[i] } }
        for i in initial.indices where initial[i] == .nearGood {
            let goodSide = before[i] == .good || after[i] == .good
                || (before[i] == .nearGood && after[i] == .nearGood)
            kinds[i] = goodSide ? .good : .bad
        }
        // A run of near-good blocks (a summary's short sentences, "L'essentiel" bullets) is one
        // unit: when one of them joins the text, all do.
        var start = 0
        while start < initial.count {
            guard initial[start] == .nearGood else { start += 1; continue }
            var end = start + 1
            while end < initial.count, initial[end] == .nearGood { end += 1 }
            let run = start..<end
            if run.contains(where: { kinds[$0] == .good }) {
                for j in run where initial[j] == .nearGood { kinds[j] = .good }
            }
            start = end
        }
        return kinds
    }

    /// Short blocks: a lone one between two good blocks is a subheading (kept); runs of short
    /// blocks are menus, share bars, tags, teaser lists, result tables (dropped), except list
    /// items inside the body and a numbered heading right before a paragraph.
    private func smoothShort(_ kinds: inout [Kind], features: [LineFeatures], initial: [Kind], kickers: [Bool]) {
        // A run of near-good blocks that joined the text: a summary's bullets.
        func opensSummary(_ j: Int) -> Bool {
            j + 1 < kinds.count && initial[j] == .nearGood && initial[j + 1] == .nearGood && kinds[j] == .good
        }
        var i = 0
        while i < kinds.count {
            guard kinds[i] == .short else { i += 1; continue }
            var end = i
            while end < kinds.count, kinds[end] == .short { end += 1 }
            let previousGood = i > 0 && kinds[i - 1] == .good
            let nextGood = end < kinds.count && kinds[end] == .good
            let run = i..<end
            if run.count == 1 {
                // A closing line ends the page right after the text ("Affaire à suivre"): kept,
                // as when unsure; a signature there is dropped later with the trailer.
                let closesPage = end == kinds.count && previousGood
                let numberedHeading = nextGood && isNumberedHeading(features[i])
                kinds[i] = (previousGood && (nextGood || closesPage) && isHeadingShaped(features[i])) || numberedHeading
                    || (nextGood && resumesAfterBox(i, kinds: kinds, features: features, kickers: kickers)) ? .good : .bad
            } else if run.count == 2, previousGood, nextGood, run.allSatisfy({ isLabelWord(features[$0]) }),
                features[i].words + features[i + 1].words <= Self.maxLabelPairWords
            {
                // A label and its value set on two lines inside the text ("Verdict" / "Trompeur",
                // "Notre verdict" / "FAUX"): read as a heading. Menus and share bars are longer
                // runs; a box heading over a teaser ("À la une" / "Le pont de Térénez rouvre")
                // has more words.
                for j in run { kinds[j] = .good }
            } else {
                let allList = run.allSatisfy { features[$0].isListItem }
                for j in run { kinds[j] = allList && previousGood && nextGood ? .good : .bad }
                if nextGood, isNumberedHeading(features[end - 1]) { kinds[end - 1] = .good }
                // Teasers or player links set "Topic : headline" inside the body, then a line set
                // otherwise right before a paragraph: that line is the next subheading
                // ("Réécouter : le journal de 7 heures / Un centre de périnatalité maintenu / L'hôpital…").
                if previousGood, nextGood, kickers.count == kinds.count, run.dropLast().allSatisfy({ kickers[$0] }),
                    !kickers[end - 1], isHeadingShaped(features[end - 1]) {
                    kinds[end - 1] = .good
                }
            }
            // The label over a summary box (« L'essentiel » before its bullets) is the box's
            // heading, whatever chrome comes before it.
            if nextGood, kinds[end - 1] != .good, isLabelWord(features[end - 1]), features[end - 1].words >= 2, opensSummary(end) {
                kinds[end - 1] = .good
            }
            i = end
        }
    }

    /// A lone short line right before a paragraph, after a box set inside the text (an agenda, a
    /// weather table, a teaser list): the next subheading, when the text was read shortly before
    /// it and it reads like a phrase, not a sentence (several words, a function word among them, no figure, no
    /// "Topic : headline" teaser shape, not a run of names).
    private func resumesAfterBox(_ i: Int, kinds: [Kind], features: [LineFeatures], kickers: [Bool]) -> Bool {
        let f = features[i]
        guard f.words >= 3, f.words <= Self.maxBoxSubheadingWords, f.stopWords >= 1, f.digits == 0, f.capitalShare < 0.5, isHeadingShaped(f), !f.isMeta, !f.hasCredit,
            !f.endsSentence, !f.addressesReader, !f.isMediaLabel, !f.hasQuestionMark, !f.isListItem, kickers.count != kinds.count || !kickers[i] else { return false }
        return kinds[max(0, i - Self.maxBoxLength)..<i].contains(.good)
    }

    /// How many blocks a box set inside the text may take, for the subheading after it.
    static let maxBoxLength = 12
    /// A subheading is a short phrase; a teaser's headline left over from the box is longer.
    static let maxBoxSubheadingWords = 8

    /// One to three words of plain text: no figure, bar, offer, byline, credit or question to
    /// the reader, not a sentence or a list item.
    private func isLabelWord(_ f: LineFeatures) -> Bool {
        f.words >= 1 && f.words <= 3 && f.digits == 0 && !f.hasBar && !f.isPromo && !f.isMeta && !f.hasCredit
            && !f.addressesReader && !f.isMediaLabel && !f.endsSentence && !f.hasQuestionMark && !f.isListItem
    }

    /// "4. Fermer les volets la nuit": numbered, and no other figure (not "6. H. Clauzel (Fra) à 1'32\"").
    private func isNumberedHeading(_ f: LineFeatures) -> Bool {
        f.isNumbered && f.digits <= 2 && f.words >= 3 && !f.isPromo
    }

    /// Not a bar of links ("Imprimer cet article | Envoyer à un ami"), an offer or a figure.
    private func isHeadingShaped(_ f: LineFeatures) -> Bool {
        f.words >= 2 && !f.isPromo && f.digitShare < 0.5 && !f.hasBar
    }

    // MARK: Regions

    /// The densest run of good blocks (allowing short interruptions), extended over a longer
    /// interruption to a further run that is itself a large part of the article.
    private func mainRegion(_ kinds: [Kind], features: [LineFeatures], wallsAfter: [Bool]) -> ClosedRange<Int>? {
        // A comment thread's heading is a wall: no region crosses it, none joins across it.
        var regions: [(range: ClosedRange<Int>, mass: Int, afterWall: Bool)] = []
        var gap = 0
        var wall = false
        for i in kinds.indices {
            if kinds[i] == .good {
                if let last = regions.last, gap <= Self.maxGapInRegion, !wall {
                    regions[regions.count - 1] = (last.range.lowerBound...i, last.mass + features[i].characters, last.afterWall)
                } else {
                    regions.append((i...i, features[i].characters, wall))
                }
                gap = 0
                wall = false
            } else {
                // A table (forecast hours, odds, results: short lines with figures) interrupts
                // the text once, however many rows it has.
                // Cells set one per line ("1 / Nantes / 22 pts / 2 / Montpellier") count as rows
                // too: a cell continues the table when a figure stood in it or in the two before.
                func isCell(_ j: Int) -> Bool { j >= 0 && kinds[j] != .good && features[j].characters < 60 }
                func isFigureCell(_ j: Int) -> Bool { isCell(j) && features[j].digits > 0 }
                let continuesTable = isCell(i) && isCell(i - 1) && (isFigureCell(i) || isFigureCell(i - 1) || isFigureCell(i - 2))
                if !continuesTable { gap += 1 }
                if features[i].opensComments { wall = true }
            }
            if i < wallsAfter.count, wallsAfter[i] { wall = true }
        }
        guard let best = regions.indices.max(by: { regions[$0].mass < regions[$1].mass }) else { return nil }
        var lower = best, upper = best
        let mass = Double(regions[best].mass)
        func joins(_ a: Int, _ b: Int) -> Bool {  // a before b
            let gap = regions[b].range.lowerBound - regions[a].range.upperBound - 1
            let other = a == lower - 1 ? regions[a].mass : regions[b].mass
            return !regions[b].afterWall && gap <= Self.maxFarGap && Double(other) >= Self.farRegionShare * mass
        }
        while lower > 0, joins(lower - 1, lower) { lower -= 1 }
        while upper + 1 < regions.count, joins(upper, upper + 1) { upper += 1 }
        return regions[lower].range.lowerBound...regions[upper].range.upperBound
    }

    // MARK: Headline and standfirst

    /// The headline above the content start: among the lines shortly before it, the one that
    /// reads most like a title (several words, not a sentence, not a byline, credit or offer),
    /// longer ones preferred and nearer ones preferred.
    private func headline(before start: Int, features: [LineFeatures], initial: [Kind], repeatedLater: [Bool]) -> Int? {
        let window = max(0, start - 30)..<start
        var best: (index: Int, score: Double)? = nil
        for i in window {
            let f = features[i]
            guard !repeatedLater[i], f.words >= 3, f.characters <= 200, !f.isMeta, !f.hasCredit, !f.isPromo, !f.hasDate,
                !f.isListItem, !f.endsWithPeriod, f.digitShare < 0.4, initial[i] != .good else { continue }
            let distance = Double(start - i)
            // A headline may speak to the reader ("ce qui change pour votre taux"), chrome more often does.
            // A long run of names with hardly a function word is a menu set on one line
            // ("Choisir mon édition : Annecy Chambéry Albertville …"), not a headline.
            let nameList = f.words >= 8 && f.capitalShare >= 0.5 ? Double(f.words - 6) : 0
            let score = Double(min(f.words, 20)) - 0.5 * distance - (f.addressesReader ? 4 : 0) - nameList
            if best == nil || score >= best!.score { best = (i, score) }
        }
        if let best { return best.index }
        // No headline-like line: a short one ("Titre") is still the title when it is the nearest
        // plain line above the text.
        for i in window.reversed() where initial[i] != .bad && initial[i] != .good {
            let f = features[i]
            if f.words >= 1, f.characters <= 200, !f.isPromo, !f.isListItem, !f.endsWithPeriod, !f.hasDate { return i }
        }
        return nil
    }

    /// No headline above the region: the region may have swallowed the page's top, a short
    /// notice joined to the text across the headline ("Alerte travaux : la rue est fermée." /
    /// menu / headline / standfirst). The headline is then a title-shaped line among the first
    /// few blocks, with only short blocks (no paragraph) before it.
    private func headlineInsideRegionStart(_ region: ClosedRange<Int>, kinds: [Kind], features: [LineFeatures], repeatedLater: [Bool])
        -> (title: Int, content: Int)?
    {
        let end = min(region.upperBound, region.lowerBound + Self.maxGapInRegion + 2)
        guard region.lowerBound < end else { return nil }
        var best: (title: Int, content: Int, score: Double)? = nil
        for i in region.lowerBound...end {
            let f = features[i]
            if kinds[i] == .good {
                if f.characters >= 200 { break }  // a real paragraph: the article has begun
                continue
            }
            guard i > region.lowerBound, isTitleShaped(f), !repeatedLater[i],
                let content = ((i + 1)...region.upperBound).first(where: { kinds[$0] == .good }) else { continue }
            // As above the region: longer lines preferred, and nearer the text.
            let score = Double(min(f.words, 20)) - 0.5 * Double(content - i)
            if best == nil || score >= best!.score { best = (i, content, score) }
        }
        return best.map { ($0.title, $0.content) }
    }

    private func isTitleShaped(_ f: LineFeatures) -> Bool {
        f.words >= 3 && f.characters <= 200 && !f.isMeta && !f.hasCredit && !f.isPromo && !f.hasDate && !f.isListItem
            && !f.endsWithPeriod && f.digitShare < 0.4 && !f.addressesReader && f.stopShare >= 0.15
    }

    /// A lone line under the headline ("Communiqué de presse - Rennes, le 22 septembre 2025"),
    /// read unless it is plainly chrome.
    private func isSubtitle(_ f: LineFeatures) -> Bool {
        f.words >= 3 && !f.isMeta && !f.hasCredit && !f.isPromo && !f.addressesReader && !f.looksLikeScore && f.digitShare < 0.4
    }

    private func isStandfirst(_ f: LineFeatures, _ kind: Kind) -> Bool {
        (kind == .good || kind == .nearGood) && !f.isMeta && !f.hasCredit && !f.addressesReader && f.endsSentence
            && f.wordsPerSentence >= 7
    }
}
