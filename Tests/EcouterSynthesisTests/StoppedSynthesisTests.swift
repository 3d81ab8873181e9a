// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterSynthesis
import Testing

/// A synthesis stopped mid-text (its task cancelled) must not change what the engine reads next.
@Suite("eSpeak NG after a stopped synthesis", .serialized)
struct StoppedSynthesisTests {
    /// Texts of two clauses or more: the engine reads ahead into the second one before it is stopped.
    static let stoppedTexts = [
        "Une phrase assez longue pour plusieurs tampons. Une autre phrase la suit.",
        "Bonjour, à tous.",
        "Il pleut, à Lyon ce matin, et il fera froid.",
        "Un. Deux trois quatre.",
    ]

    @Test("the phonemes read after a stopped synthesis are those read before it", arguments: stoppedTexts)
    func phonemesAfterStop(_ stopped: String) async throws {
        let engine = try SpeechEngine.shared()
        let task = Task { try await Self.readAround(stopping: stopped, on: engine) }
        let (before, after) = try await task.value
        #expect(!before.isEmpty)
        #expect(after == before, "« cent un » read \(before) before the stop, \(after) after it")
    }

    /// Reads « cent un », speaks `stopped` in a cancelled task, reads « cent un » again. Runs on the
    /// engine's executor from start to end without suspending, so no other suite's call comes between.
    private static func readAround(stopping stopped: String, on engine: isolated SpeechEngine) async throws -> (String, String) {
        let before = try engine.phonemes(of: "cent un", voice: "fr")
        withUnsafeCurrentTask { $0?.cancel() }
        do {
            let samples = try engine.speak(stopped, voice: VoiceParameters())
            Issue.record("expected the cancelled synthesis to stop, got \(samples.count) samples")
        } catch {
            #expect(error.code == .cancelled)
        }
        let after = try engine.phonemes(of: "cent un", voice: "fr")
        return (before, after)
    }
}
