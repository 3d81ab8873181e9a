// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer harness: RSS 2.0, RSS 1.0 and Atom through FeedParser (the attribute bound, the entity
// refusal, libxml2, the tree walk, dates, item fragments). JSON inputs are left to the JSON harness.
import EcouterFeed

private let parser = FeedParser()

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzBytes(data, size)
    if bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }) == UInt8(ascii: "{") { return -1 }
    checkFeed(bytes, parser)
    return 0
}
