// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterSynthesis
import Foundation

/// Phonemizes spoken text in which `[[…]]` spans are already eSpeak NG phonemes (from a lexicon).
///
/// `SpeechEngine.phonemes(of:voice:)` does not interpret `[[…]]` (synthesis does), so the spans are cut
/// out, kept as written, and the text between them is phonemized. Used by `ecouter phonemes` and by the
/// lexicon tests, so both judge a lexicon entry the way it will sound.
package enum PhonemeText {
    package static func render(_ spoken: String, phonemize: (String) throws(SynthesisError) -> String) throws(SynthesisError) -> String {
        var parts: [String] = []
        var rest = Substring(spoken)
        while let open = rest.range(of: "[["), let close = rest[open.upperBound...].range(of: "]]") {
            let before = rest[..<open.lowerBound]
            if before.contains(where: { !$0.isWhitespace }) { parts.append(try phonemize(String(before))) }
            parts.append(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        if rest.contains(where: { !$0.isWhitespace }) { parts.append(try phonemize(String(rest))) }
        return parts.joined(separator: " ")
    }
}
