// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterExtraction

/// Plain text of an HTML fragment from a feed, paragraph by paragraph (see
/// `HTMLFragmentText` in EcouterExtraction, which parses it: libxml2 stays in that target).
enum FragmentText {
    /// Paragraphs separated by blank lines; empty when there is no text.
    static func text(ofHTML html: String) -> String {
        HTMLFragmentText.text(ofHTML: html)
    }
}
