import Foundation
import Testing

/// Issue 6 end to end: imports of real files, reports, export round trips.
@Suite struct ImportExportTests {
    /// Monthly counts straight from the CSV, by a method that shares nothing with the importer:
    /// the date and lift reason are the first two fields and never quoted in this file.
    static func independentCounts(_ path: String) throws -> [String: (received: Int, honored: Int, declined: Int)] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var counts: [String: (received: Int, honored: Int, declined: Int)] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false)
            let month = String(fields[0].prefix(7))
            var entry = counts[month] ?? (0, 0, 0)
            entry.received += 1
            if fields[1] == "Booked into Detention" { entry.honored += 1 }
            if fields[1] == "Detainer Declined by LEA" { entry.declined += 1 }
            counts[month] = entry
        }
        return counts
    }

    @Test func pennsylvaniaImportReproducesTheFilesMonthlyCounts() throws {
        let office = try Office(now: "2026-03-02T15:00:00Z")
        let path = Fixtures.paDetainers
        let result = try office.cli.run("import", path, "--user", "sam")
        try expectOK(result)
        #expect(result.stdout.contains("Imported 32757 of 32757 rows"))
        let expected = try Self.independentCounts(path)
        let report = try office.cli.run("report", "monthly", "--from", "2007-10", "--to", "2015-07", "--include-external", "--format", "csv", "--user", "audrey")
        try expectOK(report)
        let lines = report.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = lines[0]
        let column = { (name: String) in header.firstIndex(of: name)! }
        var months = 0
        for row in lines.dropFirst() where row[0] != "total" {
            let want = expected[row[0]] ?? (0, 0, 0)
            #expect(Int(row[column("received")]) == want.received, "\(row[0]) received")
            #expect(Int(row[column("honored")]) == want.honored, "\(row[0]) honored")
            #expect(Int(row[column("declined")]) == want.declined, "\(row[0]) declined")
            months += 1
        }
        #expect(months == 94)
        let total = lines.last!
        #expect(total[0] == "total" && Int(total[column("received")]) == 32_757 && Int(total[column("honored")]) == 18_143
                && Int(total[column("declined")]) == 225)
        try expectOK(office.cli.run("check"))
        let again = try office.cli.run("import", path, "--user", "sam")
        #expect(again.status == 65 && again.stderr.contains("already imported"))
    }

    @Test(arguments: [
        ("nyc-doc-daily-inmates/daily_inmates_in_custody_2017-06.csv", 9_239),
        ("nyc-doc-daily-inmates/daily_inmates_in_custody_2021-02.csv", 5_310),
    ])
    func docSnapshotsAccountForEveryRow(file: String, rows: Int) throws {
        let office = try Office()
        let rejects = office.cli.directory.path("rejects.csv")
        let result = try office.cli.run("import", Fixtures.path(file), "--skip-bad", "--rejects", rejects, "--user", "sam")
        try expectOK(result)
        let numbers = result.stdout.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        // "Imported A of B rows … ; C rejected": every row is imported or rejected with a reason.
        #expect(numbers[1] == rows)
        let rejected = try String(contentsOfFile: rejects, encoding: .utf8).split(separator: "\n").count - 1
        #expect(numbers[0] + rejected == rows)
        let counts = try office.cli.sqlite("SELECT (SELECT count(*) FROM custody_cases WHERE import_id IS NOT NULL), (SELECT count(DISTINCT external_id) FROM persons WHERE external_system = 'doc');").stdout
        #expect(!counts.isEmpty)
        try expectOK(office.cli.run("check"))
    }

    @Test func oneBadRowRefusesTheWholeFileUnlessSkipped() throws {
        let office = try Office()
        let csv = """
            date,lift_reason,det_facility,city,state,detainer_type
            2014-01-02 00:00:00,Booked into Detention,"RIKERS ISLAND, QUEENS, NY",QUEENS,NEW YORK,
            2014-01-03 00:00:00,,BROOKLYN CENTRAL BOOKING,BROOKLYN,NEW YORK,
            2014-02-30 00:00:00,Detainer Declined by LEA,"BAD, ROW",X,NEW YORK,
            2014-01-04 00:00:00,Detainer Declined by LEA,QUEENS CENTRAL BOOKING,QUEENS,NEW YORK,

            """
        let file = office.cli.directory.path("one-bad.csv")
        try Data(csv.utf8).write(to: URL(fileURLWithPath: file))
        let before = try office.snapshot()
        let refused = try office.cli.run("import", file, "--user", "sam")
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("line 4, column date: \"2014-02-30 00:00:00\" is not a date"))
        #expect(try office.snapshot() == before)

        let rejects = office.cli.directory.path("rejects.csv")
        let skipped = try office.cli.run("import", file, "--skip-bad", "--rejects", rejects, "--user", "sam")
        try expectOK(skipped)
        #expect(skipped.stdout.contains("Imported 3 of 4 rows"))
        let rejected = try String(contentsOfFile: rejects, encoding: .utf8).split(separator: "\n")
        #expect(rejected.count == 2)
        #expect(rejected[1].hasPrefix("2014-02-30 00:00:00,Detainer Declined by LEA,\"BAD, ROW\",X,NEW YORK,,"))
        #expect(try office.cli.sqlite("SELECT agency, status FROM detainers ORDER BY id;").stdout == "DOC|transferred\nNYPD|received\nNYPD|declined\n")
    }

    @Test func exportImportExportIsByteIdenticalAndPseudonymsHideIdentities() throws {
        let office = try Office()
        try office.intake(["--warrant", "judicial", "--warrant-issuer", "Hon. F", "--tsdb-match", "yes", "--booking", "3411700001"],
                          name: "=HYPERLINK(\"http://x\")", nysid: "12345678K")
        let second = try office.intake(["--a-number", "A012345678", "--booking", "3411700002"], name: "Đặng Văn Minh", nysid: "87654321B")
        try expectOK(office.cli.run("review", "\(second)", "--approve", "--confirm-no-search", "--user", "sam"))
        let first = office.cli.directory.path("first.csv")
        try expectOK(office.cli.run("export", "--output", first, "--user", "audrey"))
        let text = try String(contentsOfFile: first, encoding: .utf8)
        #expect(text.contains("'=HYPERLINK"))

        let copy = CLIRunner()
        try expectOK(copy.run("init", "--training", "--admin", "admin"))
        try expectOK(copy.run("import", first, "--user", "admin"))
        let second2 = copy.directory.path("second.csv")
        try expectOK(copy.run("export", "--output", second2, "--user", "admin"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == Data(contentsOf: URL(fileURLWithPath: second2)))
        try expectOK(copy.run("check"))

        let key = office.cli.directory.path("key")
        try expectOK(office.cli.run("keygen", "--pseudonym-key", key))
        let pseudo = try office.cli.run("export", "--pseudonymize", "--key-file", key, "--format", "json", "--user", "audrey")
        try expectOK(pseudo)
        for secret in ["HYPERLINK", "Đặng", "12345678K", "87654321B", "A012345678", "3411700001", "3411700002", "Hon. F", "1985-02-03"] {
            #expect(!pseudo.stdout.contains(secret), "\(secret) leaked")
        }
        #expect(pseudo.stdout.contains("\"personDateOfBirth\":\"1985\""))  // issue 11 §7: JSON keys camelCase
        let again = try office.cli.run("export", "--pseudonymize", "--key-file", key, "--format", "json", "--user", "audrey")
        #expect(again.stdout == pseudo.stdout)
    }

    @Test func reportsSpeakTableCSVAndJSONWithTheSameNumbers() throws {
        let office = try Office()
        try office.intake()
        let declined = try office.intake(name: "Second")
        try expectOK(office.cli.run("review", "\(declined)", "--approve", "--confirm-no-search", "--user", "sam"))
        let csv = try office.cli.run("report", "monthly", "--from", "2026-01", "--to", "2026-03", "--format", "csv", "--user", "audrey")
        let json = try office.cli.run("report", "monthly", "--from", "2026-01", "--to", "2026-03", "--format", "json", "--user", "audrey")
        let table = try office.cli.run("report", "monthly", "--from", "2026-01", "--to", "2026-03", "--explain", "--user", "audrey")
        try expectOK(csv); try expectOK(json); try expectOK(table)
        #expect(csv.stdout.contains("2026-03,2,0,1,1,"))
        #expect(csv.stdout.contains("2026-02,0,0,0,0,"))
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let total = object?["total"] as? [String: Any]
        #expect((total?["received"] as? NSNumber)?.intValue == 2)
        // Issue 11 §7: JSON keys are camelCase; decline reasons are one object keyed by reason code.
        #expect(((total?["declinedByReason"] as? [String: Any])?["NO_JUDICIAL_WARRANT"] as? NSNumber)?.intValue == 1)
        #expect((total?["openAtMonthEnd"] as? NSNumber)?.intValue == 1)
        #expect(table.stdout.contains("open_at_month_end:"))
        let annual = try office.cli.run("report", "annual", "--agency", "DOC", "--year", "2026", "--format", "csv", "--user", "audrey")
        try expectOK(annual)
        #expect(annual.stdout.contains("f1,Admin. Code §9-131(f)(1),total,2,1\n"), "\(annual.stdout)")   // last: the training marker
        #expect(annual.stdout.contains("f7,Admin. Code §9-131(f)(7),total,1,1\n"))
        #expect(try office.cli.run("report", "monthly", "--from", "2026-13", "--to", "2026-03", "--user", "audrey").status == 65)
    }
}
