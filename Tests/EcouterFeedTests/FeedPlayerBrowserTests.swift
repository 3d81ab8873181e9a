// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import Foundation
import Testing
@testable import EcouterFeed

/// `index.html` of a real feed run (libespeak-ng, LAME) in Debian's headless Chromium, opened as a
/// `file://` page (where browsers allow no fetch and load no `<track>`) and from a plain static
/// server on the loopback interface: the highlighted sentence follows
/// `currentTime` as the audio plays (muted), the word too, a mouse click and the Enter key seek,
/// arrow keys move the one tab stop; with scripts disabled the text and the player are still there.
@Suite(.serialized) struct FeedPlayerBrowserTests {
    static let items = [
        FeedRunnerTests.Item(
            id: "urn:player:1", title: "Le marché rouvre",
            text: "Le marché couvert rouvre ce matin. Trente commerçants sont revenus. Le parking reste gratuit. La mairie promet une fête en juin."),
        FeedRunnerTests.Item(id: "urn:player:2", title: "La pluie arrive", text: "Il pleuvra demain sur la région."),
    ]

    /// What the page shows of the first episode, read in one evaluation so the values agree.
    struct State: Decodable {
        var time: Double
        var paused: Bool
        /// Index of the `.current` sentence, -1 for none; how many are marked.
        var current: Int
        var marked: Int
        var ariaCurrent: Int
        /// The text under the word highlight, nil when there is none.
        var word: String?
        var open: Bool
        var starts: [Double]
        var texts: [String]
        /// Sentences with tabindex 0 (the roving tab stop), and the focused sentence's index.
        var tabStops: Int
        var focused: Int
    }

    static let probe = """
        (() => {
          const episode = document.querySelector(".episode");
          const audio = episode.querySelector("audio");
          const sentences = Array.from(episode.querySelectorAll(".sentence"));
          const highlight = window.CSS && CSS.highlights ? CSS.highlights.get("ecouter-word") : undefined;
          const range = highlight ? Array.from(highlight)[0] : undefined;
          return JSON.stringify({
            time: audio.currentTime, paused: audio.paused,
            current: sentences.findIndex((s) => s.classList.contains("current")),
            marked: sentences.filter((s) => s.classList.contains("current")).length,
            ariaCurrent: sentences.findIndex((s) => s.getAttribute("aria-current") === "true"),
            word: range ? range.toString() : null,
            open: episode.querySelector("details").open,
            starts: sentences.map((s) => Number(s.dataset.start)),
            texts: sentences.map((s) => s.textContent),
            tabStops: sentences.filter((s) => s.tabIndex === 0).length,
            focused: sentences.indexOf(document.activeElement),
          });
        })()
        """

    static func state(_ chromium: HeadlessChromium) throws -> State {
        let json = try (try chromium.evaluate(probe) as? String).orThrow("the probe returned nothing")
        return try JSONDecoder().decode(State.self, from: Data(json.utf8))
    }

    /// The sentence that has started at `time`, as the timings say (20 ms of slack, as the page allows).
    static func expected(_ state: State) -> Int {
        state.starts.lastIndex { $0 <= state.time + 0.02 } ?? 0
    }

    /// Runs blocking browser work on a thread of its own, not on the test pool's few threads.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    /// How the page is opened: as a file, or from a plain static server on the loopback interface.
    enum Opening: String, CaseIterable, Sendable { case file, http }

    /// Serves every file of `directory` as it is now, with Range requests as static servers answer them.
    static func serve(_ directory: URL) throws -> LoopbackServer {
        let server = try LoopbackServer()
        let types = ["html": "text/html; charset=utf-8", "mp3": "audio/mpeg", "vtt": "text/vtt", "json": "application/json", "xml": "application/xml"]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            let body = [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
            let type = types[(name as NSString).pathExtension] ?? "application/octet-stream"
            server.set("/" + name, LoopbackServer.Response(status: 200, headers: ["Content-Type": type], body: body, servesRanges: true))
        }
        return server
    }

