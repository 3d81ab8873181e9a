// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import EcouterFeed

/// The podcast channel's settings: from `--podcast FILE`, each overridden by its flag.
struct PodcastOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Podcast settings, JSON (or TOML by a .toml name), keyed like the flags below (image, owner-email, category…); flags win.", valueName: "file"))
    var podcast: String?

    @Option(help: ArgumentHelp("Channel artwork: an http(s) URL of a square JPEG or PNG, 1400–3000 px (default: the source feed's image).", valueName: "url"))
    var image: String?

    @Option(help: ArgumentHelp("Owner's name (itunes:owner).", valueName: "name"))
    var ownerName: String?

    @Option(help: ArgumentHelp("Owner's e-mail, where directories send their verification (itunes:owner).", valueName: "address"))
    var ownerEmail: String?

    @Option(help: ArgumentHelp("Channel author (default: the feed's title).", valueName: "name"))
    var author: String?

    @Option(help: ArgumentHelp("An Apple Podcasts category, e.g. News or \"News/Daily News\"; repeatable (default: News).", valueName: "name"))
    var category: [String] = []

    @Flag(inversion: .prefixedNo, help: "Mark the podcast explicit (default: not).")
    var explicit: Bool?

    @Flag(inversion: .prefixedNo, help: "Ask other platforms not to import the feed (podcast:locked; default: not).")
    var locked: Bool?

    @Option(help: ArgumentHelp("Copyright line (default: the source feed's).", valueName: "text"))
    var copyright: String?

    /// What the flags alone say, checked.
    func flagSettings() throws(FeedError) -> PodcastSettings {
        var categories: [PodcastCategory]?
        if !category.isEmpty {
            var parsed: [PodcastCategory] = []
            for name in category { parsed.append(try PodcastCategory(parsing: name)) }
            categories = parsed
        }
        // An empty value (`--owner-name ""`) says nothing: the file's or the default value stands.
        func given(_ text: String?) -> String? { text?.allSatisfy(\.isWhitespace) == false ? text : nil }
        return try PodcastSettings(
            image: given(image), ownerName: given(ownerName), ownerEmail: given(ownerEmail), author: given(author),
            categories: categories, explicit: explicit, locked: locked, copyright: given(copyright)
        ).validated { "--\($0)" }
    }

    /// The file's settings with the flags on top.
    func settings() throws(FeedError) -> PodcastSettings {
        let flags = try flagSettings()
        guard let podcast else { return flags }
        return try PodcastSettingsFile.load(path: podcast).overriding(with: flags)
    }
}
