// SPDX-License-Identifier: GPL-3.0-or-later
@testable import EcouterServer
import NIOCore
import Testing

/// The in-memory copies of cached files: bounded, least recently used out first.
@Suite("Hot files in memory")
struct HotFilesTests {
    static func bytes(_ count: Int, _ value: UInt8) -> ByteBuffer { ByteBuffer(bytes: [UInt8](repeating: value, count: count)) }

    @Test("past the bound the least recently used file goes; a use counts; the total never passes the bound")
    func leastRecentlyUsedGoes() {
        let files = HotFiles(maxBytes: 40)
        files.keep("a", Self.bytes(10, 1))
        files.keep("b", Self.bytes(10, 2))
        files.keep("c", Self.bytes(10, 3))
        #expect(files.get("a") == Self.bytes(10, 1))  // a is now newer than b and c
        files.keep("d", Self.bytes(10, 4))
        #expect(files.size == 40)
        files.keep("e", Self.bytes(10, 5))
        #expect(files.get("b") == nil)
        #expect(files.get("a") != nil && files.get("c") != nil && files.get("d") != nil && files.get("e") != nil)
        #expect(files.size == 40)
    }

    @Test("a file over a quarter of the bound is not kept; forgotten files go")
    func largeAndForgotten() {
        let files = HotFiles(maxBytes: 40)
        files.keep("big", Self.bytes(11, 9))
        #expect(files.get("big") == nil)
        files.keep("x.mp3", Self.bytes(10, 1))
        files.keep("x.wav", Self.bytes(10, 2))
        files.forget(["x.mp3", "x.wav", "x.opus"])
        #expect(files.get("x.mp3") == nil && files.get("x.wav") == nil)
        #expect(files.size == 0)
    }
}
