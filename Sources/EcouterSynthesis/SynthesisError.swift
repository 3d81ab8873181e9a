// SPDX-License-Identifier: GPL-3.0-or-later

/// A failure of the speech engine: missing data, an unknown voice, a refused parameter.
public struct SynthesisError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, stable for programs to switch on.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// `espeak_Initialize` failed: the library's voice data is missing or unreadable.
        public static let initialization = Code("initialization")
        /// `espeak_SetVoiceByName` knows no such voice.
        public static let voiceNotFound = Code("voice-not-found")
        /// A rate, pitch or volume outside its range.
        public static let invalidParameter = Code("invalid-parameter")
        /// `espeak_Synth` returned an error status.
        public static let synthesis = Code("synthesis")
        /// The caller stopped the synthesis (its sample handler threw, or its task was cancelled).
        public static let cancelled = Code("cancelled")
    }

    public var code: Code
    public var message: String
    /// The error the caller's sample handler threw, when that is what stopped synthesis.
    public var underlying: (any Error & Sendable)?

    public init(_ code: Code, _ message: String, underlying: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    public var description: String { message }

    public static func == (a: SynthesisError, b: SynthesisError) -> Bool { a.code == b.code && a.message == b.message }
}
