// SPDX-License-Identifier: GPL-3.0-or-later

/// Web addresses and e-mail addresses, read the French way: "point", "arobase", "slash", "tiret".
enum Addresses {
    /// Top-level domains and how they are said.
    static let domains: [String: String] = [
        "fr": "f r", "com": "com", "org": "org", "net": "nette", "eu": "e u", "be": "b e", "ch": "c h", "io": "i o",
        "gouv": "gouv", "info": "info", "tv": "t v", "uk": "u k", "us": "u s", "de": "d e", "it": "i t", "es": "e s",
        "ca": "c a", "ai": "a i", "co": "co", "edu": "e d u", "int": "int", "lu": "l u", "ma": "m a", "sn": "s n",
        "tn": "t n", "dz": "d z", "re": "r e", "app": "app", "news": "niouz", "paris": "paris", "bzh": "b z h",
    ]
    /// Characters that may appear inside an address.
    static func isAddressScalar(_ c: Unicode.Scalar) -> Bool {
        Tokenizer.isLetter(c) || Tokenizer.isDigit(c) || ".-_/:@?=&%#~+".unicodeScalars.contains(c)
    }
    static let maximumLength = 200
}

extension Verbalizer {
    /// An address starting at token `i`: "https://…", "www.…", "site.fr/…", "nom@domaine.fr".
    mutating func matchAddress(_ i: Int) -> Int? {
        // Addresses continue after the first token with one of these marks; ordinary words stop here.
        guard isAnyPunct(i + 1, ".@:-_") else { return nil }
        let start = t[i].start
        var end = start
        // One bounded scan: addresses are short, so longer runs are not addresses.
        while end < s.count && Addresses.isAddressScalar(s[end]) {
            end += 1
            if end - start > Addresses.maximumLength { return nil }
        }
        // Trailing sentence punctuation is not part of the address.
        while end > start && ".:,;?!".unicodeScalars.contains(s[end - 1]) { end -= 1 }
        guard end - start >= 4 else { return nil }
        let candidate = s[start..<end]
        let hasScheme = scalarsMatch("http://", at: start) || scalarsMatch("https://", at: start)
        let hasWWW = scalarsMatch("www.", at: start)
        var isEmail = false
        var dotAfterAt = false
        var sawAt = false
        var lastDot = -1
        for (k, c) in zip(start..<end, candidate) {
            if c == "@" { if sawAt { return nil }; sawAt = true }
            if c == "." { if sawAt { dotAfterAt = true }; lastDot = k }
            if c == "/" && !hasScheme && !hasWWW && lastDot < 0 { return nil }
        }
        isEmail = sawAt && dotAfterAt && s[start] != "@"
        if !hasScheme && !hasWWW && !isEmail {
            // "lemonde.fr", "service-public.fr/particuliers": a known domain after the last dot of the host.
            guard lastDot > start else { return nil }
            var hostEnd = start
            while hostEnd < end && s[hostEnd] != "/" { hostEnd += 1 }
            var dot = hostEnd - 1
            while dot > start && s[dot] != "." { dot -= 1 }
            guard dot > start, s[dot] == "." else { return nil }
            var tld = ""
            for c in s[(dot + 1)..<hostEnd] { tld.unicodeScalars.append(c) }
            guard Addresses.domains[tld] != nil, Tokenizer.isLetter(s[dot - 1]) || Tokenizer.isDigit(s[dot - 1]) else { return nil }
        }
        guard let after = tokenIndex(atScalar: end, from: i) else { return nil }
        say(addressWords(from: hasScheme ? (scalarsMatch("https://", at: start) ? start + 8 : start + 7) : start, to: end))
        return after
    }

    func addressWords(from: Int, to: Int) -> String {
        var parts: [String] = []
        var k = from
        var piece = ""
        var pieceHasDigit = false
        var pieceAllDigits = true
        func flush() {
            guard !piece.isEmpty else { return }
            if pieceAllDigits, let v = UInt64(piece), piece.count <= 6 {
                parts.append(numbers.cardinal(v))
            } else if let d = Addresses.domains[piece], parts.last == "point" {
                parts.append(d)
            } else if piece == "www" {
                parts.append("w w w")
            } else if !pieceHasDigit && piece.unicodeScalars.count <= 4 && !piece.unicodeScalars.contains(where: { "aeiouyéèêàâîôû".unicodeScalars.contains($0) }) {
                parts.append(Acronyms.spell(piece.unicodeScalars))
            } else {
                parts.append(piece)
            }
            piece = ""
            pieceHasDigit = false
            pieceAllDigits = true
        }
        while k < to {
            let c = s[k]
            let spoken: String?
            switch c {
            case ".": spoken = "point"
            case "/": spoken = "slash"
            case "-": spoken = "tiret"
            case "_": spoken = "tiret bas"
            case "@": spoken = "arobase"
            case ":": spoken = "deux-points"
            case "?", "=", "&", "%", "#", "~", "+": spoken = ""
            default: spoken = nil
            }
            if let spoken {
                flush()
                if !spoken.isEmpty && !(c == "/" && k == to - 1) { parts.append(spoken) }
            } else {
                piece.unicodeScalars.append(Tokenizer.lower(c))
                if Tokenizer.isDigit(c) { pieceHasDigit = true } else { pieceAllDigits = false }
            }
            k += 1
        }
        flush()
        return parts.joined(separator: " ")
    }
}
