// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Debian's Chromium, headless, driven through the DevTools protocol over `--remote-debugging-pipe`:
/// the browser reads commands on its descriptor 3 and writes replies and events on descriptor 4,
/// each message JSON ended by a NUL byte. No port is opened, and every wait has a deadline.
///
/// The browser runs in a process group of its own with a temporary profile; ``close()`` asks it to
/// quit, and kills that group (by its id) if it has not exited within a few seconds.
final class HeadlessChromium {
    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    static let executable = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    private let pid: pid_t
    private let commands: Int32
    private let replies: Int32
    private let profile: URL
    private var received: [UInt8] = []
    private var nextID = 0
    private var session: String?
    private var closed = false

    /// Starts the browser on `about:blank`.
    init(executable: String, windowSize: (width: Int, height: Int) = (960, 640)) throws {
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("ecouter-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        let arguments = [
            executable, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
            "--user-data-dir=\(profile.path)", "--remote-debugging-pipe", "--autoplay-policy=no-user-gesture-required",
            // Nothing leaves the machine: no background services, and every host but 127.0.0.1 fails to resolve.
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--window-size=\(windowSize.width),\(windowSize.height)",
            "about:blank",
        ]
        var toBrowser: [Int32] = [0, 0], fromBrowser: [Int32] = [0, 0]
        guard pipe(&toBrowser) == 0, pipe(&fromBrowser) == 0 else { throw Failure("pipe failed: errno \(errno)") }
        // Close-on-exec (Glibc's pipe2 is not visible to Swift): other children this test process
        // starts must not hold the browser's pipes open.
        for fd in toBrowser + fromBrowser { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // dup2 clears close-on-exec on the copies, so only descriptors 0–4 reach the browser.
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, toBrowser[0], 3)
        posix_spawn_file_actions_adddup2(&actions, fromBrowser[1], 4)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, &attributes, argv, environ)
        Glibc.close(toBrowser[0])
        Glibc.close(fromBrowser[1])
        guard status == 0 else {
            Glibc.close(toBrowser[1]); Glibc.close(fromBrowser[0])
            throw Failure("cannot start \(executable): error \(status)")
        }
        pid = child
        commands = toBrowser[1]
        replies = fromBrowser[0]
    }

    deinit { close() }

    /// Opens `url` in a new tab and attaches to it; later ``send(_:_:browserLevel:timeout:)`` calls go
    /// to that tab. With `scripts` false the page's own scripts do not run (DevTools' still do).
    func open(_ url: URL, scripts: Bool = true, timeout: TimeInterval = 30) throws {
        let target = try send("Target.createTarget", ["url": "about:blank"], browserLevel: true, timeout: timeout)
        let targetID = try (target["targetId"] as? String).orThrow("no targetId in \(target)")
        let attached = try send("Target.attachToTarget", ["targetId": targetID, "flatten": true], browserLevel: true, timeout: timeout)
        session = try (attached["sessionId"] as? String).orThrow("no sessionId in \(attached)")
        try send("Page.enable", [:], timeout: timeout)
        if !scripts { try send("Emulation.setScriptExecutionDisabled", ["value": true], timeout: timeout) }
        try send("Page.navigate", ["url": url.absoluteString], timeout: timeout)
        try waitUntil(timeout: timeout, "the page to load") { try self.evaluate("document.readyState") as? String == "complete" }
    }

    /// Evaluates `expression` in the page (awaiting it when it is a promise) and returns its value as JSON gives it.
    @discardableResult
    func evaluate(_ expression: String, timeout: TimeInterval = 30) throws -> Any? {
        let reply = try send("Runtime.evaluate", ["expression": expression, "awaitPromise": true, "returnByValue": true], timeout: timeout)
        if let exception = reply["exceptionDetails"] as? [String: Any] {
            let text = ((exception["exception"] as? [String: Any])?["description"] as? String) ?? "\(exception)"
            throw Failure("the page threw: \(text)")
        }
        return (reply["result"] as? [String: Any])?["value"]
    }

    /// A left click at a point of the viewport, as a user's mouse makes it (a trusted event).
    func click(x: Double, y: Double) throws {
        for type in ["mouseMoved", "mousePressed", "mouseReleased"] {
            try send("Input.dispatchMouseEvent", ["type": type, "x": x, "y": y, "button": type == "mouseMoved" ? "none" : "left", "clickCount": 1])
        }
    }

    /// A key pressed and released on the focused element (Enter, " ", ArrowDown…).
    func press(key: String, code: String, keyCode: Int, text: String? = nil) throws {
        var down: [String: Any] = ["type": text == nil ? "rawKeyDown" : "keyDown", "key": key, "code": code, "windowsVirtualKeyCode": keyCode]
        if let text { down["text"] = text }
        try send("Input.dispatchKeyEvent", down)
        try send("Input.dispatchKeyEvent", ["type": "keyUp", "key": key, "code": code, "windowsVirtualKeyCode": keyCode])
    }

    /// A PNG of the viewport.
    func screenshot() throws -> Data {
        let reply = try send("Page.captureScreenshot", ["format": "png"])
        return try Data(base64Encoded: (reply["data"] as? String).orThrow("no screenshot data")).orThrow("the screenshot is not base64")
    }

    /// Polls `condition` every 50 ms until it holds; throws naming `what` after `timeout` seconds.
    func waitUntil(timeout: TimeInterval, _ what: String, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if try condition() { return }
            guard Date() < deadline else { throw Failure("timed out after \(Int(timeout)) s waiting for \(what)") }
            usleep(50_000)
        }
    }

    /// Sends one command and returns its result, skipping the events that arrive meanwhile.
    @discardableResult
    func send(_ method: String, _ parameters: [String: Any], browserLevel: Bool = false, timeout: TimeInterval = 30) throws -> [String: Any] {
        nextID += 1
        let id = nextID
        var message: [String: Any] = ["id": id, "method": method, "params": parameters]
        if !browserLevel, let session { message["sessionId"] = session }
        var bytes = [UInt8](try JSONSerialization.data(withJSONObject: message))
        bytes.append(0)
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { write(commands, $0.baseAddress! + sent, $0.count - sent) }
            guard n > 0 else { throw Failure("the browser closed its command pipe (\(method))") }
            sent += n
        }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let message = try nextMessage(deadline: deadline, waitingFor: method)
            guard message["id"] as? Int == id else { continue }
            if let error = message["error"] as? [String: Any] { throw Failure("\(method) failed: \(error["message"] ?? error)") }
            return message["result"] as? [String: Any] ?? [:]
        }
    }

    private func nextMessage(deadline: Date, waitingFor method: String) throws -> [String: Any] {
        while true {
            if let end = received.firstIndex(of: 0) {
                let data = Data(received[..<end])
                received.removeSubrange(...end)
                if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] { return object }
                continue
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { throw Failure("no answer to \(method) in time") }
            var poller = pollfd(fd: replies, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(left, 1) * 1000))
            if ready < 0, errno == EINTR { continue }
            guard ready >= 0 else { throw Failure("poll failed: errno \(errno)") }
            if ready == 0 { continue }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let n = chunk.withUnsafeMutableBytes { read(replies, $0.baseAddress, $0.count) }
            guard n > 0 else { throw Failure("the browser exited while \(method) was pending") }
            received += chunk[..<n]
        }
    }

    /// Asks the browser to quit, waits up to 10 s, then kills its process group; removes the profile.
    func close() {
        guard !closed else { return }
        closed = true
        _ = try? send("Browser.close", [:], browserLevel: true, timeout: 5)
        Glibc.close(commands)
        Glibc.close(replies)
        // Waited for without reaping (WNOWAIT), so the id still names this group when it is killed:
        // helpers (renderer, GPU, zygote) share it, and none may outlive the test.
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            var info = siginfo_t()  // si_signo stays 0 while the browser runs (WNOHANG)
            if waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) != 0 || info.si_signo != 0 { break }
            usleep(50_000)
        }
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        try? FileManager.default.removeItem(at: profile)
    }
}

extension Optional {
    /// The value, or a ``HeadlessChromium/Failure`` saying what was missing.
    func orThrow(_ message: @autoclosure () -> String) throws -> Wrapped {
        guard let value = self else { throw HeadlessChromium.Failure(message()) }
        return value
    }
}
