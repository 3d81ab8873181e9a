// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import EcouterAudio
import Foundation
import Hummingbird

/// `POST /v1/audio/speech`, shaped like OpenAI's speech endpoint: `{model, input, voice,
/// response_format, speed}` → the audio, streamed sentence by sentence as it is synthesized
/// (chunked transfer; nothing is cached). `model` is accepted and ignored; OpenAI's voice names
/// (alloy, nova, …) read with the default French voice; `speed` scales the voice's rate.
struct SpeechRoute: Sendable {
    let synthesis: SynthesisAdapter
    let gate: StreamGate
    let metrics: ServerMetrics
    let maxBodyBytes: Int
    let maxTextCharacters: Int

    private struct Body: Decodable {
        var model: String?
        var input: String
        var voice: String?
        var response_format: String?
        var speed: Double?
    }

    static let openAIVoices: Set<String> = ["alloy", "ash", "ballad", "coral", "echo", "fable", "onyx", "nova", "sage", "shimmer", "verse"]

    func register(on router: Router<ServerContext>) {
        router.post("/v1/audio/speech") { request, context in try await self.speak(request, context: context) }
    }

    private func speak(_ request: Request, context: ServerContext) async throws -> Response {
        let bytes = try await request.body.collect(limit: maxBodyBytes, declaredLength: request.headers[.contentLength])
        let body: Body
        do { body = try JSONDecoder().decode(Body.self, from: Data(buffer: bytes)) } catch {
            throw APIError(.badRequest, "bad_json", "the body must be a JSON object with a string `input`")
        }
        guard body.input.count <= maxTextCharacters else {
            throw APIError(.contentTooLarge, "text_too_long", "input has more than \(maxTextCharacters) characters")
        }
        let format = body.response_format ?? "mp3"
        guard let kind = StreamFormat(rawValue: format) else {
            throw APIError(.badRequest, "unsupported_format", "response_format must be mp3, opus, wav or pcm")
        }
        var voiceName = body.voice
        if let name = voiceName, Self.openAIVoices.contains(name.lowercased()) { voiceName = nil }
        var rate: Int?
        if let speed = body.speed {
            guard speed.isFinite, (0.25...4.0).contains(speed) else {
                throw APIError(.badRequest, "bad_speed", "speed must be 0.25–4.0")
            }
            let base = VoicePreset.named(voiceName ?? VoicePreset.standard.name)?.rate ?? VoicePreset.standard.rate
            let range = VoiceParameters.rateRange
            rate = min(range.upperBound, max(range.lowerBound, Int((Double(base) * speed).rounded())))
        }
        let voice = try VoiceChoice(voice: voiceName, rate: rate)
        let article: Article
        do { article = try ArticleReader(options: voice.readingOptions).article(from: Array(body.input.utf8), format: .text) } catch {
            throw APIError(.badRequest, "bad_input", error.message)
        }
        let chunks: AudioChunks
        do { chunks = try synthesis.chunks(of: article, voice: voice) } catch {
            throw APIError(.badRequest, "bad_input", error.message)
        }
        guard await gate.enter() else {
            throw APIError(.serviceUnavailable, "busy", "too many streams at once; retry shortly", headers: [.retryAfter: "5"])
        }
        let gate = self.gate
        let hangUp = await context.hangUp()
        let metrics = self.metrics
        let audio = ResponseBody { writer in
            defer { Task { await gate.leave() } }
            let stream = EncodedStream(format: kind, chunks: chunks, hangUp: hangUp, sentences: metrics.streamSentences)
            do {
                try await stream.run { buffer in try await writer.write(buffer) }
            } catch {
                // The client went (hung up, or a write failed): the synthesis has stopped.
                metrics.streamsCancelled.increment()
                throw error
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: kind.contentType, .cacheControl: "no-store"], body: audio)
    }
}

/// The formats `/v1/audio/speech` streams.
enum StreamFormat: String, Sendable {
    case mp3, opus, wav, pcm

    var contentType: String {
        switch self {
        case .mp3: "audio/mpeg"
        case .opus: "audio/ogg; codecs=opus"
        case .wav: "audio/wav"
        case .pcm: "audio/L16; rate=22050; channels=1"
        }
    }

    func makeSink(output: AudioOutput, sampleRate: Int) throws(AudioError) -> any AudioSink {
        switch self {
        case .mp3: try MP3Writer(output: output, sampleRate: sampleRate, bitrateKbps: 48)
        case .opus: try OpusWriter(output: output, sampleRate: sampleRate, lowDelay: true)
        case .wav: try WAVWriter(output: output, sampleRate: sampleRate)
        case .pcm: RawPCMSink(output: output, sampleRate: sampleRate)
        }
    }
}

/// Headerless 16-bit little-endian mono PCM, OpenAI's `pcm` format.
final class RawPCMSink: AudioSink {
    let sampleRate: Int
    private(set) var samplesWritten = 0
    private let output: AudioOutput

    init(output: AudioOutput, sampleRate: Int) {
        self.output = output
        self.sampleRate = sampleRate
    }

    func write(_ samples: UnsafeBufferPointer<Int16>) throws(AudioError) {
        let littleEndian = samples.map { $0.littleEndian }
        try output.write(littleEndian.withUnsafeBytes { Array($0) })
        samplesWritten += samples.count
    }

    func finish() throws(AudioError) { try output.flush() }
}

/// Limits how many streams synthesize at once (they use this process's engine, one sentence at a time).
actor StreamGate {
    private let limit: Int
    private var open = 0

    init(limit: Int) { self.limit = limit }

    func enter() -> Bool {
        guard open < limit else { return false }
        open += 1
        return true
    }

    func leave() { open -= 1 }
}
