// SPDX-License-Identifier: GPL-3.0-or-later
@testable import Ecouter
import Foundation
import Testing

/// The WebVTT and JSON forms of ``Timings``: pure formatting, tested on values made by hand.
@Suite("Timings encoding")
struct TimingsEncodingTests {
    /// "Lyon <vote> & gagne." then "Fin." on a second paragraph, with made-up times.
    static let sample: Timings = {
        let text = "Lyon <vote> & gagne.\n\nFin."
        return Timings(text: text, duration: 3725.5, sentences: [
            SentenceTiming(start: 0.25, end: 1.5, scalars: [0, 20], utf16: [0, 20], words: [
                WordTiming(start: 0.25, end: 0.5, written: "Lyon", spoken: "Lyon", scalars: [0, 4], utf16: [0, 4]),
                WordTiming(start: 0.5, end: 0.9, written: "vote", spoken: "vote", scalars: [6, 10], utf16: [6, 10]),
                WordTiming(start: 0.9, end: 1.5, written: "gagne", spoken: "gagne", scalars: [14, 19], utf16: [14, 19]),
            ]),
            SentenceTiming(start: 3723.0, end: 3725.5, scalars: [22, 26], utf16: [22, 26], words: [
                WordTiming(start: 3723.0, end: 3725.5, written: "Fin", spoken: "fin", scalars: [22, 25], utf16: [22, 25]),
            ]),
        ])
    }()

    @Test("WebVTT: header, numbered cues, word timestamps after the first word, escapes")
    func webVTT() {
        let expected = """
            WEBVTT

            1
            00:00:00.250 --> 00:00:01.500
            Lyon &lt;<00:00:00.500>vote&gt; &amp; <00:00:00.900>gagne.

            2
            01:02:03.000 --> 01:02:05.500
            Fin.

            """
        #expect(Self.sample.webVTT() == expected)
    }

    @Test("timestamps: hours, minutes, seconds, milliseconds rounded")
    func timestamps() {
        #expect(Timings.timestamp(0) == "00:00:00.000")
        #expect(Timings.timestamp(59.9996) == "00:01:00.000")
        #expect(Timings.timestamp(3600 + 61.0425) == "01:01:01.043")
        #expect(Timings.timestamp(-2) == "00:00:00.000")
    }

    @Test("a line break inside a sentence becomes a space: no empty line ends the cue early")
    func lineBreaks() {
        let text = "Un\n\ndeux"
        let timings = Timings(text: text, duration: 2, sentences: [
            SentenceTiming(start: 0, end: 2, scalars: [0, 8], utf16: [0, 8], words: [
                WordTiming(start: 0, end: 1, written: "Un", spoken: "un", scalars: [0, 2], utf16: [0, 2]),
                WordTiming(start: 1, end: 2, written: "deux", spoken: "deux", scalars: [4, 8], utf16: [4, 8]),
            ]),
        ])
        let vtt = timings.webVTT()
        #expect(vtt.hasSuffix("00:00:00.000 --> 00:00:02.000\nUn  <00:00:01.000>deux\n"))
        #expect(!vtt.dropFirst(7).contains("\n\n\n"))
    }

    @Test("a word timestamp not strictly inside the cue and after the previous one is left out")
    func outOfOrderTimestamps() {
        let timings = Timings(text: "a b c", duration: 1, sentences: [
            SentenceTiming(start: 0.5, end: 1, scalars: [0, 5], utf16: [0, 5], words: [
                WordTiming(start: 0.5, end: 0.5, written: "a", spoken: "a", scalars: [0, 1], utf16: [0, 1]),
                WordTiming(start: 0.5, end: 0.7, written: "b", spoken: "b", scalars: [2, 3], utf16: [2, 3]),
                WordTiming(start: 1.0, end: 1.0, written: "c", spoken: "c", scalars: [4, 5], utf16: [4, 5]),
            ]),
        ])
        #expect(timings.webVTT().hasSuffix("00:00:00.500 --> 00:00:01.000\na b c\n"))
    }

    @Test("JSON: the issue's keys exactly, and it decodes back to the same value")
    func json() throws {
        let data = try Self.sample.jsonData()
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["text", "duration", "sentences"])
        let sentence = try #require((object["sentences"] as? [[String: Any]])?.first)
        #expect(Set(sentence.keys) == ["start", "end", "scalars", "utf16", "words"])
        let word = try #require((sentence["words"] as? [[String: Any]])?.first)
        #expect(Set(word.keys) == ["start", "end", "written", "spoken", "scalars", "utf16"])
        #expect(word["scalars"] as? [Int] == [0, 4])
        #expect(object["duration"] as? Double == 3725.5)
        #expect(try JSONDecoder().decode(Timings.self, from: data) == Self.sample)
        // Text first, as in the issue's example, so a reader of the file sees the article first.
        #expect(String(decoding: data, as: UTF8.self).hasPrefix(#"{"text":"Lyon <vote> & gagne.\n\nFin.","duration":3725.5,"sentences":[{"start":0.25,"end":1.5,"scalars":[0,20],"#))
    }

    @Test("the format follows the extension; any other is a settings error")
    func formats() throws {
        #expect(TimingsFormat.forPath("a/b.VTT") == .webVTT)
        #expect(TimingsFormat.forPath("b.json") == .json)
        #expect(TimingsFormat.forPath("b.srt") == nil)
        #expect(try TimingsFile(path: "x.vtt").format == .webVTT)
        #expect(throws: EcouterError.self) { try TimingsFile(path: "x.txt") }
        #expect(try TimingsFormat.webVTT.encode(Self.sample) == Array(Self.sample.webVTT().utf8))
    }
}
