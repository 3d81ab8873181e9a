// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The body of a speech worker process: this process's engine, speaking for the parent over a
/// pipe (``SpeechWire``) until the parent closes it.
///
/// Both `ecouter-speech-worker` (a small executable with this module alone, quick to start) and
/// `ecouter speech-worker` (the whole command, for embedders and as a fallback) run it. Samples
/// are written to the pipe as libespeak-ng makes them, so the parent gets a sentence's first
/// audio while the rest of it is still being made.
package enum SpeechWorkerLoop {
    /// The test hook: when this environment variable is set, a sentence containing its value makes
    /// the worker abort as libespeak-ng does on its known crashes.
    package static let crashMarkerVariable = "ECOUTER_TEST_WORKER_CRASH_MARKER"

    /// Serves requests from `input`, answers on `output`, returns when input ends or is malformed.
    package static func serve(input: Int32 = 0, output: Int32 = 1) {
        disableCoreDumps()
        let crashMarker = getenv(crashMarkerVariable).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        let engine: SpeechEngine
        do throws(SynthesisError) {
            engine = try SpeechEngine.shared()
        } catch {
            _ = DescriptorWrite.all(output, SpeechWire.frame(.failure, SpeechWire.Failure(code: error.code.rawValue, message: error.message).payload))
            return
        }
        var hello: [UInt8] = []
        SpeechWire.append(UInt32(engine.sampleRate), to: &hello)
        guard DescriptorWrite.all(output, SpeechWire.frame(.hello, hello)) == nil else { return }
        var reader = PipeReader(fileDescriptor: input)
        while let (kind, payload) = reader.readFrame() {
            guard kind == .speak || kind == .phonemes, let request = SpeechWire.Speak(payload: payload) else {
                // The stream has lost its framing: say so and stop, there is no way to resynchronise.
                let failure = SpeechWire.Failure(code: SynthesisError.Code.synthesis.rawValue, message: "bad speech worker request")
                _ = DescriptorWrite.all(output, SpeechWire.frame(.failure, failure.payload))
                return
            }
            if let crashMarker, request.text.contains(crashMarker) { abort() }
            if kind == .phonemes {
                let phonemes = engine.synchronously { engine in
                    Result { () throws(SynthesisError) in try engine.phonemes(of: request.text, voice: request.voice.voice) }
                }
                let answer = switch phonemes {
                case .success(let text): SpeechWire.frame(.phonemeText, Array(text.utf8))
                case .failure(let error): SpeechWire.frame(.failure, SpeechWire.Failure(code: error.code.rawValue, message: error.message).payload)
                }
                guard DescriptorWrite.all(output, answer) == nil else { return }
                continue
            }
            // This process does nothing else meanwhile: waiting for the engine's thread is right.
            let result: Result<SpeechWire.Done, SynthesisError> = engine.synchronously { engine in
                var count = 0
                return Result { () throws(SynthesisError) in
                    let marks = try engine.speakStreaming(request.text, voice: request.voice) { buffer in
                        count += buffer.count
                        return DescriptorWrite.all(output, SpeechWire.audioFrame(buffer)) == nil
                    }
                    return SpeechWire.Done(sampleCount: count, marks: marks)
                }
            }
            let answer = switch result {
            case .success(let done): SpeechWire.frame(.done, done.payload)
            case .failure(let error): SpeechWire.frame(.failure, SpeechWire.Failure(code: error.code.rawValue, message: error.message).payload)
            }
            guard DescriptorWrite.all(output, answer) == nil else { return }
        }
    }

    /// A worker that crashes should cost a sentence, not seconds of writing a core file.
    private static func disableCoreDumps() {
        var none = rlimit(rlim_cur: 0, rlim_max: 0)
        #if os(Linux)
        _ = setrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &none)
        #else
        _ = setrlimit(RLIMIT_CORE, &none)
        #endif
    }
}
