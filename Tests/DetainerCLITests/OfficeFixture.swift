import Foundation
import Testing

/// A temporary database with one user of each role, for end-to-end workflow tests.
struct Office {
    let cli: CLIRunner

    init(now: String? = "2026-03-02T15:00:00Z") throws {
        var cli = CLIRunner()
        if let now { cli.environment["DETAINER_NOW"] = now }
        self.cli = cli
        try expectOK(cli.run("init", "--training", "--admin", "admin"))
        for (name, role) in [("clara", "clerk"), ("sam", "supervisor"), ("audrey", "auditor")] {
            try expectOK(cli.run("user", "add", name, "--role", role, "--user", "admin"))
        }
    }

    /// `detainer intake` as clara with a complete DOC case; extra options override the defaults.
    @discardableResult
    func intake(_ extra: [String] = [], name: String = "José Nuñez", nysid: String? = nil, user: String = "clara") throws -> Int64 {
        var args = ["intake", "--user", user, "--name", name, "--dob", "1985-02-03", "--agency", "DOC",
                    "--arrest-date", "2026-02-20", "--release-at", "2026-03-05T15:00:00Z", "--format", "json"]
        if let nysid { args += ["--nysid", nysid] }
        let result = try cli.run(args + extra)
        try expectOK(result)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return try #require((json?["detainerID"] as? NSNumber)?.int64Value)
    }

    /// The database as `detainer export` sees it: used to prove a refused command changed nothing.
    func snapshot() throws -> String {
        let result = try cli.run("export", "--user", "audrey")
        try expectOK(result)
        let counts = try cli.sqlite("SELECT (SELECT count(*) FROM audit_log) - (SELECT count(*) FROM audit_log WHERE action = 'export'), (SELECT count(*) FROM evaluations), (SELECT count(*) FROM status_events), (SELECT count(*) FROM reviews), (SELECT count(*) FROM convictions), (SELECT count(*) FROM users WHERE active = 1);")
        return result.stdout + counts.stdout
    }

    func status(of id: Int64) throws -> String {
        try cli.sqlite("SELECT status FROM detainers WHERE id = \(id);").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

func expectOK(_ result: CLIResult, sourceLocation: SourceLocation = #_sourceLocation) throws {
    #expect(result.status == 0, "exit \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
    if result.status != 0 { throw CLIFailure(result: result) }
}

struct CLIFailure: Error { let result: CLIResult }
