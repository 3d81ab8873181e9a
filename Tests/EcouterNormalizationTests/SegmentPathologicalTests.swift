// SPDX-License-Identifier: GPL-3.0-or-later
@testable import EcouterNormalization
import Foundation
import Testing

/// Inputs built to trip a quadratic scan. Each must finish, keep the contract, and grow linearly.
@Suite("Sentence segmentation on pathological inputs")
struct SegmentPathologicalTests {
    struct Shape: Sendable, CustomTestStringConvertible {
        var name: String
        var unit: String
        var testDescription: String { name }
        func text(bytes: Int) -> String { String(repeating: unit, count: max(1, bytes / unit.utf8.count)) }
    }

    static let shapes: [Shape] = [
        Shape(name: "dots", unit: "."),
        Shape(name: "spaced dots", unit: ". "),
        Shape(name: "letters only", unit: "abcdefghij"),
        Shape(name: "words without punctuation", unit: "mot "),
        Shape(name: "nested open brackets", unit: "("),
        Shape(name: "closing brackets after period", unit: "a.)"),
        Shape(name: "glued abbreviations", unit: "a.b."),
        Shape(name: "titles", unit: "M. "),
        Shape(name: "question marks", unit: "?! "),
        Shape(name: "quotes", unit: "\" "),
        Shape(name: "guillemets", unit: "« "),
        Shape(name: "line breaks", unit: "\n"),
        Shape(name: "spaces then break", unit: "     x\n"),
        Shape(name: "ellipses in brackets", unit: "(...)"),
        Shape(name: "digits", unit: "1234567890"),
        Shape(name: "combining marks", unit: "e\u{301}"),
        // Each line break looks ahead past quotes and line breaks: without reuse, quadratic.
        Shape(name: "quote lines", unit: "\"\n"),
        Shape(name: "ellipsis and carriage returns", unit: "…\r"),
    ]

    static func seconds(_ work: () -> Void) -> Double {
        let start = ContinuousClock.now
        work()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    @Test(arguments: shapes)
    func oneMegabyteFinishesAndKeepsTheContract(_ shape: Shape) {
        let text = shape.text(bytes: 1 << 20)
        var ranges: [Range<String.Index>] = []
        let time = Self.seconds { ranges = SentenceSegmenter().sentenceRanges(in: text) }
        // Generous even for a debug build on a shared machine; a quadratic scan would take hours.
        #expect(time < 20, "\(shape.name): \(time) s")
        #expect(ranges.isEmpty == text.unicodeScalars.allSatisfy(\.properties.isWhitespace))
        checkSegmentationContract(text)
    }

    @Test func tenThousandNestedBrackets() {
        let text = "Début " + String(repeating: "(", count: 10_000) + "mot." + String(repeating: ")", count: 10_000) + " Fin."
        let ranges = checkSegmentationContract(text, segmenter: SentenceSegmenter(options: .init(maximumSentenceLength: nil)))
        #expect(ranges.count == 2)
    }

    /// Time grows linearly: four times the input costs far less than sixteen times the time.
    @Test(arguments: [shapes[0], shapes[5], shapes[7], shapes[12], shapes[16]])
    func growsLinearly(_ shape: Shape) {
        let small = shape.text(bytes: 1 << 17)
        let large = shape.text(bytes: 1 << 19)
        func best(_ text: String) -> Double {
            (0..<5).map { _ in Self.seconds { _ = SentenceSegmenter().sentenceRanges(in: text) } }.min()!
        }
        let ratio = best(large) / max(best(small), 1e-6)
        #expect(ratio < 10, "\(shape.name): ×4 input took ×\(ratio) time")
    }
}
