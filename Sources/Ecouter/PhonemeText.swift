// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterSynthesis
import Foundation

/// Phonemizes spoken text in which `[[…]]` spans are already eSpeak NG phonemes (from a lexicon).
///
/// `SpeechEngine.phonemes(of:voice:)` does not interpret `[[…]]` (synthesis does), so the spans are cut
/// out, kept as written, and the text between them is phonemized. Used by `ecouter phonemes` and by the
/// lexicon tests, so both judge a lexicon entry the way it will sound.
package enum PhonemeText {
    /// A piece of spoken text: plain text to phonemize, or a `[[…]]` span's phonemes as written.
    package enum Piece: Equatable {
        case text(String)
        case phonemes(String)
    }

    /// The pieces of `spoken` in order; blank text between spans is left out.
    package static func pieces(of spoken: String) -> [Piece] {
        var pieces: [Piece] = []
        var rest = Substring(spoken)
        while let open = rest.range(of: "[["), let close = rest[open.upperBound...].range(of: "]]") {
            let before = rest[..<open.lowerBound]
            if before.contains(where: { !$0.isWhitespace }) { pieces.append(.text(String(before))) }
            pieces.append(.phonemes(String(rest[open.upperBound..<close.lowerBound])))
            rest = rest[close.upperBound...]
        }
        if rest.contains(where: { !$0.isWhitespace }) { pieces.append(.text(String(rest))) }
        return pieces
    }

    package static func render(_ spoken: String, phonemize: (String) throws(SynthesisError) -> String) throws(SynthesisError) -> String {
        var parts: [String] = []
        for piece in pieces(of: spoken) {
            switch piece {
            case .text(let text): parts.append(try phonemize(text))
            case .phonemes(let phonemes): parts.append(phonemes)
            }
        }
        return parts.joined(separator: " ")
    }
}
