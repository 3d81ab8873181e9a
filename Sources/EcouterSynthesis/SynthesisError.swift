// SPDX-License-Identifier: GPL-3.0-or-later
public import EcouterCore

/// A failure of the speech engine: missing data, an unknown voice, a refused parameter. When the
/// caller's sample handler threw, that error is the ``CodedError/underlying`` one.
public typealias SynthesisError = CodedError<SynthesisErrorDomain>

/// The codes of ``SynthesisError``.
public enum SynthesisErrorDomain {}

/// What went wrong, stable for programs to switch on.
extension ErrorCode where Domain == SynthesisErrorDomain {
    /// `espeak_Initialize` failed: the library's voice data is missing or unreadable.
    public static var initialization: Self { Self("initialization") }
    /// `espeak_SetVoiceByName` knows no such voice.
    public static var voiceNotFound: Self { Self("voice-not-found") }
    /// A rate, pitch or volume outside its range.
    public static var invalidParameter: Self { Self("invalid-parameter") }
    /// `espeak_Synth` returned an error status.
    public static var synthesis: Self { Self("synthesis") }
    /// The caller stopped the synthesis (its sample handler threw, or its task was cancelled).
    public static var cancelled: Self { Self("cancelled") }
}
