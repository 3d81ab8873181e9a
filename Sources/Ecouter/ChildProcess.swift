// SPDX-License-Identifier: GPL-3.0-or-later
import Synchronization
#if canImport(Glibc)
package import Glibc
#elseif canImport(Darwin)
package import Darwin
#endif

/// A worker child process with a pipe to its standard input and one from its standard output;
/// its standard error goes to `/dev/null`. The one launcher of the package's worker processes
/// (speech workers, feed workers).
///
/// Started with `posix_spawn` (a `vfork`-like start: no copy of this process's memory) rather than
/// Foundation's `Process`, and reaped here with a bounded wait: `Process.waitUntilExit` on a child
/// its own monitor had not reaped yet hangs under AddressSanitizer. Safe from any thread: the
/// descriptor of the child's input and its termination are kept under a lock, and a child is
/// only signalled while the same lock shows it unreaped (its pid could be someone else's after).
package final class ChildProcess: Sendable {
    /// How a child ended.
    package enum Termination: Equatable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)

        package var description: String {
            switch self {
            case .exited(let status): "exited with status \(status)"
            case .signalled(let signal): "was killed by signal \(signal)"
            }
        }
    }

    package let processIdentifier: pid_t
    /// Read end of the child's standard output.
    package let output: Int32

    private struct State {
        /// Write end of the child's standard input; -1 once closed.
        var input: Int32
        var termination: Termination?
    }

    private let state: Mutex<State>

    /// Write end of the child's standard input; -1 once closed.
    package var input: Int32 { state.withLock { $0.input } }
    package var termination: Termination? { state.withLock { $0.termination } }

    /// Starts `executable` with `arguments` (argv[0] is the executable's path) and this process's environment.
    ///
    /// - Throws: the `errno` of `pipe` or `posix_spawn` (e.g. ENOENT for a missing program).
    package init(executable: String, arguments: [String]) throws(ChildProcessError) {
        let (pid, input, output) = try Self.spawning.withLock { _ throws(ChildProcessError) in
            try Self.spawn(executable, arguments)
        }
        processIdentifier = pid
        self.output = output
        state = Mutex(State(input: input))
    }

    /// Held from making the pipes to closing the child's ends: a child started meanwhile by
    /// another thread would inherit them before they are marked close-on-exec (Glibc's `pipe2`
    /// is not visible to Swift), and a worker whose input is held open elsewhere never sees its end.
    private static let spawning = Mutex(())

    private static func spawn(_ executable: String, _ arguments: [String]) throws(ChildProcessError) -> (pid_t, Int32, Int32) {
        var toChild: [Int32] = [-1, -1], fromChild: [Int32] = [-1, -1]
        guard pipe(&toChild) == 0 else { throw ChildProcessError(errno: errno) }
        guard pipe(&fromChild) == 0 else {
            let failure = errno
            close(toChild[0]); close(toChild[1])
            throw ChildProcessError(errno: failure)
        }
        // Close-on-exec: no other child inherits these ends. dup2 onto 0 and 1 clears it there.
        for descriptor in toChild + fromChild { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        closeOtherDescriptors(&actions)
        // Signals this process ignores (SIGPIPE) or blocks would be inherited: give the child defaults.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t(), none = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        close(toChild[0])
        close(fromChild[1])
        guard status == 0 else {
            close(toChild[1]); close(fromChild[0])
            throw ChildProcessError(errno: status)
        }
        return (pid, toChild[1], fromChild[0])
    }

    /// Descriptors this process opened without close-on-exec (some sockets of the HTTP stack
    /// are) would stay open in the child: a worker holding a copy of a server's connection keeps
    /// the client from ever seeing it close. Foundation's `Process` closes them all in the child;
    /// so does this, with glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later, not
    /// visible to Swift: looked up by name), else by closing each one open now.
    private static func closeOtherDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        if let closeFrom = addCloseFrom {
            _ = closeFrom(&actions, 3)
            return
        }
        for descriptor in 3..<min(Int32(getdtablesize()), 65_536) {
            let flags = fcntl(descriptor, F_GETFD)
            if flags >= 0, flags & FD_CLOEXEC == 0 { posix_spawn_file_actions_addclose(&actions, descriptor) }
        }
    }

    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private static let addCloseFrom: AddCloseFrom? = {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: AddCloseFrom.self)
    }()

    /// Lets the child go: its input closes so it exits on its own (a worker between requests does
    /// within milliseconds), and it is reaped, killed past ``releaseTimeout``: no zombie is left.
    deinit {
        closeInput()
        close(output)
        reap(within: Self.releaseTimeout)
    }

    /// How long a released child may take to exit once its input is closed.
    static let releaseTimeout = 1_000

    /// Closes the child's input: a worker sees its end and exits.
    package func closeInput() {
        state.withLock { state in
            guard state.input >= 0 else { return }
            close(state.input)
            state.input = -1
        }
    }

    /// Sends `signal` unless the child was reaped (its pid may then be someone else's).
    package func signal(_ signal: Int32) {
        state.withLock { state in
            guard state.termination == nil else { return }
            kill(processIdentifier, signal)
        }
    }

    /// Waits up to `milliseconds` for the child to exit, then kills it (SIGKILL) and waits for
    /// that; never waits for ever on a child that will not end. Closes its input first.
    @discardableResult
    package func reap(within milliseconds: Int) -> Termination {
        if let termination { return termination }
        closeInput()
        var waited = 0
        var pause = 100  // microseconds, doubling: a worker that was told to stop exits within ~1 ms
        while true {
            // Polled and recorded under the lock, so that signal() never sees a reaped child as live.
            let ended = state.withLock { state -> Termination? in
                if let termination = state.termination { return termination }
                var status: Int32 = 0
                let result = waitpid(processIdentifier, &status, WNOHANG)
                if result == processIdentifier {
                    state.termination = Self.termination(status)
                } else if result < 0, errno != EINTR {
                    state.termination = .exited(-1)  // not our child any more (reaped elsewhere): nothing to wait for
                } else if waited >= milliseconds * 1000 {
                    kill(processIdentifier, SIGKILL)
                    while waitpid(processIdentifier, &status, 0) < 0, errno == EINTR {}
                    state.termination = Self.termination(status)
                }
                return state.termination
            }
            if let ended { return ended }
            usleep(UInt32(pause))
            waited += pause
            pause = min(pause * 2, 20_000)
        }
    }

    private static func termination(_ status: Int32) -> Termination {
        (status & 0x7F) == 0 ? .exited((status >> 8) & 0xFF) : .signalled(status & 0x7F)
    }
}

/// A child process could not be started.
package struct ChildProcessError: Error, CustomStringConvertible {
    package var errno: Int32
    package var description: String { String(cString: strerror(errno)) }
}
