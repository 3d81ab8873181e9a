// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Ecouter
import Foundation

/// The command's exit statuses (sysexits.h values, so scripts can tell the causes apart).
enum ExitStatus {
    static let usage: Int32 = 64
    static let input: Int32 = 65
    static let engine: Int32 = 69
    static let output: Int32 = 73
    static let interrupted: Int32 = 130

    static func of(_ code: EcouterError.Code) -> Int32 {
        switch code {
        case .input: input
        case .output: output
        case .settings: usage
        case .engine: engine
        case .cancelled: interrupted
        default: engine
        }
    }
}

/// Prints `ecouter: error: MESSAGE` on one line of standard error.
func printError(_ message: String) {
    let line = "ecouter: error: " + message.replacingOccurrences(of: "\n", with: " ") + "\n"
    StandardStreams.writeError(line)
}

/// Reports `error` on stderr and gives the exit code to throw.
func fail(_ error: EcouterError) -> ExitCode {
    printError(error.message)
    return ExitCode(ExitStatus.of(error.code))
}
