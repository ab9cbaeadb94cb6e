import Foundation
import Testing

/// Issue 11 §5 (`list --person`), §6 (lists that scale) and §7 (one interface), end to end.
@Suite struct ListAndInterfaceTests {
    /// An ICE extract (NPR layout) of `count` rows, one a day from 2026-01-01, written to the runner's folder.
    static func iceFile(_ office: Office, rows count: Int) throws -> String {
        var text = "date,lift_reason,det_facility,city,state,detainer_type\n"
        for day in 0..<count {
            let date = Calendar(identifier: .gregorian).date(byAdding: .day, value: day, to: Date(timeIntervalSince1970: 1_767_225_600))!
            let stamp = ISO8601DateFormatter.string(from: date, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
            text += "\(stamp) 00:00:00,,RIKERS ISLAND,EAST ELMHURST,NEW YORK,I247A\n"
        }
        let path = office.cli.directory.path("ice-\(count).csv")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func lines(_ text: String) -> [Substring] { text.split(separator: "\n") }

    @Test func listShowsTheFiftyNewestUnlessToldOtherwise() throws {
        let office = try Office()
        try expectOK(office.cli.run("import", try Self.iceFile(office, rows: 60), "--user", "sam"))
        let page = try office.cli.run("list")
        try expectOK(page)
        #expect(Self.lines(page.stdout).count == 2 + 50)  // header, rule, 50 rows
        #expect(Self.lines(page.stdout)[2].contains("2026-03-01"))  // newest first
        let three = try office.cli.run("list", "--limit", "3", "--format", "csv")
        #expect(Self.lines(three.stdout).count == 1 + 3)
        let all = try office.cli.run("list", "--all", "--format", "csv")
        #expect(Self.lines(all.stdout).count == 1 + 60)
        let both = try office.cli.run("list", "--all", "--limit", "3")
        #expect(both.status == 64)
    }

    @Test func listFormatsAgreeAndFollowTheTimeAndKeyRules() throws {
        let office = try Office(now: "2026-12-01T15:00:00Z")
        try expectOK(office.cli.run("import", try Self.iceFile(office, rows: 250), "--user", "sam"))
        let json = try office.cli.run("list", "--all", "--format", "json")
        try expectOK(json)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 250)
        #expect(rows[0]["receivedAt"] as? String == "2026-09-07T04:00:00Z")  // JSON: camelCase keys, ISO 8601 UTC
        #expect(rows[0]["received_at"] == nil)
        let csv = try office.cli.run("list", "--all", "--format", "csv")
        #expect(csv.stdout.hasPrefix("id,received_at,received_on,agency,person_id,"))  // CSV: the stored names
        #expect(csv.stdout.contains(",2026-09-07T04:00:00Z,"))
        let table = try office.cli.run("list", "--all")
        #expect(table.stdout.contains("2026-09-07 00:00 EDT"))  // tables: New York time with its zone
        #expect(table.stdout.contains("2026-01-01 00:00 EST"))
        #expect(Self.lines(table.stdout).count == 2 + 250)  // past the sampled first rows, still every row
        let empty = try office.cli.run("list", "--status", "honored", "--format", "json")
        #expect(empty.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
    }

    @Test func listPersonFindsNamesIgnoringCaseAndAccentsAndEveryIdentifier() throws {
        let office = try Office()
        let juan = try office.intake(["--booking", "3411700123"], name: "Juan Cruz")
        let jose = try office.intake(["--a-number", "a012-345678"], name: "José Nuñez", nysid: "12345678K")
        let other = try office.intake(name: "Cruzita Alvarez")
        func ids(_ person: String) throws -> Set<Int64> {
            let result = try office.cli.run("list", "--person", person, "--format", "json")
            try expectOK(result)
            let rows = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
            return Set(rows.compactMap { ($0["id"] as? NSNumber)?.int64Value })
        }
        #expect(try ids("Juan Cruz") == [juan])
        #expect(try ids("juan cruz") == [juan])
        #expect(try ids("JUAN") == [juan])
        #expect(try ids("cruz") == [juan, other])  // a word start: "Cruzita" too
        #expect(try ids("jose nunez") == [jose])
        #expect(try ids("NUÑEZ") == [jose])
        #expect(try ids("12345678k") == [jose])
        #expect(try ids("A012345678") == [jose])
        #expect(try ids("3411700123") == [juan])
        #expect(try ids("Nobody Here").isEmpty)
        let table = try office.cli.run("list", "--person", "Nobody Here")
        #expect(table.status == 0)
        #expect(table.stdout.contains("No detainers match."))
        try expectOK(office.cli.run("check"))  // the stored search keys agree with the names
    }

    @Test func searchKeysThatDriftFromTheNameAreFoundByCheckAndRebuiltByInit() throws {
        let office = try Office()
        try office.intake(name: "Juan Cruz")
        try expectOK(office.cli.sqlite("DELETE FROM person_search_keys;"))
        let check = try office.cli.run("check")
        #expect(check.status == 1)
        #expect(check.stdout.contains("person search"))
        try expectOK(office.cli.run("init"))
        try expectOK(office.cli.run("check"))
        #expect(try office.cli.run("list", "--person", "cruz").stdout.contains("Juan Cruz"))
    }

    @Test func rangesAcceptMonthsAndDaysEverywhere() throws {
        let office = try Office()
        try expectOK(office.cli.run("import", try Self.iceFile(office, rows: 60), "--user", "sam"))
        let february = try office.cli.run("list", "--from", "2026-02", "--to", "2026-02", "--all", "--format", "csv")
        try expectOK(february)
        #expect(Self.lines(february.stdout).count == 1 + 28)
        let days = try office.cli.run("list", "--from", "2026-02-10", "--to", "2026-02-11", "--format", "csv")
        #expect(Self.lines(days.stdout).count == 1 + 2)
        let export = try office.cli.run("export", "--from", "2026-02", "--to", "2026-02", "--user", "audrey")
        try expectOK(export)
        #expect(Self.lines(export.stdout).count == 1 + 28)
        let report = try office.cli.run("report", "monthly", "--from", "2026-01-15", "--to", "2026-02-03", "--format", "csv", "--user", "audrey")
        try expectOK(report)
        #expect(report.stdout.contains("\n2026-01,31,"))
        #expect(report.stdout.contains("\n2026-02,28,"))
        let bad = try office.cli.run("list", "--from", "2026-13")
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("from: \"2026-13\" is not a day (YYYY-MM-DD) or a month (YYYY-MM)"))
    }

