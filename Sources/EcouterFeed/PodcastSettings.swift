// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// What a newsroom says about its podcast once: artwork, owner, category, rating, and whether other
/// platforms may import the feed. Every field is optional so that the settings file and the
/// command-line flags can be layered (``overriding(with:)``: flags win).
public struct PodcastSettings: Sendable, Equatable {
    /// Channel artwork, an absolute http(s) URL (JPEG or PNG, square, 1400–3000 px for Apple).
    /// Without it, the source feed's own image, logo or icon.
    public var image: String?
    /// `itunes:owner/itunes:name`.
    public var ownerName: String?
    /// `itunes:owner/itunes:email`: where directories send their verification mail.
    public var ownerEmail: String?
    /// `itunes:author` of the channel; the feed's title without it.
    public var author: String?
    /// Apple categories; News without any.
    public var categories: [PodcastCategory]?
    /// `itunes:explicit`; false without it.
    public var explicit: Bool?
    /// `podcast:locked`: true asks hosting platforms not to import the feed; false without it.
    public var locked: Bool?
    /// `copyright`; the source feed's without it.
    public var copyright: String?

    /// Settings; every field may be left out.
    public init(
        image: String? = nil, ownerName: String? = nil, ownerEmail: String? = nil, author: String? = nil,
        categories: [PodcastCategory]? = nil, explicit: Bool? = nil, locked: Bool? = nil, copyright: String? = nil
    ) {
        self.image = image
        self.ownerName = ownerName
        self.ownerEmail = ownerEmail
        self.author = author
        self.categories = categories
        self.explicit = explicit
        self.locked = locked
        self.copyright = copyright
    }

    /// These settings with every field that `other` sets taken from `other`.
    public func overriding(with other: PodcastSettings) -> PodcastSettings {
        PodcastSettings(
            image: other.image ?? image, ownerName: other.ownerName ?? ownerName, ownerEmail: other.ownerEmail ?? ownerEmail,
            author: other.author ?? author, categories: other.categories ?? categories, explicit: other.explicit ?? explicit,
            locked: other.locked ?? locked, copyright: other.copyright ?? copyright)
    }

    /// Checks the values a directory would refuse: an image that is not an absolute http(s) URL,
    /// an e-mail address without a local part and a domain.
    /// - Parameter name: how the message names a setting from its key (`image`, `owner-email`): the
    ///   flag, or the file and the key.
    /// - Throws: ``FeedError/Code/usage`` with a one-line reason.
    public func validated(naming name: (String) -> String) throws(FeedError) -> PodcastSettings {
        if let image {
            guard let url = URL(string: image), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host?.isEmpty == false else {
                throw FeedError(.usage, "\(name("image")) must be an absolute http(s) URL, not \"\(image)\"")
            }
        }
        if let ownerEmail {
            let parts = ownerEmail.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !ownerEmail.contains(where: \.isWhitespace) else {
                throw FeedError(.usage, "\(name("owner-email")): \"\(ownerEmail)\" is not an e-mail address")
            }
        }
        return self
    }
}
