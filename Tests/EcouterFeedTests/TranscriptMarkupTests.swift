// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import Foundation
import Testing
@testable import EcouterFeed

/// The episode text of `index.html` (and the page around it) from timings values, including values no run writes (wrong
/// ranges, times, line breaks): the page degrades, it never breaks. The real-engine path is in
/// `FeedTimingsTests` and `FeedPlayerBrowserTests`.
@Suite struct TranscriptMarkupTests {
    /// A sentence over `range` of `text` (scalars), its UTF-16 range computed, words from `(from, to)`
    /// scalar pairs (which may lie past the text: their written form is then cut short).
    static func sentence(_ text: String, _ range: Range<Int>, start: Double, end: Double, words: [(Int, Int)] = []) -> SentenceTiming {
        let scalars = Array(text.unicodeScalars)
        func utf16(_ i: Int) -> Int { scalars.prefix(i).reduce(0) { $0 + ($1.value > 0xFFFF ? 2 : 1) } }
        let timed = words.enumerated().map { index, word in
            WordTiming(start: start + Double(index) * 0.1, end: start + Double(index) * 0.1 + 0.09,
                       written: String(String.UnicodeScalarView(scalars[min(word.0, scalars.count)..<min(word.1, scalars.count)])), spoken: "", scalars: [word.0, word.1], utf16: [utf16(word.0), utf16(word.1)])
        }
        return SentenceTiming(start: start, end: end, scalars: [range.lowerBound, range.upperBound], utf16: [utf16(range.lowerBound), utf16(range.upperBound)], words: timed)
    }

    @Test func linesBecomeParagraphsAndSentencesCarryTheirTimesAndRebasedWordRanges() {
        // "𝔘" is two UTF-16 units: the second word's offsets inside its sentence count it so.
        let text = "Titre\n\nUn 𝔘 mot. Deux <b>&.\nFin"
        let timings = Timings(text: text, duration: 3, sentences: [
            Self.sentence(text, 0..<5, start: 0, end: 0.5),
            Self.sentence(text, 7..<16, start: 1, end: 1.6, words: [(7, 9), (10, 11), (12, 15)]),
            Self.sentence(text, 17..<27, start: 1.7, end: 2.25),
        ])
        let html = TranscriptMarkup.html(timings)
        #expect(html == """
            <p><span class="sentence" data-start="0.000" data-end="0.500">Titre</span></p>
            <p><span class="sentence" data-start="1.000" data-end="1.600" data-words="1.000 1.090 0 2;1.100 1.190 3 5;1.200 1.290 6 9">Un 𝔘 mot.</span> \
            <span class="sentence" data-start="1.700" data-end="2.250">Deux &lt;b&gt;&amp;.</span></p>
            <p>Fin</p>

            """)
    }

    @Test func wrongRangesAndTimesDropASpanOrAWordButKeepTheText() {
        let text = "Un. Deux. Trois."
        let timings = Timings(text: text, duration: 3, sentences: [
            Self.sentence(text, 0..<3, start: 0, end: 1, words: [(0, 2), (0, 2), (1, 40)]),  // a repeated word, one out of range
            Self.sentence(text, 2..<9, start: 1, end: 2),      // overlaps the first
            Self.sentence(text, 10..<99, start: 2, end: 3),    // past the end of the text
            SentenceTiming(start: .nan, end: 1, scalars: [4, 9], utf16: [4, 9], words: []),
        ])
        let html = TranscriptMarkup.html(timings)
        #expect(html == "<p><span class=\"sentence\" data-start=\"0.000\" data-end=\"1.000\" data-words=\"0.000 0.090 0 2\">Un.</span> Deux. Trois.</p>\n")
    }

    @Test func aCarriageReturnIsACharacterReferenceSoOffsetsSurviveTheHTMLParser() {
        let text = "Un\r\ndeux."
        let html = TranscriptMarkup.html(Timings(text: text, duration: 1, sentences: [Self.sentence(text, 0..<9, start: 0, end: 1, words: [(4, 8)])]))
        #expect(html == "<p><span class=\"sentence\" data-start=\"0.000\" data-end=\"1.000\" data-words=\"0.000 0.090 4 8\">Un&#13;\ndeux.</span></p>\n")
    }

    @Test func secondsAreWrittenToTheMillisecondAndBadOnesRefused() {
        #expect(TranscriptMarkup.seconds(0) == "0.000")
        #expect(TranscriptMarkup.seconds(12.3456) == "12.346")
        #expect(TranscriptMarkup.seconds(3600.05) == "3600.050")
        #expect(TranscriptMarkup.seconds(-0.1) == nil && TranscriptMarkup.seconds(.infinity) == nil && TranscriptMarkup.seconds(.nan) == nil)
    }

    @Test func thePageShowsTheTextOfTheFirstEpisodesOnlyAndLinksEveryWebVTTFile() {
        let count = IndexPageWriter.transcriptLimit + 5
        let entries = (0..<count).map { index in
            let key = ItemKey(id: "urn:\(index)")
            return Manifest.Entry(id: "urn:\(index)", title: "Épisode \(index)", file: key.fileName(format: .mp3), transcript: key.transcriptFileName, timings: key.timingsFileName, duration: 1)
        }
        let text = "Une phrase."
        var asked = 0
        let page = IndexPageWriter.document(manifest: Manifest(feed: .init(source: "f")), entries: entries, hasPodcastFeed: false) { _ in
            asked += 1
            return Timings(text: text, duration: 1, sentences: [Self.sentence(text, 0..<11, start: 0, end: 1)])
        }
        #expect(asked == IndexPageWriter.transcriptLimit)
        #expect(page.components(separatedBy: "<details class=\"transcript\">").count - 1 == IndexPageWriter.transcriptLimit)
        #expect(page.components(separatedBy: "type=\"text/vtt\">texte minuté").count - 1 == count)
    }

    @Test func aTranscriptNameNotDerivedFromTheIdIsNeverLinked() {
        var entry = Manifest.Entry(id: "urn:x", title: "Piégé", file: ItemKey(id: "urn:x").fileName(format: .mp3), bytes: 10)
        entry.transcript = "javascript:alert(1)"
        let page = IndexPageWriter.document(manifest: Manifest(feed: .init(source: "f")), entries: [entry], hasPodcastFeed: false)
        #expect(!page.contains("javascript:") && !page.contains("WebVTT"))
        entry.transcript = ItemKey(id: "urn:x").transcriptFileName
        #expect(IndexPageWriter.document(manifest: Manifest(feed: .init(source: "f")), entries: [entry], hasPodcastFeed: false).contains("href=\"\(ItemKey(id: "urn:x").transcriptFileName)\""))
    }

    @Test func thePageListsAnEpisodeWithoutTimingsWithItsPlayerOnly() {
        let entry = Manifest.Entry(id: "urn:x", title: "Sans texte", file: "a.mp3", duration: 2)
        let page = IndexPageWriter.document(manifest: Manifest(feed: .init(source: "f")), entries: [entry], hasPodcastFeed: false)
        #expect(page.contains("<audio controls") && !page.contains("class=\"transcript\""))
    }
}
