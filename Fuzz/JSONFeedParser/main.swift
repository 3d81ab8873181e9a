// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer harness: JSON Feed through FeedParser (the JSON reader, ids as text, items). An input
// that would not reach the JSON path gets a « { » in front so every execution exercises it.
import EcouterFeed

private let parser = FeedParser()

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    var bytes = fuzzBytes(data, size)
    if bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) != UInt8(ascii: "{") { bytes.insert(UInt8(ascii: "{"), at: 0) }
    checkFeed(bytes, parser)
    return 0
}
