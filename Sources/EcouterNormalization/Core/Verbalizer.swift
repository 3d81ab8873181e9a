// SPDX-License-Identifier: GPL-3.0-or-later

/// Walks the tokens of one cleaned sentence left to right and writes what is said.
///
/// At each token the rules of ``RuleRegistry`` (the semiotic classes, files under `Classes/`) are tried
/// in registry order; each one either consumes some tokens and writes their spoken form, or declines.
/// Every class looks at a bounded number of tokens ahead, so the whole walk is linear in the input
/// length. With ``recordsPieces`` on, where each rule's output starts is noted, for the spoken pieces.
package struct Verbalizer {
    /// Where one piece starts in the output bytes, and the cleaned scalars it was read from.
    struct PieceMark {
        var outputStart: Int
        var source: Range<Int>
        var rule: String
    }

    let s: [Unicode.Scalar]
    let t: [Token]
    let numbers: FrenchNumbers
    let lexicon: LexiconMatcher
    var dropFootnotes = true
    /// The gender of the last noun counted by a number ("16 médailles"), for a later "dont 1" that
    /// stands for it ("dont une en judo").
    var lastCountedGender: Gender = .masculine
    /// Whether a number counted a noun earlier in the sentence (``lastCountedGender`` is then meaningful).
    var countedNounSeen = false
    /// How far ``quotesExchangeRate(before:in:)`` has looked for currencies named in the sentence, and
    /// those it found there, each once ("L'euro s'échange à…"): the look goes forward only, so stays linear.
    var currencyScan = 0
    var namedCurrencies: [String] = []
    /// Which reading the `number` rule chose for the piece being read (for the pieces' rule names).
    var numberReading: NumberReading?

    /// The spoken text as UTF-8 bytes (appending bytes is much faster than growing a String scalar by scalar).
    private var out: [UInt8] = []
    private var last: Unicode.Scalar = " "
    private var needSpace = false
    /// The registered rules by token kind (held here so the hot loop reads no global).
    private let wordRules: UnsafeBufferPointer<RuleEntry> = RuleRegistry.wordEntries
    private let numberRules: UnsafeBufferPointer<RuleEntry> = RuleRegistry.numberEntries
    private let punctuationRules: UnsafeBufferPointer<RuleEntry> = RuleRegistry.punctuationEntries
    /// Whether ``marks`` are kept (only for ``FrenchNormalizer/pieces(of:)``: normalizing alone keeps none).
    var recordsPieces = false
    /// Where each rule that fired (or each copied token) starts in the output, in output order.
    private(set) var marks: [PieceMark] = []
    /// Where the output of the rule being tried starts (kept inside the output when a rule shortens it).
    private var pieceStart = 0

    package init(scalars: [Unicode.Scalar], numbers: FrenchNumbers, lexicon: LexiconMatcher) {
        self.s = scalars
        self.t = Tokenizer.tokenize(scalars)
        self.numbers = numbers
        self.lexicon = lexicon
        out.reserveCapacity(scalars.count + scalars.count / 2 + 16)
    }

    /// The spoken form of the whole token list, on one line.
    package mutating func run() -> String {
        var i = 0
        while i < t.count {
            let next = step(i)
            i = next > i ? next : i + 1
        }
        while out.last == 0x20 { out.removeLast() }
        keepMarksInsideOutput()
        return String(decoding: out, as: UTF8.self)
    }

    /// Tries the registered rules for token `i` in registry order (``RuleRegistry`` is the priority);
    /// a token no rule takes is copied as written.
    private mutating func step(_ i: Int) -> Int {
        let kind = t[i].kind
        if kind == .space {
            space()
            return i + 1
        }
        // The facts every precondition reads, read once.
        let facts = TokenFacts(
            length: length(i), capitalFirst: Tokenizer.isUpper(first(i)), punctuationAfter: self.kind(i + 1) == .punct,
            atWordStart: atWordStart(i), index: i, first: first(i))
        let entries = kind == .word ? wordRules : kind == .number ? numberRules : punctuationRules
        for entry in entries where entry.precondition.holds(facts) {
            pieceStart = out.count
            if let j = apply(entry.matcher, at: i) {
                if recordsPieces {
                    let name = entry.matcher == .number ? numberReading?.name : nil
                    markPiece(name ?? RuleRegistry.rules[entry.index].name, from: i, to: j)
                }
                return j
            }
        }
        pieceStart = out.count
        if recordsPieces { markPiece(kind == .punct ? "punctuation" : "word", from: i, to: i + 1) }
        copy(i)
        return i + 1
    }

    // MARK: - Pieces

    /// Notes that tokens `[from, to)` were read by `rule`, from ``pieceStart`` in the output on.
    private mutating func markPiece(_ rule: String, from: Int, to: Int) {
        var last = max(to, from + 1) - 1
        // Spaces a rule consumed after its text are not part of what it read.
        while last > from && t[last].kind == .space { last -= 1 }
        marks.append(PieceMark(outputStart: pieceStart, source: t[from].start..<t[last].end, rule: rule))
    }

    /// Keeps every recorded start inside the output after a rewrite shortened it (a pause replacing
    /// trailing spaces, an elision, the final trim), so pieces stay contiguous and in order.
    private mutating func keepMarksInsideOutput() {
        if pieceStart > out.count { pieceStart = out.count }
        var k = marks.count - 1
        while k >= 0 && marks[k].outputStart > out.count {
            marks[k].outputStart = out.count
            k -= 1
        }
    }

    /// The spoken pieces of the finished output (call after ``run()``); offsets are into the cleaned
    /// scalars and the output string.
    func pieceRanges() -> [(spoken: Range<Int>, source: Range<Int>, rule: String)] {
        // Byte offsets to scalar offsets; a boundary's leading spaces go to the piece before it, so
        // each piece starts on what it says.
        var scalarAtByte = [Int](repeating: 0, count: out.count + 1)
        var scalars = 0
        for (b, byte) in out.enumerated() {
            if byte & 0xC0 != 0x80 { scalars += 1 }
            scalarAtByte[b + 1] = scalars
        }
        // Each boundary moves forward over spaces on its own: the order of boundaries is kept, and a
        // piece that wrote only a space gives it to the piece before.
        var starts = marks.map { mark in
            var b = min(mark.outputStart, out.count)
            while b < out.count && out[b] == 0x20 { b += 1 }
            return b
        }
        if !starts.isEmpty { starts[0] = 0 }
        return marks.indices.map { k in
            let from = starts[k], to = k + 1 < starts.count ? starts[k + 1] : out.count
            return (scalarAtByte[from]..<scalarAtByte[max(from, to)], marks[k].source, marks[k].rule)
        }
    }

    // MARK: - Writing

    /// Writes words, separated by a space from what came before unless an apostrophe or hyphen joins them.
    mutating func say(_ words: String) {
        guard !words.isEmpty else { return }
        if Self.startsWithOne(words), elideBeforeOne() {
            out.append(contentsOf: words.utf8)
            last = words.unicodeScalars.last ?? " "
            needSpace = true
            return
        }
        if !out.isEmpty && last != " " && last != "'" && last != "(" && last != "-" { out.append(0x20) }
        out.append(contentsOf: words.utf8)
        last = words.unicodeScalars.last ?? " "
        needSpace = true
    }

    /// The names of the capital letters an elided article comes before ("l'F-35" → "l'èffe").
    static let elidedLetterNames: [Unicode.Scalar: String] = [
        "A": "a", "E": "e", "F": "èffe", "H": "ache", "I": "i", "L": "elle", "M": "èmme", "N": "enne", "O": "o",
        "R": "erre", "S": "èsse", "U": "u", "X": "ixe", "Y": "i grec",
    ]

    /// Whether spoken words start with the word "un" or "une" (a number read out, "un virgule deux").
    static func startsWithOne(_ words: String) -> Bool {
        let u = words.utf8
        guard u.first == 0x75 else { return false }  // "u"
        var k = u.makeIterator()
        _ = k.next()
        guard k.next() == 0x6E else { return false }  // "n"
        switch k.next() {
        case nil, 0x20, 0x2D: return true  // "un", "un …", "un-"
        case 0x65:  // "une"
            let after = k.next()
            return after == nil || after == 0x20 || after == 0x2D
        default: return false
        }
    }

    /// French elides "de" and "que" before a spoken "un"/"une" ("de 1,2 milliard" → "d'un virgule deux
    /// milliard", "que 1 place" → "qu'une place"), never before "huit" or "onze". When the output ends
    /// with one of those words, its "e" becomes an apostrophe and true is returned.
    mutating func elideBeforeOne() -> Bool {
        var end = out.count
        while end > 0 && out[end - 1] == 0x20 { end -= 1 }
        func endsWithWord(_ word: [UInt8]) -> Bool {
            guard end >= word.count else { return false }
            for (k, b) in word.enumerated() where out[end - word.count + k] | 0x20 != b { return false }
            let before = end - word.count
            return before == 0 || out[before - 1] == 0x20 || out[before - 1] == 0x28  // space or "("
        }
        guard endsWithWord([0x64, 0x65]) || endsWithWord([0x71, 0x75, 0x65]) else { return false }  // "de", "que"
        out.removeSubrange((end - 1)...)
        out.append(0x27)
        // The apostrophe stays with the elided word's piece ("d'"), the number's piece starts after it.
        if recordsPieces {
            keepMarksInsideOutput()
            if pieceStart >= end - 1 { pieceStart = out.count }
        }
        return true
    }

    /// Writes a source token as it is (brackets become spaces: only the lexicon may write `[[`).
    mutating func copy(_ i: Int) {
        let tok = t[i]
        switch tok.kind {
        case .space:
            space()
        case .word, .number:
            if needSpace && last != " " && last != "'" && last != "-" { out.append(0x20) }
            if last == "'", tok.kind == .word, tok.end - tok.start == 1, let name = Self.elidedLetterNames[s[tok.start]] {
                // "L'A380", "l'F-35", "l'M6": eSpeak NG reads a capital letter after an apostrophe as
                // "L apostrophe A" or in its English voice; the letter's name in French spelling reads right.
                out.append(contentsOf: name.utf8)
                last = name.unicodeScalars.last!
                needSpace = false
                return
            }
            appendScalars(tok.start, tok.end)
            needSpace = false
        case .punct:
            let c = s[tok.start]
            if c == "[" || c == "]" || c == "{" || c == "}" || c == "\\" || c == "_" || c == "|" {
                space()
            } else {
                appendScalar(c)
                last = c
                needSpace = false
            }
        }
    }

    /// Writes the raw text of `[from, to)` scalar offsets.
    mutating func appendScalars(_ from: Int, _ to: Int) {
        guard from < to else { return }
        for k in from..<to { appendScalar(s[k]) }
        last = s[to - 1]
    }

    /// Encodes one scalar as UTF-8 onto the output.
    @inline(__always)
    private mutating func appendScalar(_ c: Unicode.Scalar) {
        let v = c.value
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// Writes lexicon output verbatim (it may hold `[[phonemes]]`).
    mutating func sayVerbatim(_ text: String) {
        say(text)
    }

    mutating func space() {
        if !out.isEmpty && last != " " {
            out.append(0x20)
            last = " "
        }
        needSpace = false
    }

    /// Writes a punctuation mark so the synthesizer pauses (", ").
    mutating func pause() {
        while out.last == 0x20 { out.removeLast() }
        if recordsPieces { keepMarksInsideOutput() }
        if let lastByte = out.last { last = Unicode.Scalar(lastByte) }
        if !out.isEmpty && last != "," && last != "." {
            out.append(0x2C)
            last = ","
        }
        needSpace = true
    }

    // MARK: - Looking at tokens

    @inline(__always) func kind(_ i: Int) -> Token.Kind? { i >= 0 && i < t.count ? t[i].kind : nil }
    @inline(__always) func isSpace(_ i: Int) -> Bool { kind(i) == .space }
    @inline(__always) func isWord(_ i: Int) -> Bool { kind(i) == .word }
    @inline(__always) func isNumber(_ i: Int) -> Bool { kind(i) == .number }
    @inline(__always) func length(_ i: Int) -> Int { t[i].end - t[i].start }
    @inline(__always) func first(_ i: Int) -> Unicode.Scalar { s[t[i].start] }

    /// Whether token `i` is the punctuation scalar `c`.
    @inline(__always) func isPunct(_ i: Int, _ c: Unicode.Scalar) -> Bool {
        kind(i) == .punct && s[t[i].start] == c
    }

    func isAnyPunct(_ i: Int, _ set: String) -> Bool {
        guard kind(i) == .punct else { return false }
        let c = s[t[i].start]
        // An ASCII scalar is in `set` exactly when its byte is in the UTF-8 (multi-byte sequences hold no ASCII byte).
        if c.value < 0x80 { return set.utf8.contains(UInt8(truncatingIfNeeded: c.value)) }
        return set.unicodeScalars.contains(c)
    }

    /// The text of token `i`.
    func text(_ i: Int) -> String {
        var r = ""
        r.unicodeScalars.append(contentsOf: s[t[i].start..<t[i].end])
        return r
    }

    /// The lowercased text of token `i`.
    func lowerText(_ i: Int) -> String {
        var r = ""
        for c in s[t[i].start..<t[i].end] { r.unicodeScalars.append(Tokenizer.lower(c)) }
        return r
    }

    /// Whether token `i` is exactly `word` (same case).
    func isText(_ i: Int, _ word: String) -> Bool {
        guard i >= 0 && i < t.count else { return false }
        var k = t[i].start
        let end = t[i].end
        guard Self.lengthsMayMatch(end - k, word) else { return false }
        for c in word.unicodeScalars {
            if k >= end || s[k] != c { return false }
            k += 1
        }
        return k == end
    }

    /// Whether token `i` is `word` in any case (`word` given in lowercase).
    func isTextIgnoringCase(_ i: Int, _ word: String) -> Bool {
        guard i >= 0 && i < t.count else { return false }
        var k = t[i].start
        let end = t[i].end
        guard Self.lengthsMayMatch(end - k, word) else { return false }
        for c in word.unicodeScalars {
            if k >= end || Tokenizer.lower(s[k]) != c { return false }
            k += 1
        }
        return k == end
    }

    /// Whether `count` scalars may spell `word`: each scalar takes one to four UTF-8 bytes, and the
    /// UTF-8 count of a native String is known without walking it.
    @inline(__always)
    static func lengthsMayMatch(_ count: Int, _ word: String) -> Bool {
        let bytes = word.utf8.count
        return count <= bytes && count &* 4 >= bytes
    }

    func isCapitalized(_ i: Int) -> Bool { isWord(i) && Tokenizer.isUpper(first(i)) }

    func isAllUpper(_ i: Int) -> Bool {
        guard isWord(i) else { return false }
        for k in t[i].start..<t[i].end where !Tokenizer.isUpper(s[k]) { return false }
        return true
    }

    /// The digits of number token `i`.
    func digits(_ i: Int) -> [UInt8] { s[t[i].start..<t[i].end].map { UInt8($0.value - 48) } }

    /// The value of number token `i` when it has at most 15 digits.
    func value(_ i: Int) -> UInt64? {
        guard isNumber(i), length(i) <= 15 else { return nil }
        var v: UInt64 = 0
        for k in t[i].start..<t[i].end { v = v * 10 + UInt64(s[k].value - 48) }
        return v
    }

    /// Whether nothing word-like is glued to the end of token `i` (next token is absent, a space or punctuation).
    func endsWord(_ i: Int) -> Bool {
        let k = kind(i + 1)
        return k == nil || k == .space || k == .punct
    }

    /// Whether token `i` starts a word: at the start, or after a space or an opening mark.
    func atWordStart(_ i: Int) -> Bool {
        guard i > 0 else { return true }
        if t[i - 1].kind == .space { return true }
        if t[i - 1].kind == .punct {
            let c = s[t[i - 1].start]
            return c == "(" || c == "[" || c == "'" || c == "/" || c == "«" || c == "—" || c == "–"
        }
        return false
    }

    /// The index of the next non-space token after `i` when exactly one space separates them, else `i + 1`.
    func afterOptionalSpace(_ i: Int) -> Int { isSpace(i + 1) ? i + 2 : i + 1 }

    /// The token index whose start is scalar offset `offset` (searching forward from `from`), or nil
    /// when `offset` falls inside a token.
    func tokenIndex(atScalar offset: Int, from: Int) -> Int? {
        var k = from
        while k < t.count && t[k].start < offset { k += 1 }
        if k == t.count { return offset >= s.count ? k : nil }
        return t[k].start == offset ? k : nil
    }

    /// Whether the scalars from `offset` spell `text` exactly.
    func scalarsMatch(_ text: String, at offset: Int) -> Bool {
        var k = offset
        for c in text.unicodeScalars {
            if k >= s.count || s[k] != c { return false }
            k += 1
        }
        return true
    }

    /// Whether scalar offset `offset` is a word boundary (end or not a letter/digit).
    func isBoundary(atScalar offset: Int) -> Bool {
        offset >= s.count || !(Tokenizer.isLetter(s[offset]) || Tokenizer.isDigit(s[offset]))
    }
}
