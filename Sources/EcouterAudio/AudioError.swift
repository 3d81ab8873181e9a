// SPDX-License-Identifier: GPL-3.0-or-later

/// A failure to write audio: the destination refused bytes, or the audio cannot fit the format.
public struct AudioError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, stable for programs to switch on.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The destination could not be opened or written (see `errno`).
        public static let io = Code("io")
        /// The audio would pass a limit of the container (4 GiB for RIFF WAV).
        public static let tooLarge = Code("too-large")
        /// The encoder refused its settings or failed.
        public static let encoder = Code("encoder")
        /// The sink was used after `finish()`.
        public static let finished = Code("finished")
    }

    public var code: Code
    public var message: String
    /// The `errno` behind an `.io` failure, when there is one.
    public var errno: Int32?

    public init(_ code: Code, _ message: String, errno: Int32? = nil) {
        self.code = code
        self.message = message
        self.errno = errno
    }

    public var description: String { message }
}
