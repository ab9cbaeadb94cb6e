import Foundation
import Glibc
import TestSupport
import Testing

/// `detainer serve` as the service runs it: a separate process on a loopback port, driven with
/// curl, stopped with SIGTERM.
@Suite struct ServeCommandTests {
    static let password = "correct horse battery staple"

    @Test func servesSignsInLogsWithoutSecretsAndStopsOnSIGTERM() throws {
        let office = try Office(now: nil)
        let cli = office.cli
        try expectOK(cli.run(["user", "passwd", "clara", "--password-stdin", "--user", "admin"], stdin: Self.password + "\n"))
        let cookies = cli.directory.path("cookies.txt")
        var server: RunningProcess?
        var port = 0
        for _ in 0..<5 where server == nil {
            port = Int.random(in: 20000...60000)
            let process = try Subprocess.spawn(CLIRunner.binary.path, ["serve", "--port", String(port)], in: cli.directory.url,
                                               environment: ["DETAINER_DB": cli.dbPath])
            for _ in 0..<100 {
                if try curl(["-s", "http://127.0.0.1:\(port)/healthz"], in: cli) == "ok" { server = process; break }
                if !process.process.isRunning { break }
                usleep(100_000)
            }
            if server == nil, process.process.isRunning { _ = Glibc.kill(process.pid, SIGKILL); _ = process.wait() }
        }
        let running = try #require(server)
        let base = "http://127.0.0.1:\(port)"
        let login = try curl(["-s", "-c", cookies, "-H", "Content-Type: application/json",
                              "-d", #"{"username": "clara", "password": "\#(Self.password)"}"#, base + "/api/v1/login"], in: cli)
        let csrf = try #require((try JSONSerialization.jsonObject(with: Data(login.utf8)) as? [String: Any])?["csrfToken"] as? String)
        let queue = try curl(["-s", "-b", cookies, "-o", "/dev/null", "-w", "%{http_code}", base + "/queue"], in: cli)
        #expect(queue == "200")
        let noToken = try curl(["-s", "-b", cookies, "-o", "/dev/null", "-w", "%{http_code}", "-X", "POST", base + "/api/v1/logout"], in: cli)
        #expect(noToken == "403")

        _ = Glibc.kill(running.pid, SIGTERM)
        let result = running.wait(timeout: 30)
        #expect(result.status == 0, "serve exited \(result.status): \(result.stderr)")
        #expect(result.stderr.contains("path=/queue"))
        #expect(result.stderr.contains("user=clara"))
        #expect(!result.stderr.contains(Self.password))
        #expect(!result.stderr.contains(csrf))
        let cookieFile = try String(contentsOfFile: cookies, encoding: .utf8)
        let token = try #require(cookieFile.split(separator: "\n").last?.split(separator: "\t").last.map(String.init))
        #expect(!result.stderr.contains(token))
        try expectOK(cli.run("check"))
    }

    @Test func refusesAnUnreadableSigningKeyBeforeListening() throws {
        let office = try Office(now: nil)
        let result = try office.cli.run("serve", "--port", "1", "--signing-key", office.cli.directory.path("missing.key"))
        #expect(result.status == 66)
        #expect(result.stderr.contains("signing key"))
    }

    private func curl(_ arguments: [String], in cli: CLIRunner) throws -> String {
        try CLIRunner.execute("/usr/bin/curl", arguments, in: cli.directory.url).stdout
    }
}
