// SPDX-License-Identifier: GPL-3.0-or-later

import EcouterCore

/// A failure of the reading pipeline, with a code that says whose fault it is.
public typealias EcouterError = CodedError<EcouterErrorDomain>

/// The codes of ``EcouterError``.
public enum EcouterErrorDomain {}

/// Stable categories; the command turns them into distinct exit codes.
extension ErrorCode where Domain == EcouterErrorDomain {
    /// The article cannot be read: empty, binary, not UTF-8, no content found.
    public static var input: Self { Self("input") }
    /// The audio cannot be written where asked.
    public static var output: Self { Self("output") }
    /// No such voice, preset or lexicon, or a setting out of range.
    public static var settings: Self { Self("settings") }
    /// The speech engine failed (missing eSpeak NG data, internal error).
    public static var engine: Self { Self("engine") }
    /// The caller cancelled the work.
    public static var cancelled: Self { Self("cancelled") }
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
