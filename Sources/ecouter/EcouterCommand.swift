// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser

@main
struct EcouterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ecouter", abstract: "French news read aloud.", subcommands: [TextCommand.self])
    func run() async throws {}
}
