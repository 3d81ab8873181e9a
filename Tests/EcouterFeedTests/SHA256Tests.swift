// SPDX-License-Identifier: GPL-3.0-or-later
import Testing
@testable import EcouterFeed

@Suite struct SHA256Tests {
    // FIPS 180-4 example vectors.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func matchesTheStandardVectors(message: String, digest: String) {
        #expect(SHA256.hex(message) == digest)
    }

    @Test func aMillionAsInPiecesMatchesTheLongVector() {
        var hasher = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { hasher.update(chunk) }
        #expect(SHA256.hexString(hasher.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func paddingBoundariesAgreeWithIncrementalHashing() {
        // 55, 56 and 64 bytes straddle the padding cases; one-shot and byte-by-byte must agree.
        for length in [55, 56, 63, 64, 65, 119, 120] {
            let text = String(repeating: "é", count: length / 2) + (length % 2 == 1 ? "x" : "")
            var hasher = SHA256()
            for byte in text.utf8 { hasher.update([byte]) }
            #expect(SHA256.hexString(hasher.finalize()) == SHA256.hex(text))
        }
    }
}
