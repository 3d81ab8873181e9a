// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer harness: the French normalizer and the pronunciation repairs, sentence by sentence, as
// the reader runs them. What is said is one line, never leaks lexicon brackets, and says something
// when the sentence had a plain letter or digit (PropertyTests).
import EcouterNormalization

private let normalizer = FrenchNormalizer()

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = fuzzText(data, size)
    normalizer.forEachSentence(in: text) { sentence in
        let spoken = sentence.spoken
        invariant(!spoken.contains("\n"), "a line break in what is said for \(sentence.written.debugDescription)")
        invariant(!spoken.contains("[["), "lexicon brackets leaked for \(sentence.written.debugDescription)")
        let plain = sentence.written.unicodeScalars.contains { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        let says = spoken.unicodeScalars.contains { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
        invariant(!plain || says, "nothing said for \(sentence.written.debugDescription)")
        _ = normalizer.pronounce(spoken)
        _ = normalizer.pieces(of: sentence.written)
    }
    return 0
}
