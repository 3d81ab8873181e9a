// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterCore
import EcouterSynthesis
import Foundation
import Testing
@testable import Ecouter

/// The package's one launcher of worker processes.
@Suite("Child process")
struct ChildProcessTests {
    @Test("its pipes are the child's standard input and output, and closing the input ends a filter")
    func pipes() throws {
        let child = try ChildProcess(executable: "/bin/cat", arguments: [])
        #expect(DescriptorWrite.all(child.input, Array("bonjour\n".utf8)) == nil)
        var reader = PipeReader(fileDescriptor: child.output, timeoutMilliseconds: 10_000)
        #expect(reader.readLine() == Array("bonjour".utf8))
        #expect(child.reap(within: 10_000) == .exited(0))
        #expect(child.input == -1)
    }

    @Test("the exit status and the signal that ended it are told apart")
    func terminations() throws {
        let exited = try ChildProcess(executable: "/bin/sh", arguments: ["-c", "exit 3"])
        #expect(exited.reap(within: 10_000) == .exited(3))
        #expect(exited.reap(within: 10_000).description == "exited with status 3")
        let aborted = try ChildProcess(executable: "/bin/sh", arguments: ["-c", "kill -ABRT $$"])
        #expect(aborted.reap(within: 10_000) == .signalled(SIGABRT))
        #expect(aborted.reap(within: 0).description == "was killed by signal \(SIGABRT)")
    }

    @Test("a child that does not exit when told is killed once the bound has passed, not waited for")
    func boundedReap() throws {
        let stubborn = try ChildProcess(executable: "/bin/sleep", arguments: ["60"])
        let start = ContinuousClock.now
        #expect(stubborn.reap(within: 200) == .signalled(SIGKILL))
        let waited = ContinuousClock.now - start
        #expect(waited >= .milliseconds(200) && waited < .seconds(20), "\(waited)")
    }

    @Test("a program that cannot be started is an error naming why")
    func missingProgram() {
        #expect(throws: ChildProcessError.self) { try ChildProcess(executable: "/nonexistent/worker", arguments: []) }
        do {
            _ = try ChildProcess(executable: "/nonexistent/worker", arguments: [])
        } catch {
            #expect(error.errno == ENOENT && error.description.contains("No such file"))
        }
    }

    @Test("a descriptor this process opened without close-on-exec is not inherited")
    func descriptorsNotInherited() throws {
        let open = Glibc.open("/dev/null", O_RDONLY)  // no O_CLOEXEC, as some sockets of the HTTP stack
        try #require(open > 2)
        defer { close(open) }
        let child = try ChildProcess(executable: "/bin/sh", arguments: ["-c", "[ -e /proc/$$/fd/\(open) ] && exit 1; exit 0"])
        #expect(child.reap(within: 10_000) == .exited(0), "descriptor \(open) was inherited")
    }

    @Test("SIGPIPE, ignored here, is back to its default in the child")
    func signalDefaults() throws {
        let ignored = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, ignored) }
        // A signal ignored when a program starts stays ignored (a shell cannot even trap it), so
        // this exits 7 if the child inherited SIG_IGN, and dies of SIGPIPE if it got the default.
        let child = try ChildProcess(executable: "/bin/sh", arguments: ["-c", "kill -PIPE $$; exit 7"])
        #expect(child.reap(within: 10_000) == .signalled(SIGPIPE))
    }
}
