// SPDX-License-Identifier: GPL-3.0-or-later
import Ecouter
import EcouterTestSupport
import Foundation
import Testing
@testable import EcouterFeed

/// A disk that fills up during a run: items fail (or the run stops with exit 73), nothing
/// truncated is recorded as done, and once there is room again the next run completes.
@Suite(.serialized) struct FullDiskTests {
    /// True when this machine lets the test mount a small tmpfs of its own (`unshare -rm`: a user
    /// and mount namespace, no privileges needed where user namespaces are enabled).
    static let canMountTmpfs: Bool = {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else { return false }
        let probe = temporaryDirectory("tmpfs-probe")
        let result = try? ChildRun.blocking(
            URL(fileURLWithPath: "/usr/bin/unshare"), ["-rm", "/bin/sh", "-c", "mount -t tmpfs -o size=64k tmpfs '\(probe.path)'"])
        return result?.status == 0
    }()

    /// Runs the feed twice on a tmpfs of `size`: full, then remounted with room; copies the
    /// directory after each run out of the namespace (where the tmpfs vanishes).
    @Test(.enabled(if: canMountTmpfs, "needs `unshare -rm` to mount a small tmpfs"))
    func aTmpfsThatFillsUp() async throws {
        let source = try FeedCommandTests.feedFile(FeedFaultTests.items(8, prefix: "full"))
        let mountPoint = temporaryDirectory("tmpfs"), full = temporaryDirectory("tmpfs-full"), after = temporaryDirectory("tmpfs-after")
        let binary = try FeedCommandTests.binary
        let script = """
            mount -t tmpfs -o size=300k tmpfs "$1" || exit 99
            "$4" feed "$5" -d "$1" --format wav 2>"$2/.stderr"; echo $? > "$2/.status"
            cp -a "$1/." "$2/"
            mount -o remount,size=64m "$1" || exit 98
            "$4" feed "$5" -d "$1" --format wav 2>"$3/.stderr"; echo $? > "$3/.status"
            cp -a "$1/." "$3/"
            """
        let run = try await runTool("/usr/bin/unshare", ["-rm", "/bin/sh", "-c", script, "sh", mountPoint.path, full.path, after.path, binary, source])
        try #require(run.status == 0, "\(run.err)")
        func status(_ directory: URL) throws -> Int32 {
            try #require(Int32(String(decoding: try Data(contentsOf: directory.appendingPathComponent(".status")), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        let first = try status(full)
        let firstError = String(decoding: try Data(contentsOf: full.appendingPathComponent(".stderr")), as: UTF8.self)
        #expect(first == 1 || first == 73, "\(firstError)")
        if first == 1 {
            let manifest = try FeedRunnerTests.manifest(in: full)
            #expect(manifest.items.contains { $0.error?.contains("No space left on device") == true })
        } else {
            #expect(firstError.contains("No space left on device"), "\(firstError)")
        }
        try FeedFaultTests.checkConsistent(full)
        #expect(try status(after) == 0)
        let manifest = try FeedRunnerTests.manifest(in: after)
        #expect(manifest.items.count == 8 && manifest.items.allSatisfy { $0.error == nil })
        try FeedFaultTests.checkConsistent(after)
    }

    /// Available everywhere: the audio file of one item is a link to `/dev/full`, which answers every
    /// write with ENOSPC (special files are written in place, not renamed over).
    @Test func aDeviceThatIsAlwaysFull() async throws {
        let items = FeedFaultTests.items(3, prefix: "devfull")
        let source = try FeedCommandTests.feedFile(items)
        let directory = temporaryDirectory("devfull")
        let victim = directory.appendingPathComponent(ItemKey(id: items[1].id).fileName(format: .wav))
        try FileManager.default.createSymbolicLink(atPath: victim.path, withDestinationPath: "/dev/full")
        let first = try await runTool(try FeedCommandTests.binary, ["feed", source, "-d", directory.path, "--format", "wav"])
        #expect(first.status == 1, "\(first.err)")
        let manifest = try FeedRunnerTests.manifest(in: directory)
        let failed = manifest.items.filter { $0.error != nil }
        #expect(failed.map(\.id) == [items[1].id])
        #expect(failed.first?.error?.contains("No space left on device") == true, "\(failed)")
        #expect(failed.first?.file == nil)
        try FeedFaultTests.checkConsistent(directory)

        try FileManager.default.removeItem(at: victim)
        let second = try await runTool(try FeedCommandTests.binary, ["feed", source, "-d", directory.path, "--format", "wav"])
        #expect(second.status == 0, "\(second.err)")
        #expect(try FeedRunnerTests.manifest(in: directory).items.allSatisfy { $0.error == nil })
        try FeedFaultTests.checkConsistent(directory)
    }
}
