// SPDX-License-Identifier: GPL-3.0-or-later
import Testing
@testable import EcouterFeed

@Suite struct ItemKeyTests {
    @Test func fileNamesComeFromTheIdHashAndStayInsideTheDirectory() {
        for id in ["../../etc/passwd", "/absolute", "a/b\\c", "titre : « été »", String(repeating: "x", count: 10_000)] {
            let name = ItemKey(id: id).fileName(format: .mp3)
            #expect(name.count == 36)
            #expect(name.hasSuffix(".mp3"))
            #expect(name.dropLast(4).allSatisfy { $0.isHexDigit && !$0.isUppercase })
        }
        #expect(ItemKey(id: "a").stem == String(SHA256.hex("a").prefix(32)))
        #expect(ItemKey(id: "a").stem != ItemKey(id: "b").stem)
    }

    @Test(arguments: ["1/1", "1/2", "2/2", "3/7"])
    func parsesShards(text: String) throws {
        let shard = try Shard(parsing: text)
        #expect(shard.description == text)
    }

    @Test(arguments: ["0/2", "3/2", "1/0", "a/b", "1", "1/2/3", "-1/2", ""])
    func refusesBadShards(text: String) {
        #expect(throws: FeedError.self) { try Shard(parsing: text) }
    }

    @Test func shardsPartitionTheItemsEvenlyAndDeterministically() throws {
        let ids = (0..<3000).map { "https://example.org/article/\($0)" }
        let shards = try (1...3).map { try Shard(index: $0, count: 3) }
        var counts = [0, 0, 0]
        for id in ids {
            let owners = shards.indices.filter { shards[$0].contains(ItemKey(id: id)) }
            #expect(owners.count == 1, "\(id) belongs to \(owners.count) shards")
            if let owner = owners.first { counts[owner] += 1 }
        }
        // Uniform hashing: each third within a few percent of 1000.
        #expect(counts.allSatisfy { (900...1100).contains($0) }, "\(counts)")
        #expect(Shard.all.contains(ItemKey(id: "anything")))
    }
}
