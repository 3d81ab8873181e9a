// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer harness: the sentence segmenter, held to its contract (SegmentPropertyTests):
// sentences in order, not overlapping, trimmed, capped, and only white space left between them.
import EcouterNormalization

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = fuzzText(data, size)
    // The first byte also picks a small length cap now and then, so the capping path is explored.
    let cap: Int? = size > 0 && data![0] % 4 == 0 ? Int(data![0] / 4) + 2 : SentenceSegmenter.Options.defaultMaximumSentenceLength
    let segmenter = SentenceSegmenter(options: .init(maximumSentenceLength: cap))
    let scalars = text.unicodeScalars
    var covered = scalars.startIndex
    for range in segmenter.sentenceRanges(in: text) {
        invariant(!range.isEmpty, "an empty sentence")
        invariant(range.lowerBound >= covered && range.upperBound <= text.endIndex, "sentences out of order or out of the text")
        invariant(scalars[covered..<range.lowerBound].allSatisfy(\.properties.isWhitespace), "text left out between sentences")
        let sentence = scalars[range]
        invariant(!sentence.first!.properties.isWhitespace && !sentence.last!.properties.isWhitespace, "a sentence not trimmed")
        if let cap { invariant(sentence.count <= max(cap, 2), "a sentence over the cap of \(cap) scalars") }
        covered = range.upperBound
    }
    invariant(scalars[covered...].allSatisfy(\.properties.isWhitespace), "text left out at the end")
    return 0
}
