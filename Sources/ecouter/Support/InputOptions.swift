// SPDX-License-Identifier: GPL-3.0-or-later
public import ArgumentParser
import Ecouter
import Foundation

/// How the input page is read: its format and the cleanup rules for scraped text.
struct InputOptions: ParsableArguments {
    @Option(name: .long, help: "How FILE is written: auto (HTML is detected), text or html.")
    var inputFormat: InputFormat = .auto

    @Option(help: ArgumentHelp(
        "Cleanup rules added to the built-in ones (format of voices/cleanup-rules.txt).", valueName: "file"))
    var rules: String?

    /// The built-in cleanup rules, extended by `--rules`.
    func cleanupRules() throws(EcouterError) -> CleanupRules {
        guard let rules else { return .builtIn }
        guard let data = FileManager.default.contents(atPath: rules) else {
            throw EcouterError(.settings, "cannot read cleanup rules \(rules)")
        }
        do throws(ExtractionError) {
            return CleanupRules.builtIn.merging(try CleanupRules(parsing: String(decoding: data, as: UTF8.self)))
        } catch {
            throw EcouterError(.settings, "\(rules): \(error.message)")
        }
    }
}

extension InputFormat: ExpressibleByArgument {}
