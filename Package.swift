// swift-tools-version:6.0
// ecouter — French news articles read aloud through eSpeak NG.
// SPDX-License-Identifier: GPL-3.0-or-later
import PackageDescription

let package = Package(
    name: "ecouter",
    products: [
        .library(name: "Ecouter", targets: ["Ecouter"]),
        .library(name: "EcouterFeed", targets: ["EcouterFeed"]),
        .library(name: "EcouterNormalization", targets: ["EcouterNormalization"]),
        .executable(name: "ecouter", targets: ["ecouter"]),
        .executable(name: "ecouter-speech-worker", targets: ["ecouter-speech-worker"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // HTTP client (feeds, articles by URL, the server tests' client); already built for
        // HummingbirdTesting, so the test build compiles nothing more.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.30.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.24.0"),
    ],
    targets: [
        // C libraries from Debian, each wrapped once.
        // libespeak-ng's header only: the library itself is loaded with dlopen on first use
        // (EspeakLibrary.swift says why), so no pkg-config link flags. Debian: libespeak-ng-dev.
        .systemLibrary(name: "CEspeakNG"),
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        .systemLibrary(
            name: "CLame", pkgConfig: "lame",
            providers: [.apt(["libmp3lame-dev"]), .brew(["lame"])]),

        .systemLibrary(
            name: "COpusEnc", pkgConfig: "libopusenc",
            providers: [.apt(["libopusenc-dev"]), .brew(["libopusenc"])]),

        // What every module shares: the error template, errno in words.
        .target(name: "EcouterCore"),
        // Pure Swift: written French -> spoken French, sentence by sentence. No C, no I/O.
        .target(name: "EcouterNormalization", dependencies: ["EcouterCore"]),
        // The only importer of CEspeakNG: the engine, voice parameters, phonemes.
        .target(
            name: "EcouterSynthesis",
            dependencies: ["EcouterCore", "CEspeakNG", .product(name: "Logging", package: "swift-log")]),
        // Audio sinks: streaming WAV, MP3 through LAME, Ogg Opus through libopusenc.
        .target(name: "EcouterAudio", dependencies: ["EcouterCore", "CLame", "COpusEnc"]),
        // Articles as they arrive: page-text cleanup, HTML extraction (libxml2), reading structure.
        .target(
            name: "EcouterExtraction",
            dependencies: ["EcouterCore", "CLibXML2", .product(name: "Logging", package: "swift-log")]),
        // The embeddable pipeline.
        .target(
            name: "Ecouter",
            dependencies: [
                "EcouterNormalization", "EcouterSynthesis", "EcouterAudio", "EcouterExtraction",
                .product(name: "Logging", package: "swift-log"),
            ]),
        // Feeds in, an audio library and a podcast feed out.
        .target(
            name: "EcouterFeed",
            dependencies: [
                "Ecouter", "EcouterSynthesis", "EcouterExtraction", .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
            ]),
        // `ecouter serve`: the HTTP service behind the « Écouter l'article » button.
        .target(
            name: "EcouterServer",
            dependencies: [
                "Ecouter", "EcouterFeed",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            resources: [.copy("Resources")]),
        // The speech worker: the engine module alone, so it starts in a few milliseconds; the
        // command starts it from beside its own binary (`ecouter speech-worker` is the fallback).
        // Its release build links the Swift runtime statically: measured 12.8 -> 9.9 ms of CPU per
        // worker start (loading and binding 10 fewer shared libraries). An executable's linker
        // flag: no embedder links this target, so the no-unsafeFlags rule below does not bite.
        .executableTarget(
            name: "ecouter-speech-worker", dependencies: ["EcouterSynthesis"],
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]),
        // The command: thin, one file per subcommand.
        .executableTarget(
            name: "ecouter",
            dependencies: [
                "Ecouter", "EcouterFeed", "EcouterServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // The command's release build is made with `swift build -c release --static-swift-stdlib`
        // (the scripts do): the Swift runtime and Foundation linked statically took `--version` from
        // 24 to 17 ms. A `-static-stdlib` linker flag here does not link (static Foundation then
        // misses CoreFoundation), hence the build option.

        // What the test targets that run the built command share (where the binary is).
        .target(name: "EcouterTestSupport", path: "Tests/EcouterTestSupport"),
        .testTarget(
            name: "EcouterNormalizationTests", dependencies: ["EcouterNormalization"],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "EcouterSynthesisTests", dependencies: ["EcouterSynthesis"]),
        .testTarget(name: "EcouterAudioTests", dependencies: ["EcouterAudio"]),
        .testTarget(
            name: "EcouterExtractionTests", dependencies: ["EcouterExtraction"],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "EcouterTests", dependencies: ["Ecouter"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "EcouterFeedTests", dependencies: ["EcouterFeed", "EcouterTestSupport"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "EcouterServerTests",
            dependencies: [
                "EcouterServer", "EcouterAudio", "ecouter", "EcouterTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]),
        // Drives the built `ecouter` binary as a user would.
        .testTarget(name: "EcouterCLITests", dependencies: ["ecouter", "ecouter-speech-worker", "EcouterTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)

// Package-wide settings in one place; no unsafeFlags (they break embedders).
for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    // Every import is internal unless marked `public import` (or `package import`): what a module's
    // API exposes of its dependencies is written down where it happens.
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    target.swiftSettings = settings
}
