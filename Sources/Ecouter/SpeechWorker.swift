// SPDX-License-Identifier: GPL-3.0-or-later
import EcouterSynthesis
import Foundation

/// The worker side of isolated synthesis: what the hidden `ecouter speech-worker` command runs.
///
/// It owns this process's eSpeak NG engine and speaks sentence after sentence for a
/// ``SpeechSupervisor`` in the parent (``SpeechWorkerProtocol``), until its standard input closes.
/// If libespeak-ng crashes on a sentence, only this process dies; the parent starts another.
///
/// An embedder whose own binary should act as the worker calls ``serve()`` when started with the
/// arguments it put in its ``SpeechWorkerCommand``.
public enum SpeechWorker {
    /// The test hook: when this environment variable is set, a sentence containing its value makes
    /// the worker abort as libespeak-ng does on its known crashes (tests of the supervisor use it
    /// besides real crashing texts).
    public static let crashMarkerVariable = "ECOUTER_TEST_WORKER_CRASH_MARKER"

    /// Serves requests from standard input, answers on standard output, returns when input ends.
    public static func serve() {
        serve(input: 0, output: 1)
    }

    static func serve(input: Int32, output: Int32) {
        disableCoreDumps()
        let crashMarker = ProcessInfo.processInfo.environment[crashMarkerVariable].flatMap { $0.isEmpty ? nil : $0 }
        let engine: SpeechEngine
        do throws(SynthesisError) {
            engine = try SpeechEngine.shared()
        } catch {
            let failure = EcouterError(error)
            _ = writeAll(output, SpeechWorkerProtocol.line(SpeechWorkerProtocol.Hello(
                error: .init(code: failure.code.rawValue, message: failure.message))))
            return
        }
        guard writeAll(output, SpeechWorkerProtocol.line(SpeechWorkerProtocol.Hello(sampleRate: engine.sampleRate))) else { return }
        var reader = PipeReader(fileDescriptor: input)
        while let line = reader.readLine() {
            guard let request = SpeechWorkerProtocol.decode(SpeechWorkerProtocol.Request.self, from: line) else {
                let reply = SpeechWorkerProtocol.Reply(error: .init(code: EcouterError.Code.engine.rawValue, message: "bad speech worker request"))
                guard writeAll(output, SpeechWorkerProtocol.line(reply)) else { return }
                continue
            }
            if let crashMarker, request.text.contains(crashMarker) { abort() }
            var samples: [Int16] = []
            let reply: SpeechWorkerProtocol.Reply
            do throws(SynthesisError) {
                // This process does nothing else meanwhile: waiting for the engine's thread is right.
                let (text, voice) = (request.text, request.voiceParameters)
                let output = try engine.synchronously { (engine) throws(SynthesisError) in try engine.speakMarked(text, voice: voice) }
                samples = output.samples
                reply = SpeechWorkerProtocol.Reply(samples: samples.count, marks: SpeechWorkerProtocol.encode(output.marks))
            } catch {
                let failure = EcouterError(error)
                reply = SpeechWorkerProtocol.Reply(error: .init(code: failure.code.rawValue, message: failure.message))
                samples = []
            }
            guard writeAll(output, SpeechWorkerProtocol.line(reply) + samples.littleEndianBytes) else { return }
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
