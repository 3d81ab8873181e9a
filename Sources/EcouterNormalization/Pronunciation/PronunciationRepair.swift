// SPDX-License-Identifier: GPL-3.0-or-later

/// A rewrite of correct spoken French that eSpeak NG 1.51 would otherwise mispronounce.
///
/// Repairs run on normalized text just before synthesis (``FrenchNormalizer/pronounce(_:)``): they
/// change spelling only where eSpeak NG's reading is wrong, into a spelling it reads right, and are
/// checked by eSpeak NG's phonemes (`Tests/EcouterTests/PronunciationRepairTests.swift`,
/// `scripts/audit-pronunciation.py`).
protocol PronunciationRepair: Sendable {
    /// Rewrites the words that need it, in one pass over `text`.
    func repair(_ text: inout SpokenWords)
}

/// The repairs in the order they run: that order is the priority.
enum PronunciationRepairs {
    static let standard: [any PronunciationRepair] = [
        QuatreVingtRepair(),
        NumberLiaisonRepair(),
        SixDixRepair(),
        ThSpellingRepair(),
        ForeignLettersRepair(),
        ForeignNameRepair(),
        FinalYRepair(),
        BrandPlusRepair(),
        LatinPhraseRepair(),
        AujourdhuiRepair(),
        QuElisionRepair(),
        LetterLiaisonRepair(),
    ]

    /// `text` with every repair applied; text with no word a repair looks for comes back unchanged.
    static func apply(_ text: String) -> String {
        guard mayNeedRepair(text) || ForeignNameRepair.mayApply(text) || FinalYRepair.mayApply(text) else { return text }
        var words = SpokenWords(text)
        for repair in standard { repair.repair(&words) }
        return words.text
    }

    /// Every repair today is about "vingt", "cent", "six", "dix", "th", "et c(a)etera", "et al", "hui", "qu'h", a
    /// spelled letter (" s m ") or a letter of Latin Extended-A (UTF-8 lead byte C4 or C5): most
    /// sentences are ruled out without cutting them.
    private static func mayNeedRepair(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(containsRepairTrigger) ?? containsRepairTrigger(Array(text.utf8))
    }

    /// f, l, m, n, r, s, x, e, o, i or u in either case (the letters ``LetterLiaisonRepair`` names).
    @inline(__always)
    private static func isLetterWithVowelName(_ byte: UInt8) -> Bool {
        switch byte | 0x20 {
        case 0x66, 0x6C, 0x6D, 0x6E, 0x72, 0x73, 0x78, 0x65, 0x6F, 0x69, 0x75: return true
        default: return false
        }
    }

    private static func containsRepairTrigger<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8, C.Index == Int {
        // "ent" (cent), "ngt" (vingt) or "th", in any case.
        var k = bytes.startIndex
        while k + 1 < bytes.endIndex {
            if bytes[k] == 0xC4 || bytes[k] == 0xC5 { return true }
            // "'h" or "’h" of « qu'homme » (any apostrophe before an h: rare enough),
            // "hui" of « aujourd'hui », "t al" of « et al », "etera" of « et cetera ».
            if bytes[k] == 0x27 || bytes[k] == 0x99, bytes[k + 1] | 0x20 == 0x68 { return true }
            if k + 2 < bytes.endIndex, bytes[k] | 0x20 == 0x68, bytes[k + 1] | 0x20 == 0x75, bytes[k + 2] | 0x20 == 0x69 {
                return true
            }
            if k + 3 < bytes.endIndex, bytes[k] | 0x20 == 0x74, bytes[k + 1] == 0x20, bytes[k + 2] | 0x20 == 0x61,
                bytes[k + 3] | 0x20 == 0x6C
            {
                return true
            }
            if k + 4 < bytes.endIndex, bytes[k] | 0x20 == 0x65, bytes[k + 1] | 0x20 == 0x74, bytes[k + 2] | 0x20 == 0x65,
                bytes[k + 3] | 0x20 == 0x72, bytes[k + 4] | 0x20 == 0x61
            {
                return true
            }
            let a = bytes[k] | 0x20, b = bytes[k + 1] | 0x20
            if a == 0x74 && b == 0x68 { return true }
            // "ix " of « six », « dix » before another word.
            if a == 0x69 && b == 0x78, k + 2 < bytes.endIndex, bytes[k + 2] == 0x20 { return true }
            // " s m": a spelled letter whose name starts with a vowel sound, then another letter.
            if bytes[k] == 0x20, k + 3 < bytes.endIndex, bytes[k + 2] == 0x20, Self.isLetterWithVowelName(bytes[k + 1]),
                bytes[k + 3] | 0x20 >= 0x61, bytes[k + 3] | 0x20 <= 0x7A,
                k + 4 == bytes.endIndex || !(bytes[k + 4] | 0x20 >= 0x61 && bytes[k + 4] | 0x20 <= 0x7A)
            {
                return true
            }
            if k + 2 < bytes.endIndex {
                let c = bytes[k + 2] | 0x20
                if (a == 0x65 && b == 0x6E && c == 0x74) || (a == 0x6E && b == 0x67 && c == 0x74) { return true }
            }
            k += 1
        }
        return false
    }
}
