// SPDX-License-Identifier: GPL-3.0-or-later

extension Lexicon {
    /// The names of the lexicons shipped with ecouter (`voices/lexicons/*.tsv`).
    public static var builtInNames: [String] { EmbeddedVoices.lexicons.map(\.0) }

    /// A shipped lexicon by name, e.g. `fr-news`.
    ///
    /// - Throws: ``EcouterError/Code/settings`` for an unknown name or (guarded by a test) a broken file.
    public static func builtIn(named name: String) throws(EcouterError) -> Lexicon {
        guard let tsv = EmbeddedVoices.lexicons.first(where: { $0.0 == name })?.1 else {
            throw EcouterError(.settings, "no built-in lexicon \"\(name)\" (have: \(builtInNames.joined(separator: ", ")))")
        }
        do throws(LexiconError) { return try Lexicon(tsv: tsv, name: name) } catch {
            throw EcouterError(.settings, "built-in lexicon \(name): \(error)")
        }
    }
}
