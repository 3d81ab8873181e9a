// SPDX-License-Identifier: GPL-3.0-or-later
import Logging

struct HTMLArticleExtractor {
    var rules: CleanupRules
    var logger: Logger
    func article(from bytes: [UInt8]) throws(ExtractionError) -> Article {
        throw ExtractionError(.unparsable, "HTML extraction is not built yet")
    }
}
