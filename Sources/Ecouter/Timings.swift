// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// When each sentence and each word of an article is heard, mapped back to the written text.
///
/// Times are seconds from the start of the audio (pauses included), rounded to the millisecond.
/// Ranges are half-open `[from, to)` offsets into ``text``, the article exactly as `ecouter text`
/// prints it (``Article/plainText``): ``SentenceTiming/scalars`` counts Unicode scalars (what Swift's
/// `unicodeScalars` and Python's `str` count), ``SentenceTiming/utf16`` counts UTF-16 code units
/// (what a browser's JavaScript strings count); they differ past any character outside the BMP.
///
/// The JSON form (``jsonData()``) has these keys exactly, so other tools can rely on it:
/// ```json
/// {"text": "…", "duration": 183.69,
///  "sentences": [{"start": 0.0, "end": 2.35, "scalars": [0, 57], "utf16": [0, 57],
///    "words": [{"start": 0.0, "end": 0.41, "written": "Lyon", "spoken": "Lyon",
///               "scalars": [0, 4], "utf16": [0, 4]}]}]}
/// ```
public struct Timings: Sendable, Equatable, Codable {
    /// The article as `ecouter text` prints it: the title, then the blocks, blank lines between.
    public var text: String
    /// Length of the audio in seconds.
    public var duration: Double
    /// The spoken sentences, in reading order.
    public var sentences: [SentenceTiming]

    public init(text: String, duration: Double, sentences: [SentenceTiming]) {
        self.text = text
        self.duration = duration
        self.sentences = sentences
    }

}

/// One sentence: when it is heard, where it is written, and its words.
public struct SentenceTiming: Sendable, Equatable, Codable {
    /// Seconds from the start of the audio where the sentence's speech begins.
    public var start: Double
    /// Seconds where its speech ends (the pause after it is not part of it).
    public var end: Double
    /// `[from, to)` in Unicode scalars of ``Timings/text``.
    public var scalars: [Int]
    /// `[from, to)` in UTF-16 code units of ``Timings/text``.
    public var utf16: [Int]
    /// Every written word that is spoken, in order; a token read as several words ("14h30") is one.
    public var words: [WordTiming]

    public init(start: Double, end: Double, scalars: [Int], utf16: [Int], words: [WordTiming]) {
        self.start = start
        self.end = end
        self.scalars = scalars
        self.utf16 = utf16
        self.words = words
    }
}

/// One written word (or token: "14h30", "M.", "SNCF") and what was said for it.
public struct WordTiming: Sendable, Equatable, Codable {
    /// Seconds from the start of the audio where its first spoken word begins.
    public var start: Double
    /// Seconds where the next word begins, or where the sentence's speech ends.
    public var end: Double
    /// The token as written in the article ("14h30").
    public var written: String
    /// Everything said for it ("quatorze heures trente"), in ordinary spelling.
    public var spoken: String
    /// `[from, to)` in Unicode scalars of ``Timings/text``.
    public var scalars: [Int]
    /// `[from, to)` in UTF-16 code units of ``Timings/text``.
    public var utf16: [Int]

    public init(start: Double, end: Double, written: String, spoken: String, scalars: [Int], utf16: [Int]) {
        self.start = start
        self.end = end
        self.written = written
        self.spoken = spoken
        self.scalars = scalars
        self.utf16 = utf16
    }
}
