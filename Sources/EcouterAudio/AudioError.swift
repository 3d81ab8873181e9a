// SPDX-License-Identifier: GPL-3.0-or-later
public import EcouterCore

/// A failure to write audio: the destination refused bytes, or the audio cannot fit the format.
public typealias AudioError = CodedError<AudioErrorDomain>

/// The codes of ``AudioError``.
public enum AudioErrorDomain {}

/// What went wrong, stable for programs to switch on.
extension ErrorCode where Domain == AudioErrorDomain {
    /// The destination could not be opened or written (see ``CodedError/errno``).
    public static var io: Self { Self("io") }
    /// The audio would pass a limit of the container (4 GiB for RIFF WAV).
    public static var tooLarge: Self { Self("too-large") }
    /// The encoder refused its settings or failed.
    public static var encoder: Self { Self("encoder") }
    /// The sink was used after `finish()`.
    public static var finished: Self { Self("finished") }
}

extension CodedError where Domain == AudioErrorDomain {
    /// An error caused by the system call failure `errno` (nil when there was none).
    package init(_ code: Code, _ message: String, errno: Int32?) {
        self.init(code, message, underlying: errno.map(SystemError.init))
    }

    /// The `errno` behind an `.io` failure, when there is one.
    public var errno: Int32? { (underlying as? SystemError)?.number }
}
