// SPDX-License-Identifier: GPL-3.0-or-later

/// A failure of the reading pipeline, with a code that says whose fault it is.
public struct EcouterError: Error, Sendable, CustomStringConvertible {
    /// Stable categories; the command turns them into distinct exit codes.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The article cannot be read: empty, binary, not UTF-8, no content found.
        public static let input = Code("input")
        /// The audio cannot be written where asked.
        public static let output = Code("output")
        /// No such voice, preset or lexicon, or a setting out of range.
        public static let settings = Code("settings")
        /// The speech engine failed (missing eSpeak NG data, internal error).
        public static let engine = Code("engine")
        /// The caller cancelled the work.
        public static let cancelled = Code("cancelled")
    }

    public var code: Code
    /// One line, naming the problem and, where it helps, the way out.
    public var message: String
    /// The lower-level error behind this one, if any.
    public var underlying: (any Error & Sendable)?

    public init(_ code: Code, _ message: String, underlying: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    public var description: String { message }
}

extension EcouterError {
    init(_ error: SynthesisError) {
        switch error.code {
        case .voiceNotFound, .invalidParameter: self.init(.settings, error.message, underlying: error)
        case .cancelled:
            if let audio = (error.underlying as? AudioErrorBox)?.error {
                self.init(audio)
            } else if let ecouter = error.underlying as? EcouterError {
                self = ecouter
            } else {
                self.init(.cancelled, "reading was cancelled", underlying: error)
            }
        default: self.init(.engine, error.message, underlying: error)
        }
    }

    init(_ error: AudioError) {
        self.init(.output, error.message, underlying: error)
    }
}

/// Carries an ``AudioError`` through the engine's sample handler, so it comes out as an output error.
struct AudioErrorBox: Error, Sendable { let error: AudioError }

/// The refusal of a text or an article that would say nothing (emoji or symbols alone), carried as
/// the ``EcouterError/underlying`` error of an `.input` error: a batch skips such an item instead
/// of failing it.
public struct NothingToSay: Error, Sendable {}

extension EcouterError {
    /// An `.input` error for input with nothing to say (see ``NothingToSay``).
    static func nothingToSay(_ message: String) -> EcouterError {
        EcouterError(.input, message, underlying: NothingToSay())
    }

    /// True when the input was refused because nothing in it would be said.
    public var saysNothing: Bool { underlying is NothingToSay }
}