    @Test func enumerationsAreAcceptedInAnyCase() throws {
        let office = try Office()
        let id = try office.intake(["--agency", "doc"])
        try expectOK(office.cli.run("list", "--agency", "doc"))
        #expect(try office.cli.run("list", "--agency", "Doc", "--status", "PENDINGREVIEW").stdout.contains("\(id)"))
        #expect(try office.cli.run("queue", "--agency", "doc").stdout.contains("\(id)"))
        try expectOK(office.cli.run("report", "monthly", "--from", "2026-03", "--to", "2026-03", "--agency", "nypd", "--user", "audrey"))
        let unknown = try office.cli.run("list", "--agency", "fbi")
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("DOC"))
    }

    @Test func logDetailsAreAnObjectAndShowSpeaksTableOrJSON() throws {
        let office = try Office()
        let id = try office.intake()
        let log = try office.cli.run("log", "--entity", "detainer", "--id", "\(id)", "--format", "json")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [[String: Any]])
        #expect(entries.first?["details"] is [String: Any])
        #expect(entries.first?["entityID"] != nil)
        let csv = try office.cli.run("show", "\(id)", "--format", "csv")
        #expect(csv.status == 64)
        #expect(!(try office.cli.run("show", "--help").stdout.contains("csv")))
        let json = try office.cli.run("show", "\(id)", "--format", "json")
        try expectOK(json)
        #expect(!json.stdout.contains("\"warrant_type\""))
        #expect(json.stdout.contains("\"warrantType\""))
    }

    @Test func showPrintsTheWarrantWithoutAStrayCommaAndTheTimelineInOrder() throws {
        let office = try Office()
        let id = try office.intake(["--warrant", "judicial", "--warrant-issuer", "Hon. A. Judge (E.D.N.Y.)", "--tsdb-match", "yes"])
        try expectOK(office.cli.run("review", "\(id)", "--approve", "--confirm-no-search", "--user", "sam"))
        try expectOK(office.cli.run("status", "\(id)", "--to", "transferred", "--note", "ICE took custody", "--user", "clara"))
        let show = try office.cli.run("show", "\(id)")
        try expectOK(show)
        #expect(show.stdout.contains("Warrant: judicial (Hon. A. Judge (E.D.N.Y.))  TSDB"))
        let timeline = String(show.stdout[show.stdout.range(of: "TIMELINE")!.lowerBound...])
        let review = try #require(timeline.range(of: "review: approve"))
        let honored = try #require(timeline.range(of: "Pending review → Honored"))
        let transfer = try #require(timeline.range(of: "Honored → Transferred to ICE"))
        #expect(review.lowerBound < honored.lowerBound)
        #expect(honored.lowerBound < transfer.lowerBound)
    }

    @Test func aRefusedImportLeavesNoRejectsFile() throws {
        let office = try Office()
        let file = office.cli.directory.path("bad.csv")
        try Data("date,lift_reason,det_facility,city,state,detainer_type\nnot a date,,X,Y,Z,\n".utf8).write(to: URL(fileURLWithPath: file))
        let rejects = office.cli.directory.path("rejects.csv")
        // --skip-bad with every row bad is still an import; a duplicate is refused outright.
        try expectOK(office.cli.run("import", file, "--skip-bad", "--rejects", rejects, "--user", "sam"))
        #expect(FileManager.default.fileExists(atPath: rejects))
        try FileManager.default.removeItem(atPath: rejects)
        let again = try office.cli.run("import", file, "--skip-bad", "--rejects", rejects, "--user", "sam")
        #expect(again.status == 65)
        #expect(!FileManager.default.fileExists(atPath: rejects))
    }
}
