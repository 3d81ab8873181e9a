// SPDX-License-Identifier: GPL-3.0-or-later
import Testing
@testable import EcouterFeed

@Suite struct FragmentTextTests {
    @Test func blocksBecomeParagraphsAndInlineMarkupDisappears() {
        let html = "<h2>Le titre</h2><p>Un <em>premier</em> paragraphe&nbsp;: l&#39;été, &amp; la plage.</p><ul><li>un</li><li>deux</li></ul>Texte libre<br>après"
        #expect(FragmentText.text(ofHTML: html) == "Le titre\n\nUn premier paragraphe : l'été, & la plage.\n\nun\n\ndeux\n\nTexte libre\n\naprès")
    }

    @Test func scriptsStylesAndEmptyMarkupGiveNoText() {
        #expect(FragmentText.text(ofHTML: "<script>alert('x')</script><style>p{}</style><p>Lu.</p>") == "Lu.")
        #expect(FragmentText.text(ofHTML: "<div><img src=x></div>").isEmpty)
        #expect(FragmentText.text(ofHTML: "").isEmpty)
    }

    @Test func brokenAndDeepMarkupIsHandled() {
        #expect(FragmentText.text(ofHTML: "<p>ouvert <b>jamais fermé <i>ni ça") == "ouvert jamais fermé ni ça")
        let deep = String(repeating: "<div>", count: 20_000) + "fond" + String(repeating: "</div>", count: 20_000)
        #expect(FragmentText.text(ofHTML: deep).contains("fond") || FragmentText.text(ofHTML: deep).isEmpty)
    }
}
