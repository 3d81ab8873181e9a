// SPDX-License-Identifier: GPL-3.0-or-later

extension ArticleReader {
    /// Decodes input bytes as text, with the checks the pipeline applies (UTF-8, no NUL, not blank).
    public static func decodeText(_ bytes: [UInt8]) throws(EcouterError) -> String {
        try InputText.decode(bytes)
    }
}
