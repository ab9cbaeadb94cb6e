import Foundation
import Testing

/// Issue 11 §4, §5 and §8: the queue of everything needing action, late ends flagged, a person's
/// record, Probation intake, report scope and information-response outcomes.
@Suite struct DeadlineQueueTests {
    @Test func theQueueListsEveryDetainerNeedingActionWithWhatItNeeds() throws {
        let office = try Office(now: "2026-03-02T15:00:00Z")
        let pending = try office.intake(["--booking", "B1"], name: "Pending Person", nysid: "11111111A")
        let honored = try office.intake(["--warrant", "judicial", "--warrant-issuer", "Hon. J", "--tsdb-match", "yes", "--booking", "B2"],
                                        name: "Honored Person", nysid: "22222222B")
        try expectOK(office.cli.run("review", "\(honored)", "--approve", "--confirm-no-search", "--user", "sam"))
        let queue = try office.cli.run("queue", "--format", "csv")
        try expectOK(queue)
        let rows = queue.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let needs = try #require(rows.first?.firstIndex(of: "needs"))
        let byID = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[0], $0[needs]) })
        // A decline (no lawful hold: release on time), and no criminal-history search on record (issue 25 §1).
        #expect(byID["\(pending)"] == "review release-on-time; record search pending")
        #expect(byID["\(honored)"] == "transfer")
        let table = try office.cli.run("queue")
        #expect(table.stdout.contains("Honored Person") && !table.stdout.contains("empty"))

        // Past the deadline (release Thursday 2026-03-05 10:00 EST + 48 hours without the weekend, 8 CFR 287.7(d):
        // Monday 2026-03-09 10:00 EDT): OVERDUE once per row.
        let before = try office.cli.run(["queue", "--overdue", "--format", "json"], env: ["DETAINER_NOW": "2026-03-08T15:00:00Z"])
        #expect(!before.stdout.contains("transfer OVERDUE"), "a weekend does not count toward the 48 hours")
        // The pending decline has no lawful hold: past its release it is overdue at once (issue 25 §2).
        #expect(before.stdout.contains("\"PAST-RELEASE review OVERDUE release-on-time; record search pending\""), "\(before.stdout)")
        // The table wraps long cells (80 columns): count per row in the CSV, one row a line.
        let later = try office.cli.run(["queue", "--format", "csv"], env: ["DETAINER_NOW": "2026-03-10T15:00:00Z"])
        for line in later.stdout.split(separator: "\n") where line.contains("Person") {
            #expect(line.components(separatedBy: "OVERDUE").count == 2, "\(line)")
        }
        let overdue = try office.cli.run(["queue", "--overdue", "--format", "json"], env: ["DETAINER_NOW": "2026-03-10T15:00:00Z"])
        #expect(overdue.stdout.contains("\"transfer OVERDUE\""))
    }

    @Test func aTransferAfterTheDeadlineIsFlaggedInShowExportAndReports() throws {
        let office = try Office(now: "2026-03-02T15:00:00Z")
        let id = try office.intake(["--warrant", "judicial", "--warrant-issuer", "Hon. J", "--tsdb-match", "yes"])
        try expectOK(office.cli.run("review", "\(id)", "--approve", "--confirm-no-search", "--user", "sam"))
        // Deadline Monday 2026-03-09T14:00Z (48 hours from Thursday 10:00 EST, the weekend excluded); ICE took custody 9 h 36 min later.
        try expectOK(office.cli.run(["status", "\(id)", "--to", "transferred", "--at", "2026-03-09T23:36:00Z", "--user", "clara"],
                                    env: ["DETAINER_NOW": "2026-03-10T01:00:00Z"]))
        let show = try office.cli.run("show", "\(id)")
        #expect(show.stdout.contains("LATE: transferred 9h 36m after the hold deadline"), "\(show.stdout)")
        #expect(show.stdout.contains("(AFTER the hold deadline)"))
        let export = try office.cli.run("export", "--user", "audrey")
        let lines = export.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let late = try #require(lines[0].firstIndex(of: "ended_after_deadline"))
        #expect(lines[0].last == "training")   // issue 23 §4: the marker is the last column
        #expect(lines[1][late] == "true")      // issue 25 §3: flags as true/false
        let monthly = try office.cli.run("report", "monthly", "--from", "2026-03", "--to", "2026-03", "--user", "audrey")
        #expect(monthly.stdout.contains("LATE: 1 hold(s) in this range ended"))
        let annual = try office.cli.run("report", "annual", "--agency", "DOC", "--year", "2026", "--format", "json", "--user", "audrey")
        let json = try JSONSerialization.jsonObject(with: Data(annual.stdout.utf8)) as? [String: Any]
        #expect(json?["endedAfterDeadline"] as? Int == 1)
        // Export → import → export still round-trips with the derived column.
        let file = office.cli.directory.path("export.csv")
        try expectOK(office.cli.run("export", "--output", file, "--user", "audrey"))
        let fresh = CLIRunner()
        try expectOK(fresh.run("init", "--training", "--admin", "admin"))
        try expectOK(fresh.run("import", file, "--user", "admin"))
        #expect(try fresh.run("export", "--user", "admin").stdout == export.stdout)
    }

    @Test func intakeWarnsWhenTheScheduledReleaseIsAlreadyPast() throws {
        let office = try Office(now: "2026-03-02T15:00:00Z")
        let result = try office.cli.run("intake", "--user", "clara", "--name", "Late Release", "--agency", "DOC", "--arrest-date", "2026-02-20",
                                        "--release-at", "2026-03-01 10:00")
        try expectOK(result)
        #expect(result.stderr.contains("warning: custody.scheduledReleaseAt: the scheduled release 2026-03-01 10:00 EST is already past"))
    }

    @Test func probationDetainersAreLoggedAndEvaluatedUnderSection9_205() throws {
        let office = try Office(now: "2026-03-02T15:00:00Z")
        let result = try office.cli.run("intake", "--user", "clara", "--name", "Probation Person", "--agency", "DOP", "--booking", "P-2026-1",
                                        "--arrest-date", "2026-01-10", "--warrant", "judicial", "--warrant-issuer", "Hon. M",
                                        "--tsdb-match", "yes", "--format", "json")
        try expectOK(result)
        let show = try office.cli.run("show", "1")
        #expect(show.stdout.contains("DOP") && show.stdout.contains("§9-205"))
        #expect(try office.cli.run("queue", "--agency", "DOP").stdout.contains("Probation Person"))
        let help = try office.cli.run("--help")
        #expect(help.stdout.contains("9-205"))
        try expectOK(office.cli.run("review", "1", "--approve", "--confirm-no-search", "--user", "sam"))
        let annual = try office.cli.run("report", "annual", "--agency", "DOP", "--year", "2026", "--format", "json", "--user", "audrey")
        let json = try JSONSerialization.jsonObject(with: Data(annual.stdout.utf8)) as? [String: Any]
        let f1 = ((json?["items"] as? [[String: Any]]) ?? []).first { $0["id"] as? String == "f1" }
        #expect(f1?["total"] as? Int == 1)
        #expect(f1?["citation"] as? String == "Admin. Code §9-205(f)(1)")
    }

    @Test func personShowListsDetainersConvictionsAndCharges() throws {
        let office = try Office()
        try office.intake(["--booking", "B1"], nysid: "12345678K")
        try office.intake(["--booking", "B2", "--agency", "NYPD"], nysid: "12345678K")
        try expectOK(office.cli.run("conviction", "add", "12345678K", "--statute", "PL 120.05", "--convicted-on", "2022-03-02",
                                    "--felony-class", "D", "--user", "clara"))
        try expectOK(office.cli.run("charge", "add", "12345678K", "--statute", "PL 155.25", "--user", "clara"))
        let table = try office.cli.run("person", "show", "1")
        try expectOK(table)
        #expect(table.stdout.contains("PERSON 1: José Nuñez"))
        #expect(table.stdout.contains("DETAINERS (2)") && table.stdout.contains("CONVICTIONS (1)") && table.stdout.contains("PL 120.05"))
        #expect(table.stdout.contains("PENDING CHARGES (1"))
        let json = try JSONSerialization.jsonObject(with: Data(try office.cli.run("person", "show", "1", "--format", "json").stdout.utf8)) as? [String: Any]
        #expect((json?["detainers"] as? [Any])?.count == 2)
        #expect((json?["convictions"] as? [Any])?.count == 1)
        #expect((json?["pendingCharges"] as? [Any])?.count == 1)
        #expect(try office.cli.run("person", "show", "99").status == 66 || office.cli.run("person", "show", "99").status == 65)
    }

    @Test func reportsCountCityDetainersUnlessAskedAndOnlyProvidedResponses() throws {
        let office = try Office(now: "2026-03-02T15:00:00Z")
        let csv = """
            date,lift_reason,det_facility,city,state,detainer_type
            2026-01-05 00:00:00,Booked into Detention,"RIKERS ISLAND, QUEENS, NY",QUEENS,NEW YORK,
            2026-01-06 00:00:00,Booked into Detention,"MONTGOMERY CNTY JAIL, PA",NORRISTOWN,PENNSYLVANIA,
            2026-01-07 00:00:00,,"MONTGOMERY CNTY JAIL, PA",NORRISTOWN,PENNSYLVANIA,

            """
        let file = office.cli.directory.path("ice.csv")
        try Data(csv.utf8).write(to: URL(fileURLWithPath: file))
        try expectOK(office.cli.run("import", file, "--user", "sam"))
        func received(_ extra: [String]) throws -> String {
            let report = try office.cli.run(["report", "monthly", "--from", "2026-01", "--to", "2026-01", "--format", "json", "--user", "audrey"] + extra)
            let json = try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any]
            return "\(((json?["total"] as? [String: Any])?["received"] as? Int) ?? -1)"
        }
        #expect(try received([]) == "1")
        #expect(try received(["--include-external"]) == "3")
        let table = try office.cli.run("report", "monthly", "--from", "2026-01", "--to", "2026-01", "--user", "audrey")
        #expect(table.stdout.contains("Scope: detainers lodged with a city agency"))
        // The annual report never counts ICE's records as the city's: the Rikers row is shown apart.
        let annualReport = try office.cli.run(["report", "annual", "--agency", "DOC", "--year", "2026", "--format", "json", "--user", "audrey"])
        let annualJSON = try JSONSerialization.jsonObject(with: Data(annualReport.stdout.utf8)) as? [String: Any]
        let f1 = ((annualJSON?["items"] as? [[String: Any]]) ?? []).first { $0["id"] as? String == "f1" }
        #expect(f1?["total"] as? Int == 0)
        #expect((annualJSON?["iceRecords"] as? [String: Any])?["lodged"] as? Int == 1)

        // Information responses: only provided ones honor a request.
        let id = try office.intake()
        try expectOK(office.cli.run("contact", "\(id)", "--direction", "in", "--kind", "informationRequest", "--info-type", "releaseDate",
                                    "--summary", "ICE asks", "--user", "clara"))
        try expectOK(office.cli.run("contact", "\(id)", "--direction", "in", "--kind", "informationRequest", "--info-type", "releaseDate",
                                    "--summary", "ICE asks again", "--user", "clara"))
        let missing = try office.cli.run("contact", "\(id)", "--direction", "out", "--kind", "informationResponse", "--info-type", "releaseDate",
                                         "--in-reply-to", "4", "--summary", "x", "--user", "clara")
        #expect(missing.status == 65 && missing.stderr.contains("outcome"))
        let requestIDs = try office.cli.sqlite("SELECT id FROM ice_communications WHERE kind = 'informationRequest' ORDER BY id;").stdout
            .split(separator: "\n").map(String.init)
        try expectOK(office.cli.run("contact", "\(id)", "--direction", "out", "--kind", "informationResponse", "--info-type", "releaseDate",
                                    "--in-reply-to", requestIDs[0], "--outcome", "declined", "--summary", "no conviction", "--user", "clara"))
        try expectOK(office.cli.run("contact", "\(id)", "--direction", "out", "--kind", "informationResponse", "--info-type", "releaseDate",
                                    "--in-reply-to", requestIDs[1], "--outcome", "provided", "--summary", "date given (court order)", "--confirm-despite-9-131h", "--user", "clara"))
        let report = try office.cli.run("report", "annual", "--agency", "DOC", "--year", "2026", "--format", "json", "--user", "audrey")
        let json = try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any]
        let f9 = ((json?["items"] as? [[String: Any]]) ?? []).first { $0["id"] as? String == "f9" }
        #expect(f9?["total"] as? Int == 2)
        let noVSC = (f9?["breakdown"] as? [String: Any])?["noVSC"] as? [String: Any]
        #expect(noVSC?["requests"] as? Int == 2)
        #expect(noVSC?["responses"] as? Int == 1)
        try expectOK(office.cli.run("check"))
    }
}
