// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter

/// `--lines` input: one independent item per line, blank lines included (they give blank output).
enum LineItems {
    /// Decodes UTF-8 (invalid bytes are an input error; empty input is fine: no items).
    static func decode(_ bytes: [UInt8]) throws(EcouterError) -> String {
        if bytes.isEmpty { return "" }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            throw EcouterError(.input, "the input is not valid UTF-8")
        }
        return text
    }

    /// Calls `body` with each line (without its `\n` or `\r\n`); a final newline ends the last line.
    static func forEach(in text: String, _ body: (String) -> Void) {
        guard !text.isEmpty else { return }
        var utf8 = Array(text.utf8)
        if utf8.last == 0x0A { utf8.removeLast() }
        // Split on newline bytes: far cheaper than splitting by Characters.
        for item in utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            let line = item.last == 0x0D ? item.dropLast() : item
            body(String(decoding: line, as: UTF8.self))
        }
    }
}
