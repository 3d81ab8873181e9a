// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterSynthesis

/// eSpeak NG's phonemes of a spoken text, and the warning when the engine crashed on it.
public struct Phonemes: Sendable, Equatable {
    /// The mnemonics, clauses joined by " | " (`espeak-ng -q -x`); empty when the engine crashed
    /// on the text and on its spelled-out form.
    public var text: String
    /// One line saying the engine crashed on the text and what was done; nil when it did not.
    public var warning: String?
}

extension ArticleReader {
    /// eSpeak NG's phoneme mnemonics of `spoken` (text already normalized, as
    /// ``FrenchNormalizer/pronounce(_:)`` returns it), where synthesis runs: with
    /// ``Synthesis/isolated(_:)`` in the speech worker, since `espeak_TextToPhonemes` is the same
    /// untrusted C as synthesis. `[[…]]` spans (lexicon phonemes) are kept as written.
    ///
    /// A crash of the engine costs this text only: it is retried with its letters spelled apart,
    /// else its phonemes are empty, and ``Phonemes/warning`` says so.
    /// - Throws: ``EcouterError`` `.engine` when no engine can start, `.settings` for a voice the
    ///   engine refuses.
    public func phonemes(ofSpoken spoken: String) async throws(EcouterError) -> Phonemes {
        try options.validate()
        var parts: [String] = []
        var warning: String?
        for piece in PhonemeText.pieces(of: spoken) {
            switch piece {
            case .phonemes(let phonemes):
                parts.append(phonemes)
            case .text(let text):
                let result = try await speakers.first.phonemes(text, voice: options.voiceParameters)
                if !result.phonemes.isEmpty { parts.append(result.phonemes) }
                if let crash = result.crash, warning == nil {
                    let outcome = crash.silenced ? "its phonemes are left out" : "its letters were spelled apart"
                    warning = "the speech engine crashed on it (the worker \(crash.how)); \(outcome)"
                }
            }
        }
        return Phonemes(text: parts.joined(separator: " "), warning: warning)
    }
}
