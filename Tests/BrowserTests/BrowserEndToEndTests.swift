import Foundation
import Testing
import TestSupport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif

/// The office in a real browser: builds a fresh database with the CLI, starts `detainer serve`
/// twice on loopback (the normal server, and one whose sessions idle out after a few seconds),
/// and runs `Tests/Browser/e2e.py` (headless Chromium driven by selenium) against them. A missing
/// chromium, chromedriver or selenium is a failure, not a skip: CI installs them (`.ci/run`).
/// Screenshots land in `.build/browser-artifacts/`.
@Suite("Browser end to end", .serialized)
struct BrowserEndToEndTests {
    static let password = "correct horse battery staple"
    static let shortIdleSeconds = 3

    @Test("sign-in, intake → queue → review → status, 403s, XSS, expiry, sign-out, report chart, axe-core on every page for every role")
    func officeInABrowser() async throws {
        let missing = Self.missingPrerequisites()
        try #require(missing.isEmpty, Comment(rawValue: "browser tests need " + missing.joined(separator: "; ")
                                                  + " — install them as .ci/run does (apt-get install chromium chromium-driver; pip install selenium)"))
        let directory = TemporaryDirectory()
        let db = directory.path("office.db")
        let binary = try Self.binary()
        // A production database, as an office runs it: signed with a key kept outside it, web
        // users with passwords and no OS login of their own.
        let keygen = try Subprocess.run(binary, ["keygen", "--out", directory.path("keys")], in: directory.url, timeout: 120)
        try #require(keygen.status == 0, "detainer keygen: \(keygen)")
        let key = directory.path("keys") + "/signing.key"
        func cli(_ arguments: [String], stdin: String? = nil) throws -> ProcessResult {
            let result = try Subprocess.run(binary, arguments + ["--db", db, "--signing-key", key], in: directory.url, stdin: stdin.map { Data($0.utf8) }, timeout: 120)
            try #require(result.status == 0, "detainer \(arguments.joined(separator: " ")): \(result)")
            return result
        }
        _ = try cli(["init", "--admin", "maria"])
        _ = try cli(["user", "add", "clara", "--role", "clerk", "--user", "maria"])
        _ = try cli(["user", "add", "sam", "--role", "supervisor", "--user", "maria"])
        // An analyst (the auditor role) and the admin, for the accessibility scans of every role's pages.
        _ = try cli(["user", "add", "audrey", "--role", "auditor", "--user", "maria"])
        for name in ["clara", "sam", "audrey", "maria"] {
            _ = try cli(["user", "passwd", name, "--password-stdin", "--user", "maria"], stdin: Self.password + "\n")
        }
        let passwordFile = directory.path("password.txt")
        try Self.password.write(toFile: passwordFile, atomically: true, encoding: .utf8)

        let server = try await Server.start(binary: binary, db: db, in: directory.url, extra: ["--signing-key", key])
        defer { server.stop() }
        let shortServer = try await Server.start(binary: binary, db: db, in: directory.url,
                                                 extra: ["--signing-key", key, "--session-idle-seconds", String(Self.shortIdleSeconds)])
        defer { shortServer.stop() }

        let artifacts = Self.repositoryRoot.appendingPathComponent(".build/browser-artifacts").path
        try? FileManager.default.removeItem(atPath: artifacts)
        let script = Self.repositoryRoot.appendingPathComponent("Tests/Browser/e2e.py").path
        let run = try Subprocess.run("/usr/bin/env", [
            "python3", script, "--base-url", server.url, "--short-session-url", shortServer.url,
            "--short-session-seconds", String(Self.shortIdleSeconds),
            "--clerk", "clara", "--supervisor", "sam", "--analyst", "audrey", "--admin", "maria",
            "--password-file", passwordFile, "--artifacts", artifacts,
        ], in: directory.url, timeout: 900)
        // The suite's own summary (checks passed, axe-core scans and their time) for the test log.
        for line in run.stdout.split(separator: "\n") where line.hasPrefix("e2e:") { print(line) }
        // SIGTERM drains and exits 0 (stopped before reading their logs, which exist only then).
        let serverStatus = server.stop(), shortServerStatus = shortServer.stop()
        #expect(run.status == 0, """
            Tests/Browser/e2e.py failed (exit \(run.status)); screenshots in \(artifacts)
            \(run.stdout)
            \(run.stderr.suffix(4000))
            server log (tail):
            \(server.logTail())
            """)

        #expect(serverStatus == 0, "serve did not exit 0 on SIGTERM: \(server.logTail())")
        #expect(shortServerStatus == 0, "the short-session serve did not exit 0 on SIGTERM: \(shortServer.logTail())")
        // Afterwards the CLI finds the database whole.
        let check = try Subprocess.run(binary, ["check", "--db", db], in: directory.url, timeout: 120)
        #expect(check.status == 0, "detainer check after the browser session: \(check)")
        // The forged review wrote nothing: every review on record is the supervisor's.
        let log = try cli(["log", "--format", "json"]).stdout
        let entries = (try? JSONSerialization.jsonObject(with: Data(log.utf8))) as? [[String: Any]] ?? []
        #expect(!entries.isEmpty, "detainer log --format json printed no entries: \(log.prefix(500))")
        let reviews = entries.filter { ($0["action"] as? String ?? "").contains("review") }
        #expect(!reviews.isEmpty, "no review in the audit log; the supervisor's review should be there")
        #expect(reviews.allSatisfy { "\($0["actor"] ?? "")".contains("sam") }, "a review in the audit log is not sam's: \(reviews)")
    }

    /// What the browser suite needs on this machine, described for the failure message.
    static func missingPrerequisites() -> [String] {
        var missing: [String] = []
        if !FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") { missing.append("/usr/bin/chromium (Debian chromium)") }
        if !FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver") { missing.append("/usr/bin/chromedriver (Debian chromium-driver)") }
        let probe = try? Subprocess.run("/usr/bin/env", ["python3", "-c", "import selenium"], in: URL(fileURLWithPath: "/"), timeout: 60)
        if probe?.status != 0 { missing.append("python3 with selenium (pip install selenium)") }
        return missing
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func binary() throws -> String {
        if let override = ProcessInfo.processInfo.environment["DETAINER_BIN"] { return override }
        for folder in [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()] {
            let url = folder.appendingPathComponent("detainer")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url.path }
        }
        throw BrowserTestError("detainer binary not found near \(Bundle.main.bundleURL.path); build it or set DETAINER_BIN")
    }
}

struct BrowserTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// One `detainer serve` child on a free loopback port, stopped with SIGTERM (once).
final class Server: @unchecked Sendable {
    let process: RunningProcess
    let url: String
    private let lock = NSLock()
    private var result: ProcessResult?

    private init(process: RunningProcess, url: String) {
        self.process = process
        self.url = url
    }

    static func start(binary: String, db: String, in directory: URL, extra: [String]) async throws -> Server {
        let port = try freePort()
        let process = try Subprocess.spawn(binary, ["serve", "--db", db, "--bind", "127.0.0.1", "--port", String(port)] + extra, in: directory)
        let server = Server(process: process, url: "http://127.0.0.1:\(port)")
        // Generous: `swift test` runs this beside suites that spawn hundreds of processes.
        let deadline = Date().addingTimeInterval(180)
        while Date() < deadline {
            if !process.process.isRunning {
                throw BrowserTestError("detainer serve exited before it was healthy: \(server.stop())")
            }
            // A short timeout per try: one attempt that hangs must not use up the whole wait.
            var request = URLRequest(url: URL(string: server.url + "/healthz")!)
            request.timeoutInterval = 3
            if let (data, response) = try? await URLSession.shared.data(for: request),
               (response as? HTTPURLResponse)?.statusCode == 200, String(decoding: data, as: UTF8.self).hasPrefix("ok") {
                return server
            }
            try await Task.sleep(nanoseconds: 200_000_000)
        }
        let status = server.stop()
        throw BrowserTestError("detainer serve on port \(port) did not answer /healthz within 180 s (stopped: exit \(status)); its log: \(server.logTail())")
    }

    /// SIGTERM, then wait (SIGKILL after 30 s); returns the exit status. Safe to call again.
    @discardableResult
    func stop() -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        if result == nil {
            if process.process.isRunning { _ = Glibc.kill(process.pid, SIGTERM) }
            result = process.wait(timeout: 30)
        }
        return result?.status ?? -1
    }

    /// The server's stderr (request logs) so far is only readable once it stopped.
    func logTail() -> String {
        lock.lock()
        defer { lock.unlock() }
        return String((result?.stderr ?? "(server still running)").suffix(3000))
    }

    /// Asks the kernel for a free loopback port (bind to port 0), then lets it go for the server.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw BrowserTestError("socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw BrowserTestError("could not bind a loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
