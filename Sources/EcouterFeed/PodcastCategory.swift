// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// An Apple Podcasts category, optionally with a subcategory: `itunes:category text="News"`, with a
/// nested `itunes:category text="Politics"` for `News/Politics`.
///
/// Directories drop a feed whose category is not one of Apple's names, spelled exactly; names are
/// matched here without regard to case and written back in Apple's spelling.
public struct PodcastCategory: Sendable, Equatable, CustomStringConvertible {
    /// The top-level category, as Apple spells it.
    public let name: String
    /// The subcategory, as Apple spells it.
    public let subcategory: String?

    /// The default: news read aloud.
    public static let news = PodcastCategory(checkedName: "News", subcategory: nil)

    private init(checkedName: String, subcategory: String?) {
        self.name = checkedName
        self.subcategory = subcategory
    }

    /// Parses `Category` or `Category/Subcategory` against Apple's list.
    /// - Throws: ``FeedError/Code/usage`` naming the valid choices.
    public init(parsing text: String) throws(FeedError) {
        let parts = text.split(separator: "/", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = parts.first, let top = Self.appleCategories.first(where: { $0.name.lowercased() == first.lowercased() }) else {
            throw FeedError(.usage, "unknown podcast category \"\(text)\"; Apple's categories are: \(Self.appleCategories.map(\.name).joined(separator: ", "))")
        }
        guard parts.count == 2 else {
            self.init(checkedName: top.name, subcategory: nil)
            return
        }
        guard let sub = top.subcategories.first(where: { $0.lowercased() == parts[1].lowercased() }) else {
            let choices = top.subcategories.isEmpty ? "it has none" : "its subcategories are: " + top.subcategories.joined(separator: ", ")
            throw FeedError(.usage, "\"\(parts[1])\" is not an Apple subcategory of \(top.name); \(choices)")
        }
        self.init(checkedName: top.name, subcategory: sub)
    }

    /// `News` or `News/Politics`.
    public var description: String { subcategory.map { "\(name)/\($0)" } ?? name }

    /// Apple Podcasts' category names, as published in "Apple Podcasts categories" (Podcasts
    /// Connect help), the list Spotify and the other directories also map from.
    static let appleCategories: [(name: String, subcategories: [String])] = [
        ("Arts", ["Books", "Design", "Fashion & Beauty", "Food", "Performing Arts", "Visual Arts"]),
        ("Business", ["Careers", "Entrepreneurship", "Investing", "Management", "Marketing", "Non-Profit"]),
        ("Comedy", ["Comedy Interviews", "Improv", "Stand-Up"]),
        ("Education", ["Courses", "How To", "Language Learning", "Self-Improvement"]),
        ("Fiction", ["Comedy Fiction", "Drama", "Science Fiction"]),
        ("Government", []),
        ("History", []),
        ("Health & Fitness", ["Alternative Health", "Fitness", "Medicine", "Mental Health", "Nutrition", "Sexuality"]),
        ("Kids & Family", ["Education for Kids", "Parenting", "Pets & Animals", "Stories for Kids"]),
        ("Leisure", ["Animation & Manga", "Automotive", "Aviation", "Crafts", "Games", "Hobbies", "Home & Garden", "Video Games"]),
        ("Music", ["Music Commentary", "Music History", "Music Interviews"]),
        ("News", ["Business News", "Daily News", "Entertainment News", "News Commentary", "Politics", "Sports News", "Tech News"]),
        ("Religion & Spirituality", ["Buddhism", "Christianity", "Hinduism", "Islam", "Judaism", "Religion", "Spirituality"]),
        ("Science", ["Astronomy", "Chemistry", "Earth Sciences", "Life Sciences", "Mathematics", "Natural Sciences", "Nature", "Physics", "Social Sciences"]),
        ("Society & Culture", ["Documentary", "Personal Journals", "Philosophy", "Places & Travel", "Relationships"]),
        ("Sports", ["Baseball", "Basketball", "Cricket", "Fantasy Sports", "Football", "Golf", "Hockey", "Rugby", "Running", "Soccer", "Swimming", "Tennis", "Volleyball", "Wilderness", "Wrestling"]),
        ("Technology", []),
        ("True Crime", []),
        ("TV & Film", ["After Shows", "Film History", "Film Interviews", "Film Reviews", "TV Reviews"]),
    ]
}
