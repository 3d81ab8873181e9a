// SPDX-License-Identifier: GPL-3.0-or-later
public import Foundation

/// What a child process printed and how it ended.
public struct ChildOutput: Sendable {
    public var status: Int32
    public var stdout: Data
    public var stderr: String
    public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
}

/// A child process that took longer than the test allowed (it has been terminated).
public struct ChildTimeout: Error { public var arguments: [String] }

/// Runs child processes for the tests, waiting for them *off* Swift's cooperative pool.
///
/// Swift Testing runs every test, synchronous ones included, on the cooperative pool, which has
/// one thread per core: two on the CI machine. A test that blocks in `waitUntilExit` or
/// `DispatchGroup.wait` holds one of them for as long as the child runs (minutes for a long
/// reading), and two such tests leave none for the async server tests beside them, which then
/// miss their deadlines. Waiting on a thread of its own keeps the pool free.
public enum ChildRun {
    /// Runs `executable ARGS` with `stdin` fed in and `environment` added; waits at most `timeout` seconds.
    public static func run(
        _ executable: URL, _ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:],
        timeout: TimeInterval = 120
    ) async throws -> ChildOutput {
        try await offCooperativePool {
            try blocking(executable, arguments, stdin: stdin, environment: environment, timeout: timeout)
        }
    }

    /// The same wait, blocking the calling thread (for code already off the pool).
    public static func blocking(
        _ executable: URL, _ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:],
        timeout: TimeInterval = 120
    ) throws -> ChildOutput {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Drain both pipes concurrently so a large output cannot block the child.
        nonisolated(unsafe) var out = Data(), err = Data()
        let group = DispatchGroup()
        group.enter()
        Thread.detachNewThread { out = output.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        Thread.detachNewThread { err = errors.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        if let stdin {
            input.fileHandleForWriting.write(stdin)
            try? input.fileHandleForWriting.close()
        }
        if group.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            throw ChildTimeout(arguments: arguments)
        }
        process.waitUntilExit()
        return ChildOutput(status: process.terminationStatus, stdout: out, stderr: String(decoding: err, as: UTF8.self))
    }
}

/// Runs blocking `work` on a thread of its own and resumes the caller when it is done (see ``ChildRun``).
public func offCooperativePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
    }
}

extension Process {
    /// Waits for the process to end without holding a cooperative thread; returns its status.
    public func exitStatus() async -> Int32 {
        nonisolated(unsafe) let process = self
        return (try? await offCooperativePool {
            process.waitUntilExit()
            return process.terminationStatus
        }) ?? -1
    }
}
