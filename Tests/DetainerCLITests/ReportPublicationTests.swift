import Foundation
import Testing

/// Issue 22: `report publish` freezes a run, a second person approves it, a later run that differs
/// is a revision of it, and a training database cannot publish.
@Suite struct ReportPublicationTests {
    @Test func aPublicationNeedsASecondPersonAndALaterDifferenceIsARevision() throws {
        let prod = try Production()
        let me = NSUserName()
        for (name, role) in [("clara", "clerk"), ("sam", "supervisor"), ("audrey", "auditor")] {
            try expectOK(prod.cli.run("user", "add", name, "--role", role, "--os-login", me, "--user", "maria"))
        }
        // The report year that holds the day before yesterday (the arrest date below; clear of any time zone).
        let arrest = String(Date().addingTimeInterval(-2 * 86_400).description.prefix(10))
        let (year, month) = (Int(arrest.prefix(4))!, Int(arrest.dropFirst(5).prefix(2))!)
        let reportYear = String(month > 6 ? year + 1 : year)
        let prepared = try prod.cli.run("report", "publish", "--agency", "DOC", "--year", reportYear, "--user", "audrey", "--format", "json")
        try expectOK(prepared)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(prepared.stdout.utf8)) as? [String: Any])
        let id = try #require((json["publicationID"] as? NSNumber)?.stringValue)
        #expect(json["approvedBy"] is NSNull)
        #expect((json["auditHead"] as? String)?.count == 64)
        let selfApproval = try prod.cli.run("report", "publish", "--approve", id, "--user", "audrey")
        #expect(selfApproval.status == 77, "\(selfApproval.stderr)")
        try expectOK(prod.cli.run("report", "publish", "--approve", id, "--user", "sam"))
        #expect(try prod.cli.run("report", "publish", "--approve", id, "--user", "maria").status == 65, "approved once only")

        func revision() throws -> Any? {
            let run = try prod.cli.run("report", "annual", "--agency", "DOC", "--year", reportYear, "--format", "json", "--user", "audrey")
            try expectOK(run)
            return (try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])?["revisionOf"]
        }
        #expect(try revision() is NSNull, "the same numbers are not a revision")
        try expectOK(prod.cli.run("intake", "--user", "clara", "--name", "Later Person", "--agency", "DOC", "--arrest-date", arrest))
        #expect((try revision() as? NSNumber)?.stringValue == id)
        let history = try prod.cli.run("report", "published", "--format", "csv")
        try expectOK(history)
        #expect(history.stdout.contains(",audrey,sam,"))
        // The approval is part of the record `check` verifies.
        try expectOK(prod.cli.run("check"))
        // The table cannot be rewritten behind the tool's back.
        let tamper = try prod.cli.sqlite("UPDATE report_publications SET report_json = '{}' WHERE id = \(id);")
        #expect(tamper.stderr.contains("only gains its approval"))
    }

    @Test func aTrainingDatabaseCannotPublish() throws {
        let office = try Office()
        let result = try office.cli.run("report", "publish", "--agency", "DOC", "--year", "2026", "--user", "audrey")
        #expect(result.status == 77 && result.stderr.contains("training"), "\(result.stderr)")
    }
}
