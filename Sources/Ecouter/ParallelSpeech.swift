// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterSynthesis

/// Speaks a reading script across several speakers and hands the sentences back in reading order.
///
/// The script is cut into parts where a paragraph (title, heading, list item…) ends, and into
/// pieces of at most ``maximumPartSentences`` sentences inside a long one, so memory stays bounded.
/// Part `i` goes to speaker `i mod N`, each speaker speaking its parts in order: the same input
/// and N always give the same engine histories, hence byte-identical audio from run to run. While
/// the caller writes part `i`, the speakers make the next ones, at most ``lookahead`` × N parts
/// ahead of what is written. With one speaker this is the serial reading, with synthesis of the
/// next part overlapping the writing of the current one.
struct ParallelSpeech {
    /// The longest part, in sentences: the audio of a part waits in memory until its turn.
    static let maximumPartSentences = 8
    /// Parts made ahead of the one being written, per speaker.
    static let lookahead = 2

    let speakers: [SentenceSpeaker]
    let voice: VoiceParameters

    /// Calls `write` with each utterance and its audio, in script order.
    func forEach(
        in script: ReadingScript,
        _ write: (Utterance, SpokenSentence) async throws(EcouterError) -> Void
    ) async throws(EcouterError) {
        var parts = PartIterator(script.makeIterator())
        let count = speakers.count
        let result: Result<Void, EcouterError> = await withTaskGroup(of: (Int, Result<[SpokenSentence], EcouterError>).self) { group in
            var launched = 0
            var written = 0
            var busy = Array(repeating: false, count: count)
            var waiting: [Int: [Utterance]] = [:]  // launched parts, by index, until written
            var ready: [Int: [SpokenSentence]] = [:]
            var exhausted = false

            /// Starts parts, in order, while their speaker is free and they are not too far ahead.
            func launch() {
                while !exhausted, launched - written < Self.lookahead * count, !busy[launched % count] {
                    guard let part = parts.next() else { exhausted = true; return }
                    let index = launched, speaker = speakers[index % count], voice = voice
                    busy[index % count] = true
                    waiting[index] = part
                    group.addTask {
                        var spoken: [SpokenSentence] = []
                        for utterance in part {
                            do throws(EcouterError) {
                                spoken.append(try await speaker.speak(utterance.spoken, voice: voice))
                            } catch {
                                return (index, .failure(error))
                            }
                        }
                        return (index, .success(spoken))
                    }
                    launched += 1
                }
            }

            launch()
            while let (index, outcome) = await group.next() {
                busy[index % count] = false
                switch outcome {
                case .failure(let error):
                    group.cancelAll()
                    return .failure(error)
                case .success(let spoken):
                    ready[index] = spoken
                }
                // Before writing, the freed speaker starts on its next part (normalizing it takes a
                // few milliseconds); except for the first part, whose audio a listener is waiting for.
                if written > 0 { launch() }
                while let spoken = ready.removeValue(forKey: written), let part = waiting.removeValue(forKey: written) {
                    do throws(EcouterError) {
                        for (utterance, sentence) in zip(part, spoken) { try await write(utterance, sentence) }
                    } catch {
                        group.cancelAll()
                        return .failure(error)
                    }
                    written += 1
                    launch()
                }
            }
            return .success(())
        }
        try result.get()
    }
}

/// A script's utterances grouped into parts: a unit (paragraph, heading…) each, long units cut.
private struct PartIterator {
    private var utterances: ReadingScript.Iterator
    private var held: Utterance?

    init(_ utterances: ReadingScript.Iterator) {
        self.utterances = utterances
        held = self.utterances.next()
    }

    mutating func next() -> [Utterance]? {
        guard let first = held else { return nil }
        var part = [first]
        held = utterances.next()
        while let next = held, next.unit == first.unit, part.count < ParallelSpeech.maximumPartSentences {
            part.append(next)
            held = utterances.next()
        }
        return part
    }
}
