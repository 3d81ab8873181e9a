// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import EcouterAudio
import Foundation

/// Makes the MP3 and Ogg Opus files from a rendered WAV: synthesis happens once per article, and
/// encoding costs a small fraction of it.
enum Transcoder {
    /// Writes `mp3` and `opus` beside nothing else; throws a 500-class ``APIError`` on failure.
    static func encode(wav: URL, mp3: URL, opus: URL) async throws(APIError) {
        let result: Result<Void, APIError> = await withCheckedContinuation { continuation in
            // CPU work off Swift's cooperative pool, which also serves the HTTP connections.
            Thread.detachNewThread {
                continuation.resume(returning: Result { () throws(APIError) in try encodeNow(wav: wav, mp3: mp3, opus: opus) })
            }
        }
        try result.get()
    }

    private static func encodeNow(wav: URL, mp3: URL, opus: URL) throws(APIError) {
        guard let data = FileManager.default.contents(atPath: wav.path) else {
            throw APIError(.internalServerError, "encoder", "the rendered audio cannot be read")
        }
        do throws(AudioError) {
            let info = try WAVInfo(parsing: [UInt8](data))
            let mp3Output = try AudioOutput.create(path: mp3.path)
            let mp3Writer = try MP3Writer(output: mp3Output, sampleRate: info.sampleRate, bitrateKbps: 48)
            try mp3Writer.write(info.samples)
            try mp3Writer.finish()
            let opusOutput = try AudioOutput.create(path: opus.path)
            let opusWriter = try OpusWriter(output: opusOutput, sampleRate: info.sampleRate)
            try opusWriter.write(info.samples)
            try opusWriter.finish()
        } catch {
            throw APIError(.internalServerError, "encoder", "the audio could not be encoded")
        }
    }
}
