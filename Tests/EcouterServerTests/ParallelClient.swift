// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// Requests on separate connections at once. HummingbirdTesting's live client sends its requests
/// one after another on one connection, so it cannot show what concurrent clients do.
struct ParallelClient: Sendable {
    let port: Int

    init(port: Int) {
        self.port = port
    }

    /// Status, headers (lowercased names) and body.
    func post(_ path: String, text: String) async throws -> (status: Int, headers: [String: String], body: Data) {
        let answer = try await ServerHarness.send(
            port: port, path, method: .POST, body: Array(text.utf8), headers: [("Content-Type", "text/plain")], timeout: .seconds(120))
        var headers: [String: String] = [:]
        for header in answer.headers { headers[header.name.lowercased()] = header.value }
        return (answer.status, headers, Data(answer.body))
    }
}
