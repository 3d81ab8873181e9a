// SPDX-License-Identifier: GPL-3.0-or-later
@testable import Ecouter
import Testing

/// The reading plan (utterances and pauses) is pure logic: tested without the engine.
@Suite("Reading script")
struct ReadingScriptTests {
    let gaps = VoicePreset.Pauses(sentence: 100, paragraph: 500, heading: 300, title: 900)

    private func script(_ article: Article) -> [Utterance] {
        Array(ReadingScript(article: article, normalizer: FrenchNormalizer(), pauses: gaps))
    }

    @Test("title, then paragraphs: each boundary gets its own pause, none after the end")
    func pauses() {
        let article = Article(title: "Le titre", blocks: [
            .paragraph("Première phrase. Deuxième phrase."),
            .heading("Un intertitre"),
            .paragraph("Troisième phrase."),
            .listItem("Un point"),
            .quote("Une citation."),
        ])
        let plan = script(article)
        #expect(plan.map(\.written) == [
            "Le titre", "Première phrase.", "Deuxième phrase.", "Un intertitre", "Troisième phrase.", "Un point", "Une citation.",
        ])
        #expect(plan.map(\.pauseAfter) == [900, 100, 500, 300, 500, 300, 0])
    }

    @Test("progress counts characters up to the whole article")
    func progress() {
        let article = Article(title: "Titre", blocks: [.paragraph("Une phrase. Une autre.")])
        let plan = ReadingScript(article: article, normalizer: FrenchNormalizer(), pauses: gaps)
        let done = Array(plan).map(\.charactersDone)
        #expect(done == done.sorted())
        #expect(done.last == plan.totalCharacters)
    }

    @Test("blank blocks and an absent title give no utterance")
    func empties() {
        let plan = script(Article(title: nil, blocks: [.paragraph("   "), .paragraph("Seule phrase.")]))
        #expect(plan.map(\.written) == ["Seule phrase."])
        #expect(plan.first?.pauseAfter == 0)
    }
}
