// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterCore
@testable import EcouterAudio
import Foundation
import Synchronization
import Testing

/// SIGPIPEs delivered to this process while the test's handler is installed.
private let deliveredBrokenPipes = Atomic<Int>(0)

@Suite("Descriptor writes")
struct DescriptorWriteTests {
    @Test("a write to a closed pipe is EPIPE and raises no SIGPIPE, with the process's disposition untouched")
    func closedPipeIsEPIPEWithoutSignal() throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        defer { close(ends[1]) }
        close(ends[0])  // nobody will ever read

        // A counting handler instead of the default action: if the write let SIGPIPE through, the
        // count goes up (the default action would end the test process instead of failing a test).
        let previous = signal(SIGPIPE) { _ in deliveredBrokenPipes.add(1, ordering: .relaxed) }
        defer { signal(SIGPIPE, previous) }
        let before = deliveredBrokenPipes.load(ordering: .relaxed)

        let failure = DescriptorWrite.all(ends[1], Array("une phrase\n".utf8))

        #expect(failure == EPIPE)
        #expect(deliveredBrokenPipes.load(ordering: .relaxed) == before, "the write raised a SIGPIPE")
        // The library changed neither the disposition nor this thread's mask.
        let now = signal(SIGPIPE, SIG_IGN)
        signal(SIGPIPE, now)
        #expect(unsafeBitCast(now, to: Int.self) != unsafeBitCast(SIG_IGN, to: Int.self))
        var mask = sigset_t()
        pthread_sigmask(SIG_SETMASK, nil, &mask)
        #expect(sigismember(&mask, SIGPIPE) == 0)
    }
}
