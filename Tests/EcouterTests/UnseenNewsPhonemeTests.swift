// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import Foundation
import Testing

/// One line of a batch under `Fixtures/unseen/`: news sentences and article paragraphs written before
/// ecouter was run on them (docs/normalization-coverage.md gives each batch's first-run score).
struct UnseenNewsCase: Sendable, CustomTestStringConvertible {
    var file: String
    var line: Int
    var id: String
    var written: String
    /// The accepted readings (" || " in the spoken cell).
    var readings: [String]
    /// The preset the batch is read with: fr-FR, or the region in the file name ("batch7-….fr-BE.tsv").
    var voice: String
    var malformed: String?
    var testDescription: String { "\(file):\(line) \(id)" }

    static let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil)?.appendingPathComponent("unseen")

    /// Every batch file, read strictly: a line that is not `id<TAB>category<TAB>written<TAB>spoken`
    /// under that header is a failing case, and a missing folder one failing case.
    static func loadAll() -> [UnseenNewsCase] {
        guard let folder, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            return [UnseenNewsCase(file: "unseen", line: 0, id: "", written: "", readings: [], voice: "", malformed: "no folder")]
        }
        return names.filter { $0.hasSuffix(".tsv") }.sorted().flatMap { load($0, from: folder) }
    }

    static func load(_ name: String, from folder: URL) -> [UnseenNewsCase] {
        let voice = name.hasSuffix(".fr-BE.tsv") ? "fr-BE" : name.hasSuffix(".fr-CH.tsv") ? "fr-CH" : "fr-FR"
        guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else {
            return [UnseenNewsCase(file: name, line: 0, id: "", written: "", readings: [], voice: voice, malformed: "unreadable")]
        }
        var cases: [UnseenNewsCase] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if index == 0 {
                if line != "id\tcategory\twritten\tspoken" {
                    cases.append(UnseenNewsCase(file: name, line: 1, id: "", written: "", readings: [], voice: voice, malformed: "bad header"))
                }
                continue
            }
            if line.isEmpty && index == text.split(separator: "\n", omittingEmptySubsequences: false).count - 1 { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            var problem: String? = fields.count == 4 ? nil : "\(fields.count) tab-separated fields"
            if problem == nil && fields.contains(where: \.isEmpty) { problem = "empty field" }
            cases.append(UnseenNewsCase(
                file: name, line: index + 1, id: fields.first ?? "", written: fields.count == 4 ? fields[2] : String(line),
                readings: fields.count == 4 ? fields[3].components(separatedBy: " || ") : [], voice: voice, malformed: problem))
        }
        return cases
    }
}

/// The unseen batches, judged as `tn_eval.py` judges in `phon:` mode: the phonemes of what ecouter
/// would say (normalized, pronunciation-repaired) must equal eSpeak NG's phonemes of a gold reading,
/// stress, pauses and word gaps aside. Regional batches (fr-BE, fr-CH) are read and judged with their
/// preset's normalizer and eSpeak NG voice.
@Suite("Unseen news batches by phonemes")
struct UnseenNewsPhonemeTests {
    static let cases = UnseenNewsCase.loadAll()
    /// The reader's normalizer per preset, built once: building one compiles the whole lexicon.
    static let normalizers = Dictionary(uniqueKeysWithValues: ["fr-FR", "fr-BE", "fr-CH"].compactMap { name in
        VoicePreset.named(name).flatMap { preset in try? (name, ArticleReader(options: ReadingOptions(preset: preset)).normalizer()) }
    })

    /// What tn_eval.py's `canon` keeps: the sound sequence, without stress, length marks, pauses or gaps.
    static func sound(_ phonemes: String) -> String {
        String(phonemes.unicodeScalars.filter { !" \t'’,_:!|=-".unicodeScalars.contains($0) }.map(Character.init))
    }

    static func phonemes(_ text: String, voice: String) throws -> String {
        let engine = try SpeechEngine.shared()
        return try PhonemeText.render(text) { text throws(SynthesisError) in
            try engine.synchronously { (engine) throws(SynthesisError) in try engine.phonemes(of: text, voice: voice) }
        }
    }

    @Test func everyBatchIsThere() {
        let files = Set(Self.cases.map(\.file))
        #expect(files.count >= 21)
        #expect(Self.cases.count >= 600)
        #expect(Set(Self.cases.map(\.id)).count == Self.cases.count, "ids are unique")
    }

    @Test(arguments: cases) func readsAsTheGold(_ fixture: UnseenNewsCase) throws {
        if let malformed = fixture.malformed {
            Issue.record("\(fixture.file):\(fixture.line) malformed fixture line: \(malformed)")
            return
        }
        let preset = try #require(VoicePreset.named(fixture.voice))
        let normalizer = try #require(Self.normalizers[fixture.voice])
        let normalized = normalizer.normalize(fixture.written)
        let voice = preset.espeakVoice
        let said = Self.sound(try Self.phonemes(normalizer.pronounce(normalized), voice: voice))
        let golds = try fixture.readings.map { Self.sound(try Self.phonemes($0, voice: voice)) }
        #expect(golds.contains(said), "«\(fixture.written)» → «\(normalized)»")
    }
}
