// SPDX-License-Identifier: GPL-3.0-or-later
// What the page says about itself: <meta> tags, <title>, <html lang>, schema.org JSON-LD.

struct PageMetadata {
    var ogTitle: String?
    var documentTitle: String?
    var headline: String?
    var articleBody: String?
    /// The page's summary (`description`, og:description, JSON-LD `description`): the
    /// standfirst when the article's text comes from JSON-LD.
    var description: String?
    var author: String?
    var published: String?
    var language: String?
    var siteName: String?

    init(_ doc: FlatDocument) {
        var metaAuthor: String?, metaDate: String?, ogLocale: String?, timeDate: String?, contentLanguage: String?
        for (index, node) in doc.nodes.enumerated() where node.kind == .element {
            switch node.tag {
            case "html":
                if language == nil, let lang = node.attribute("lang"), !lang.isEmpty { language = lang }
            case "title":
                if documentTitle == nil { documentTitle = TextShape.collapsedWhitespace(doc.text(of: index)) }
            case "meta":
                let key = (node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop") ?? node.attribute("http-equiv") ?? "").lowercased()
                guard let content = node.attribute("content").map(TextShape.collapsedWhitespace), !content.isEmpty else { continue }
                switch key {
                case "og:title", "twitter:title": if ogTitle == nil { ogTitle = content }
                case "description", "og:description", "twitter:description": if description == nil { description = content }
                case "og:site_name", "application-name": if siteName == nil { siteName = content }
                case "author", "article:author", "dc.creator", "sailthru.author", "byl":
                    if metaAuthor == nil, !content.hasPrefix("http") { metaAuthor = content }
                case "article:published_time", "datepublished", "date", "pubdate", "dc.date", "dc.date.issued", "publish-date", "og:article:published_time":
                    if metaDate == nil { metaDate = content }
                case "og:locale": if ogLocale == nil { ogLocale = content.replacingUnderscores() }
                case "content-language", "language": if contentLanguage == nil { contentLanguage = content }
                default: break
                }
            case "time":
                if timeDate == nil, let datetime = node.attribute("datetime"), !datetime.isEmpty { timeDate = datetime }
            case "script":
                guard (node.attribute("type") ?? "").lowercased().contains("ld+json") else { continue }
                if let json = JSONValue.parse(doc.text(of: index)) { readJSONLD(json) }
            default:
                break
            }
        }
        author = author ?? metaAuthor
        published = published ?? metaDate ?? timeDate
        language = language ?? contentLanguage ?? ogLocale
    }

    /// Takes headline, body, author, date, language and publisher from the first article-typed object.
    private mutating func readJSONLD(_ json: JSONValue) {
        // Breadth-first over arrays and "@graph", without recursion.
        var queue: [JSONValue] = [json]
        var head = 0
        while head < queue.count, head < 200 {
            let value = queue[head]
            head += 1
            switch value {
            case .array(let items): queue += items
            case .object:
                if let graph = value["@graph"] { queue.append(graph) }
                let types = value["@type"]?.strings ?? []
                guard types.contains(where: { $0.hasSuffix("Article") || $0 == "BlogPosting" || $0 == "Report" }) else { continue }
                if headline == nil { headline = value["headline"]?.string.map(TextShape.collapsedWhitespace) ?? value["name"]?.string }
                if articleBody == nil { articleBody = value["articleBody"]?.string }
                if description == nil { description = value["description"]?.string.map(TextShape.collapsedWhitespace) }
                if author == nil { author = value["author"]?.name.map(TextShape.collapsedWhitespace) }
                if published == nil { published = value["datePublished"]?.string }
                if language == nil { language = value["inLanguage"]?.name }
                if siteName == nil { siteName = value["publisher"]?.name }
            default: continue
            }
        }
    }

    /// `<title>` without the site name: "Titre | Site", "Titre - Site", "Site : Titre".
    var strippedDocumentTitle: String? {
        guard let title = documentTitle, !title.isEmpty else { return nil }
        return PageMetadata.strippingSiteName(title, siteName: siteName)
    }

    static func strippingSiteName(_ title: String, siteName: String?) -> String {
        guard title.utf8.count <= 2000 else { return title }
        let separators = [" | ", " - ", " — ", " – ", " · ", " :: ", " • ", " / "]
        var best: (String, String)? = nil  // (kept part, dropped part)
        for separator in separators {
            guard let range = title.range(of: separator, options: .backwards) else { continue }
            let head = String(title[..<range.lowerBound]), tail = String(title[range.upperBound...])
            if let siteName, TextShape.folded(head) == TextShape.folded(siteName) { return tail }
            if best == nil || head.count > best!.0.count { best = (head, tail) }
        }
        guard let (head, tail) = best, !head.isEmpty else { return title }
        // Drop the tail when it is the site name; when the site name is unknown, when it is short enough to be one.
        if let siteName {
            let site = TextShape.folded(siteName), folded = TextShape.folded(tail)
            return folded == site || folded.contains(site) || (!folded.isEmpty && site.contains(folded)) ? head : title
        }
        return looksLikeSiteName(tail) ? head : title
    }

    /// A few capitalised words, perhaps with particles or a domain: "Le Journal de la Bretagne", "lemonde.fr".
    static func looksLikeSiteName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard !words.isEmpty, words.count <= 6 else { return false }
        let particles: Set<String> = ["de", "du", "des", "la", "le", "les", "l'", "d'", "et", "en", "sur", "à", "au", "aux"]
        return words.allSatisfy { word in
            guard let first = word.first, word.contains(where: \.isLetter) else { return true }  // "&", "-"
            return first.isUppercase || first.isNumber || particles.contains(word.lowercased()) || word.contains(".")
        }
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }

    /// The range of the last occurrence of `needle` (Foundation-free).
    func range(of needle: String, options: BackwardsOption) -> Range<String.Index>? {
        guard !needle.isEmpty else { return nil }
        var found: Range<String.Index>? = nil
        var start = startIndex
        while start < endIndex, let r = self[start...].firstRange(of: needle) {
            found = r
            start = index(after: r.lowerBound)
        }
        return found
    }

    enum BackwardsOption { case backwards }
}
