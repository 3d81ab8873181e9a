// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
@testable import EcouterFeed

/// Fetching against a server on 127.0.0.1 started by the test: no internet involved.
@Suite struct HTTPFetcherTests {
    let server: LoopbackServer
    let fetcher = HTTPFetcher(limits: FetchLimits(timeout: 1.5, maximumBytes: 4096, maximumRedirects: 3))

    init() throws {
        server = try LoopbackServer()
        server.set("/feed.xml", .ok("<rss/>"))
        server.set("/500", LoopbackServer.Response(status: 500, body: Array("boom".utf8)))
        server.set("/slow", LoopbackServer.Response(status: 200, body: Array("late".utf8), delay: 30))
        server.set("/loop", .redirect(to: "/loop"))
        server.set("/moved", .redirect(to: "/feed.xml"))
        server.set("/big", .ok(String(repeating: "x", count: 10_000)))
        server.set("/ftp", .redirect(to: "ftp://127.0.0.1/secret"))
    }

    func code(of url: URL) async -> FeedError.Code? {
        do throws(FeedError) {
            _ = try await fetcher.fetch(url)
            return nil
        } catch {
            return error.code
        }
    }

    @Test func fetchesABody() async throws {
        let resource = try await fetcher.fetch(server.url("/feed.xml"))
        #expect(resource.bytes == Array("<rss/>".utf8))
        #expect(resource.contentType == "application/xml")
    }

    @Test func followsARedirect() async throws {
        let resource = try await fetcher.fetch(server.url("/moved"))
        #expect(resource.bytes == Array("<rss/>".utf8))
        #expect(resource.url.path == "/feed.xml")
    }

    @Test func httpErrorsAreErrors() async {
        #expect(await code(of: server.url("/missing")) == .http)
        #expect(await code(of: server.url("/500")) == .http)
    }

    @Test func aSlowServerTimesOut() async {
        // The server would answer after 30 s with a 200: getting .timeout proves the 1.5 s deadline
        // ended the exchange first. (No wall-clock bound here: when the whole suite runs, resuming
        // this task can wait tens of seconds for a thread of the busy cooperative pool.)
        #expect(await code(of: server.url("/slow")) == .timeout)
    }

    @Test func aRedirectLoopStops() async {
        #expect(await code(of: server.url("/loop")) == .redirect)
        #expect(server.requestedPaths.filter { $0 == "/loop" }.count <= 4)
    }

    @Test func aRedirectToAnotherSchemeIsRefused() async {
        #expect(await code(of: server.url("/ftp")) == .redirect)
    }

    @Test func anOversizedBodyIsCutOff() async {
        #expect(await code(of: server.url("/big")) == .tooLarge)
    }

    @Test func onlyHTTPIsFetched() async {
        #expect(await code(of: URL(string: "file:///etc/hostname")!) == .usage)
    }

    @Test func aClosedPortIsANetworkError() async throws {
        let other = try LoopbackServer()
        let url = other.url("/x")
        other.stop()
        #expect(await code(of: url) == .network)
    }
}
