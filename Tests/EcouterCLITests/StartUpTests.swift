// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing

/// What the command loads: libespeak-ng only where it speaks (the library is opened on first use).
@Suite("Command: start-up")
struct StartUpTests {
    /// The shared libraries the dynamic loader looked for while `ecouter ARGS` ran (glibc's
    /// `LD_DEBUG=libs` trace on standard error), dlopen included.
    static func librariesLoaded(_ arguments: [String], stdin: String = "") async throws -> String {
        let run = try await CommandRunner.run(arguments, stdin: Data(stdin.utf8), environment: ["LD_DEBUG": "libs"])
        #expect(run.status == 0, "\(arguments): \(run.stderr.suffix(300))")
        return run.stderr
    }

    @Test("commands that do not speak never load libespeak-ng; in-process phonemes do (dlopen on first use)")
    func espeakOnlyWhereItSpeaks() async throws {
        let dir = try ScratchDirectory()
        let article = try dir.write("a.txt", "Le titre\n\nLe conseil municipal s'est réuni hier soir, à 20 h.")
        for arguments in [["--version"], ["text", article], ["sentences", article], ["normalize", article]] {
            let trace = try await Self.librariesLoaded(arguments)
            #expect(trace.contains("find library="), "the loader trace is there for \(arguments)")
            #expect(!trace.contains("libespeak-ng"), "\(arguments) loaded libespeak-ng")
        }
        let speaking = try await Self.librariesLoaded(["phonemes", "--unsafe-in-process", article])
        #expect(speaking.contains("libespeak-ng.so.1"))
    }
}
