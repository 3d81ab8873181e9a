// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// The channel of `feed.xml`: what the source feed says, with the newsroom's ``PodcastSettings`` on top.
struct PodcastChannel: Sendable {
    /// The Podcasting 2.0 namespace UUID for `podcast:guid` (podcastindex.org namespace spec, "guid").
    static let guidNamespace = "ead4c236-bf58-58c6-a2c6-a6b28d128cb6"

    var title: String
    var link: String
    var description: String
    var language: String
    /// Where `feed.xml` will be served.
    var selfURL: String
    var image: String?
    var author: String
    var ownerName: String?
    var ownerEmail: String?
    var categories: [PodcastCategory]
    var explicit: Bool
    var locked: Bool
    var copyright: String?
    /// The audio format: Apple takes MP3 and AAC, not WAV.
    var format: AudioFormat

    init(feed: Manifest.FeedInfo, image sourceImage: String?, copyright sourceCopyright: String?, settings: PodcastSettings, baseURL: String, format: AudioFormat) {
        title = feed.title ?? "ecouter"
        link = feed.link ?? baseURL
        description = feed.description ?? "\(title), lu à voix haute"
        language = feed.language ?? "fr"
        selfURL = baseURL + PodcastFeedWriter.fileName
        image = settings.image ?? sourceImage.flatMap(Self.absoluteHTTP)
        author = settings.author ?? title
        ownerName = settings.ownerName ?? (settings.ownerEmail == nil ? nil : author)
        ownerEmail = settings.ownerEmail
        categories = settings.categories ?? [.news]
        explicit = settings.explicit ?? false
        locked = settings.locked ?? false
        copyright = settings.copyright ?? sourceCopyright
        self.format = format
    }

    /// UUIDv5 of the feed's URL without its scheme and trailing slashes, as the namespace specifies,
    /// so that the same feed gets the same guid wherever it is computed.
    var guid: String {
        var name = Substring(selfURL)
        if let scheme = name.range(of: "://") { name = name[scheme.upperBound...] }
        while name.hasSuffix("/") { name = name.dropLast() }
        return UUIDv5.make(namespace: Self.guidNamespace, name: String(name))!
    }

    /// Why Apple Podcasts or Spotify would refuse this feed, one line each; the feed is written anyway.
    var warnings: [String] {
        var out: [String] = []
        if image == nil {
            out.append("feed.xml has no artwork: Apple Podcasts and Spotify refuse a podcast without itunes:image (a square JPEG or PNG, 1400–3000 px) and the source feed names no image by an absolute http(s) URL; give --image URL or \"image\" in the --podcast file")
        }
        // Apple: "JPEG or PNG format … with appropriate file extensions (.jpg, .png)".
        if let image, let url = URL(string: image), !["jpg", "jpeg", "png"].contains(url.pathExtension.lowercased()) {
            out.append("the artwork \(image) is not named .jpg or .png: Apple Podcasts takes JPEG or PNG artwork with its file extension")
        }
        if ownerEmail == nil {
            out.append("feed.xml has no owner e-mail: Spotify and Apple Podcasts verify a submission through itunes:owner/itunes:email; give --owner-email or \"owner-email\" in the --podcast file")
        }
        if format != .mp3 {
            out.append("feed.xml has \(format == .wav ? "WAV" : "Ogg Opus") enclosures: Apple Podcasts and Spotify take MP3 or AAC; use --format mp3")
        }
        return out
    }

    /// Source images are often relative or protocol-relative paths; directories want absolute http(s) URLs.
    private static func absoluteHTTP(_ text: String) -> String? {
        guard let url = URL(string: text.trimmingCharacters(in: .whitespaces)), let scheme = url.scheme?.lowercased(),
              ["http", "https"].contains(scheme), url.host?.isEmpty == false else { return nil }
        return url.absoluteString
    }
}
