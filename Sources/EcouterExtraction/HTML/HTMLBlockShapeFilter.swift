// SPDX-License-Identifier: GPL-3.0-or-later
// The located content of an HTML page can still hold chrome that no tag or class names:
// a price box or a score table (runs of short cells), a "Bon plan" or betting offer, a
// "Cette page vous a-t-elle été utile ?" prompt, a caption with its credit. These are judged
// by shape, with the features the scraped-text classifier uses. When the page gave no
// headline of its own (old table layouts, div soup), the block classifier also finds the
// article's region and its headline among the blocks. Linear in the number of blocks.

struct HTMLBlockShapeFilter {
    var stopWords: Set<UInt64> = FrenchStopWords.builtInHashes

    /// The article's blocks without their shape-evident chrome and, when `findHeadline` is set
    /// (the markup named none), the headline found above the article's region. Blocks flagged in
    /// `keeping` (a fact-check's claim card) are read as they are.
    func apply(_ blocks: [Article.Block], findHeadline: Bool, keeping: [Bool] = []) -> (title: String?, blocks: [Article.Block]) {
        // Bylines and dates were dropped by the tidying; the headline search still needs them.
        let features = blocks.map { LineFeatures($0.text, stopWords: stopWords, measuringMeta: findHeadline) }
        var indices = Array(blocks.indices)
        var title: String? = nil
        if findHeadline, let found = regionAndHeadline(blocks, features: features) {
            title = blocks[found.title].text
            indices = found.region
        }
        let kept = filtered(indices, blocks: blocks, features: features, keeping: keeping.count == blocks.count ? keeping : [])
        return (title, kept.map { blocks[$0] })
    }

    /// Indices of the blocks that stay, their shape-evident chrome left out.
    private func filtered(_ indices: [Int], blocks: [Article.Block], features: [LineFeatures], keeping: [Bool]) -> [Int] {
        func kept(_ i: Int) -> Bool { !keeping.isEmpty && keeping[i] }
        var dropped = [Bool](repeating: false, count: indices.count)
        for (n, i) in indices.enumerated() where !kept(i) && isParagraph(blocks[i]) && isChrome(i, features) { dropped[n] = true }
        // Pull quotes set again near the paragraph they come from (markup rarely names them).
        let echoes = EchoedBlocks.flags(indices.map { blocks[$0].text }, reach: BlockClassifier.pullQuoteReach)
        for n in indices.indices where echoes[n] && !kept(indices[n]) { dropped[n] = true }
        // Runs of short cells or labels (a price box, a result table, a share bar left in the
        // markup), and the heading that introduces such a run.
        func isLabel(_ n: Int) -> Bool { !kept(indices[n]) && isShortLabel(blocks[indices[n]], features[indices[n]]) }
        var n = 0
        while n < indices.count {
            guard !dropped[n], isLabel(n) else { n += 1; continue }
            var end = n
            var labels = 0
            while end < indices.count, dropped[end] || isLabel(end) {
                if !dropped[end] { labels += 1 }
                end += 1
            }
            // Two labels, or one among cells already judged chrome ("Gazole", "1,594 €", "SP98").
            if labels >= 2 || end - n >= 3 {
                for m in n..<end { dropped[m] = true }
                if n > 0, case .heading = blocks[indices[n - 1]] { dropped[n - 1] = true }
            }
            n = end
        }
        return indices.indices.filter { !dropped[$0] }.map { indices[$0] }
    }

    /// The headline the block classifier finds above the article's region, and the region's
    /// blocks (headings and list items inside it kept with it: the classifier sees only text).
    private func regionAndHeadline(_ blocks: [Article.Block], features: [LineFeatures]) -> (title: Int, region: [Int])? {
        guard let selection = BlockClassifier(stopWords: stopWords).select(features: features), let title = selection.title,
            let first = selection.kept.first, let last = selection.kept.last else { return nil }
        let keptSet = Set(selection.kept)
        let region = blocks.indices.filter { i in
            keptSet.contains(i) || (i > first && i < last && !isParagraph(blocks[i]))
        }
        return (title, region)
    }

    private func isParagraph(_ block: Article.Block) -> Bool {
        if case .paragraph = block { return true }
        return false
    }

    /// A short paragraph that is a label, not a sentence ("Gazole", "1,594 €", "Je participe").
    private func isShortLabel(_ block: Article.Block, _ f: LineFeatures) -> Bool {
        isParagraph(block) && f.characters < 90 && !f.endsSentence
    }

    private func isChrome(_ i: Int, _ features: [LineFeatures]) -> Bool {
        let f = features[i]
        guard f.characters < 250 else { return false }
        if f.hasCredit || f.isMeta { return true }
        if f.hasDate, f.words <= 12, !f.endsSentence { return true }
        if f.addressesReader {
            // An interviewer's question to the guest, answered in the next block, is the article.
            let answered = f.endsWithQuestionMark && i + 1 < features.count && features[i + 1].characters >= 90
            return !answered
        }
        if f.isPromo, f.characters < 150 { return true }
        if f.digitShare > 0.4, f.letters < 40 { return true }
        return f.looksLikeScore
    }
}
