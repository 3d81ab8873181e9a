// SPDX-License-Identifier: GPL-3.0-or-later
internal import CEspeakNG
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The libespeak-ng entry points the engine calls, looked up in the library once it is loaded.
///
/// Why loaded and not linked: libespeak-ng 1.51 depends on some thirty shared libraries (PulseAudio,
/// ALSA, X11, D-Bus, libsndfile with FLAC, Vorbis and MP3) for audio output ecouter never asks for.
/// Linked, they were loaded at every start of every program that links this module: 4.5 ms of the
/// command's start-up, for `ecouter text` and `--version` too, and for the command reading an article
/// whose engine runs in a worker anyway. Loaded here, only a process that really speaks pays it.
///
/// Each pointer's type comes from the header's prototype (`shim.h`), so a call is checked against the
/// real signature.
struct EspeakLibrary: Sendable {
    let initialize: ecouter_espeak_Initialize_t
    let setSynthCallback: ecouter_espeak_SetSynthCallback_t
    let synth: ecouter_espeak_Synth_t
    let textToPhonemes: ecouter_espeak_TextToPhonemes_t
    let setVoiceByName: ecouter_espeak_SetVoiceByName_t
    let setParameter: ecouter_espeak_SetParameter_t

    #if canImport(Darwin)
    static let fileName = "libespeak-ng.1.dylib"
    #else
    /// The SONAME of Debian's `libespeak-ng1`: the ABI this module's header describes.
    static let fileName = "libespeak-ng.so.1"
    #endif

    /// The process's copy, loaded on first use; a failure is remembered and thrown again.
    static let shared: Result<EspeakLibrary, SynthesisError> = Result { () throws(SynthesisError) in try load() }

    private static func load() throws(SynthesisError) -> EspeakLibrary {
        // RTLD_NOW: a missing symbol is found here, as one clear error, not in the middle of a reading.
        guard let handle = dlopen(fileName, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "not found"
            throw SynthesisError(.initialization, "eSpeak NG's library could not be loaded (\(reason)); install libespeak-ng1")
        }
        func symbol<T>(_ name: String, as type: T.Type) throws(SynthesisError) -> T {
            guard let address = dlsym(handle, name) else {
                throw SynthesisError(.initialization, "\(fileName) has no \(name): not the eSpeak NG 1.51 API")
            }
            return unsafeBitCast(address, to: type)
        }
        return EspeakLibrary(
            initialize: try symbol("espeak_Initialize", as: ecouter_espeak_Initialize_t.self),
            setSynthCallback: try symbol("espeak_SetSynthCallback", as: ecouter_espeak_SetSynthCallback_t.self),
            synth: try symbol("espeak_Synth", as: ecouter_espeak_Synth_t.self),
            textToPhonemes: try symbol("espeak_TextToPhonemes", as: ecouter_espeak_TextToPhonemes_t.self),
            setVoiceByName: try symbol("espeak_SetVoiceByName", as: ecouter_espeak_SetVoiceByName_t.self),
            setParameter: try symbol("espeak_SetParameter", as: ecouter_espeak_SetParameter_t.self))
    }
}