    @Test("the sentence being read is highlighted as the audio plays; a click and Enter seek", .timeLimit(.minutes(5)), arguments: Opening.allCases)
    func highlightFollowsTheVoice(_ opening: Opening) async throws {
        let executable = try #require(HeadlessChromium.executable, "Chromium is missing: scripts/setup.sh --test installs it")
        let directory = temporaryDirectory("player")
        defer { try? FileManager.default.removeItem(at: directory) }
        let summary = try await FeedRunnerTests.run(FeedRunnerTests.jsonFeed(Self.items), into: directory)
        #expect(summary.generated == 2 && summary.failed == 0)
        let server = opening == .http ? try Self.serve(directory) : nil
        defer { server?.stop() }
        let page = server?.url("/index.html") ?? directory.appendingPathComponent("index.html")
        let pictures = temporaryDirectory("player-screenshot")
        defer { try? FileManager.default.removeItem(at: pictures) }
        let screenshot = pictures.appendingPathComponent("feed-player.png")

        let observed = try await Self.offPool { () -> [State] in
            let chromium = try HeadlessChromium(executable: executable)
            defer { chromium.close() }
            try chromium.open(page)
            var log: [State] = []

            // (No #expect on this thread: Swift Testing attributes issues through the test's task.)
            let before = try Self.state(chromium)
            log.append(before)
            guard before.starts.count == 5 else { throw HeadlessChromium.Failure("sentences on the page: \(before.texts)") }

            // Muted playback from the start; then watch the highlight move through three sentences.
            try chromium.evaluate("(() => { const a = document.querySelector('.episode audio'); a.muted = true; return a.play().then(() => true); })()")
            let third = before.starts[2]
            try chromium.waitUntil(timeout: 60, "the audio to play past the third sentence's start") {
                let state = try Self.state(chromium)
                log.append(state)
                return state.time > third + 0.3
            }
            // The click: the last sentence, scrolled into view, clicked where it is drawn.
            let last = before.starts.count - 1
            let box = try (try chromium.evaluate("""
                (() => { const s = document.querySelectorAll('.episode')[0].querySelectorAll('.sentence')[\(last)];
                  s.scrollIntoView({ block: 'center' }); const r = s.getBoundingClientRect();
                  return [r.left + Math.min(r.width / 2, 40), r.top + r.height / 2]; })()
                """) as? [Double]).orThrow("no box for the last sentence")
            try chromium.click(x: box[0], y: box[1])
            try chromium.waitUntil(timeout: 20, "the click to seek to the last sentence") {
                let state = try Self.state(chromium)
                log.append(state)
                return state.current == last && state.time >= before.starts[last] - 0.05
            }
            try chromium.waitUntil(timeout: 20, "a word highlighted in the last sentence") {
                let state = try Self.state(chromium)
                log.append(state)
                return state.word != nil && state.time > before.starts[last] + 0.3
            }
            try chromium.send("Input.dispatchMouseEvent", ["type": "mouseMoved", "x": 2, "y": 2])  // no hover in the picture
            try chromium.screenshot().write(to: screenshot)

            // The keyboard: focus the second sentence, Enter seeks back to it; ArrowDown moves focus on.
            try chromium.evaluate("document.querySelectorAll('.episode')[0].querySelectorAll('.sentence')[1].focus()")
            try chromium.press(key: "Enter", code: "Enter", keyCode: 13, text: "\r")
            try chromium.waitUntil(timeout: 20, "Enter to seek to the second sentence") {
                let state = try Self.state(chromium)
                log.append(state)
                return state.current == 1 && state.time < before.starts[2]
            }
            try chromium.press(key: "ArrowDown", code: "ArrowDown", keyCode: 40)
            log.append(try Self.state(chromium))
            return log
        }

        let first = try #require(observed.first)
        let final = try #require(observed.last)
        let starts = first.starts
        #expect(first.current == -1 && first.marked == 0, "nothing is highlighted before playback")
        #expect(first.tabStops == 1, "one tab stop per transcript")
        // While playing, the one highlighted sentence is the one the timings say has started, or
        // the one before it for the instant between the media clock and the page's next update.
        let playing = observed.dropFirst().filter { !$0.paused && $0.current >= 0 }
        #expect(playing.count >= 3, "states seen while playing: \(playing.count)")
        for state in playing {
            let expected = Self.expected(state)
            #expect(state.marked == 1 && state.ariaCurrent == state.current)
            #expect(state.current == expected || state.current == expected - 1, "at \(state.time) s sentence \(state.current) is highlighted, the timings say \(expected)")
        }
        // It moved as currentTime advanced: sentences 0, 1 and 2 were each highlighted in turn.
        let sequence = playing.map(\.current)
        for index in 0...2 { #expect(sequence.contains(index), "highlighted in turn: \(sequence)") }
        #expect(playing.contains { $0.open }, "the transcript opens when playback starts")
        // Words: a piece of the highlighted sentence's text, and more than one word was seen.
        let words = playing.compactMap { state in state.word.map { (state.current, $0) } }
        #expect(words.allSatisfy { index, word in !word.isEmpty && first.texts[index].contains(word) }, "\(words)")
        #expect(Set(words.map(\.1)).count >= 2, "words highlighted: \(Set(words.map(\.1)))")
        // The click landed at the last sentence's start (not at its end, nor at the first), Enter at the second's.
        let clicked = try #require(observed.first { $0.current == starts.count - 1 && !$0.paused })
        #expect(clicked.time >= starts[starts.count - 1] - 0.05 && clicked.time < starts[starts.count - 1] + 2)
        let entered = try #require(observed.last { $0.current == 1 })
        #expect(entered.time >= starts[1] - 0.05 && entered.time < starts[2])
        #expect(final.focused == 2 && final.tabStops == 1, "ArrowDown moves the tab stop to the next sentence")

        let png = try Data(contentsOf: screenshot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 10_000)
        if opening == .file, ProcessInfo.processInfo.environment["ECOUTER_UPDATE_SCREENSHOTS"] == "1" {
            try png.write(to: repositoryRoot.appendingPathComponent("docs/images/feed-player.png"))
        }
    }

    @Test("without scripts the text is readable and the player is there", .timeLimit(.minutes(3)))
    func worksWithoutTheScript() async throws {
        let executable = try #require(HeadlessChromium.executable, "Chromium is missing: scripts/setup.sh --test installs it")
        let directory = temporaryDirectory("player-noscript")
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try await FeedRunnerTests.run(FeedRunnerTests.jsonFeed(Array(Self.items.prefix(1))), into: directory)
        let page = directory.appendingPathComponent("index.html")
        let json = try await Self.offPool { () -> String in
            let chromium = try HeadlessChromium(executable: executable)
            defer { chromium.close() }
            try chromium.open(page, scripts: false)
            return try (try chromium.evaluate("""
                JSON.stringify({ controls: document.querySelector('.episode audio').controls,
                  text: document.querySelector('.episode .transcript').textContent,
                  roles: document.querySelectorAll('[role=button]').length,
                  scripted: document.documentElement.classList.contains('follows-voice') })
                """) as? String).orThrow("no answer")
        }
        let result = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(result["controls"] as? Bool == true)
        #expect((result["text"] as? String)?.contains("Trente commerçants sont revenus.") == true)
        #expect(result["roles"] as? Int == 0 && result["scripted"] as? Bool == false, "the script did not run")
    }
}
