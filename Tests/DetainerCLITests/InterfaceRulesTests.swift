import Foundation
import Testing

/// Issue 11 §7 (one interface) and §9 (messages and small defects), end to end.
@Suite struct InterfaceRulesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func usageErrorsAreOneLinePlusAHint() throws {
        let cli = CLIRunner()
        for arguments in [["list", "--agency", "fbi"], ["list", "--frob"], ["report", "monthly", "--from", "2026-01"], ["list", "--all", "--limit", "2"]] {
            let result = try cli.run(arguments)
            #expect(result.status == 64, "\(arguments)")
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 2, "\(arguments): \(result.stderr)")
            #expect(lines.first?.hasPrefix("detainer: error: ") == true)
            #expect(lines.last?.hasPrefix("detainer: hint: see `detainer \(arguments[0])") == true)
        }
        #expect(try cli.run("list", "--help").status == 0)
    }

    @Test func intakeSpeaksOnlyTheFormatsItHas() throws {
        let office = try Office()
        let csv = try office.cli.run("intake", "--user", "clara", "--name", "A B", "--agency", "DOC", "--arrest-date", "2026-02-20",
                                     "--release-at", "2026-03-05T15:00:00Z", "--format", "csv")
        #expect(csv.status == 64)  // refused, not silently printed as text
        #expect(csv.stderr.contains("format"))
    }

    @Test func initAndBackupIntoAMissingDirectoryNameIt() throws {
        let cli = CLIRunner()
        let missing = cli.directory.path("no/such/dir")
        let initResult = try cli.run("init", "--db", missing + "/detainer.db")
        #expect(initResult.status == 66)
        #expect(initResult.stderr.contains(missing))
        try expectOK(cli.run("init", "--training", "--admin", "admin"))
        let backup = try cli.run("backup", missing + "/copy.db")
        #expect(backup.status == 66)
        #expect(backup.stderr.contains(missing))
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test(arguments: ["year,lift_reason,count\n2007,Case Closed,15\n",
                      "det_facility,lift_reason,count\nBROOKLYN CENTRAL BOOKING,Booked into Detention,701\n",
                      "year,detainer_type,count\n2014,I247 - Immigration Detainer,80\n"])
    func aggregateTablesAreRefusedAsSuch(text: String) throws {
        let office = try Office()
        let file = office.cli.directory.path("aggregate.csv")
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        for format in ["auto", "ice"] {
            let result = try office.cli.run("import", file, "--format", format, "--user", "sam")
            #expect(result.status == 65)
            #expect(result.stderr.contains("an aggregate table (a count per"))
        }
        #expect(try office.cli.sqlite("SELECT count(*) FROM detainers;").stdout.hasPrefix("0"))
    }

    @Test func offensesFitA120ColumnTerminal() throws {
        let result = try CLIRunner().run(["offenses", "--on", "2026-03-02"])
        try expectOK(result)
        let widest = result.stdout.split(separator: "\n").map { (line: Substring) in line.count }.max() ?? 0
        #expect(widest <= 120, "widest line \(widest)")
        #expect(result.stdout.contains("Reckless assault of a child by a child"))  // wrapped, not cut
        #expect(result.stdout.contains("day care provider"))
    }

    @Test func theManPageKeepsItsCharacters() throws {
        let page = try String(contentsOf: Self.root.appendingPathComponent("Scripts/man/detainer.1"), encoding: .utf8)
        #expect(page.contains("\\[u00A7]"))  // §
        #expect(!page.contains("Admin. Code  9-131"))  // the old, stripped rendering
    }

    @Test func theDemoLooksCurrent() throws {
        let cli = CLIRunner()
        try expectOK(cli.run(["demo", "--days", "200"], env: ["DETAINER_NOW": "2026-11-30T15:00:00Z"]))
        // Nothing in the queue is more than a few weeks past its deadline.
        let queue = try cli.run(["queue", "--format", "json"], env: ["DETAINER_NOW": "2026-11-30T15:00:00Z"])
        let items = try #require(try JSONSerialization.jsonObject(with: Data(queue.stdout.utf8)) as? [[String: Any]])
        for item in items {
            let deadline = (item["holdDeadline"] as? String).flatMap { ISO8601DateFormatter().date(from: $0) }
            if let deadline { #expect(deadline > ISO8601DateFormatter().date(from: "2026-11-01T00:00:00Z")!, "\(item)") }
        }
        // Audit times rise with their ids.
        let backwards = try cli.sqlite("SELECT count(*) FROM audit_log AS a JOIN audit_log AS b ON b.id = a.id + 1 WHERE b.at < a.at;")
        #expect(backwards.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }
}
