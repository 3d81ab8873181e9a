// SPDX-License-Identifier: GPL-3.0-or-later

/// Receives 16-bit mono PCM as it is synthesized and turns it into a file format.
///
/// Sinks are reference types used from one task at a time: they are not `Sendable`.
public protocol AudioSink: AnyObject {
    /// The sample rate the sink was opened with, in Hz.
    var sampleRate: Int { get }
    /// How many samples have been written so far.
    var samplesWritten: Int { get }
    /// Appends samples. Throws ``AudioError`` when the destination fails or a size limit is reached.
    func write(_ samples: UnsafeBufferPointer<Int16>) throws(AudioError)
    /// Flushes what is buffered and completes headers. Calling it twice is an error.
    func finish() throws(AudioError)
}

extension AudioSink {
    /// Appends `count` samples of silence.
    public func writeSilence(count: Int) throws(AudioError) {
        guard count > 0 else { return }
        let zeros = [Int16](repeating: 0, count: min(count, 4096))
        var left = count
        while left > 0 {
            let n = min(left, zeros.count)
            try zeros.withUnsafeBufferPointer { (p) throws(AudioError) in
                try write(UnsafeBufferPointer(rebasing: p[0..<n]))
            }
            left -= n
        }
    }

    /// Appends samples from an array.
    public func write(_ samples: [Int16]) throws(AudioError) {
        try samples.withUnsafeBufferPointer { (p) throws(AudioError) in try write(p) }
    }

    /// Duration written so far, in seconds.
    public var secondsWritten: Double { Double(samplesWritten) / Double(sampleRate) }
}

/// Metadata stored in a file's tags (ID3v2 for MP3). WAV ignores it.
public struct AudioTags: Sendable, Equatable {
    public var title: String?
    public var artist: String?
    public var album: String?
    /// A date as written in the source (e.g. RFC 822 or ISO 8601); the year is extracted where a tag needs one.
    public var date: String?
    public var comment: String?

    public init(title: String? = nil, artist: String? = nil, album: String? = nil, date: String? = nil, comment: String? = nil) {
        self.title = title
        self.artist = artist
        self.album = album
        self.date = date
        self.comment = comment
    }
}
