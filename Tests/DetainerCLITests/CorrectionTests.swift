import Foundation
import Testing

/// Issue 11 §3: corrections with a reason and a visible history.
@Suite struct CorrectionTests {
    @Test func aCorrectedNameIsKeptWithItsHistoryInShow() throws {
        let office = try Office()
        let id = try office.intake(nysid: "12345678K")
        let update = try office.cli.run("update", "\(id)", "--name", "José Núñez Pérez", "--reason", "name as on the court papers", "--user", "clara")
        try expectOK(update)
        #expect(update.stdout.contains("name: José Nuñez → José Núñez Pérez"))
        #expect(update.stdout.contains("re-evaluated"))
        let show = try office.cli.run("show", "\(id)")
        try expectOK(show)
        #expect(show.stdout.contains("WHAT CHANGED (1)"))
        #expect(show.stdout.contains("José Nuñez → José Núñez Pérez"))
        #expect(show.stdout.contains("name as on the court papers"))
        #expect(show.stdout.contains("correction: name José Nuñez → José Núñez Pérez — name as on the court papers  [clara]"))
        let json = try JSONSerialization.jsonObject(with: Data(try office.cli.run("show", "\(id)", "--format", "json").stdout.utf8)) as? [String: Any]
        let corrections = try #require(json?["corrections"] as? [[String: Any]])
        #expect(corrections.count == 1)
        #expect(corrections.first?["field"] as? String == "name")
        #expect(corrections.first?["oldValue"] as? String == "José Nuñez")
        #expect(corrections.first?["newValue"] as? String == "José Núñez Pérez")
        #expect(corrections.first?["actor"] as? String == "clara")
        #expect(corrections.first?["reason"] as? String == "name as on the court papers")
        #expect(try office.cli.sqlite("SELECT name FROM persons;").stdout == "José Núñez Pérez\n")
        try expectOK(office.cli.run("check"))
    }

    @Test func everyIntakeFieldCanBeCorrectedInOneUpdate() throws {
        let office = try Office()
        let id = try office.intake(nysid: "12345678K")
        let update = try office.cli.run([
            "update", "\(id)", "--dob", "1985-03-02", "--nysid", "87654321B", "--a-number", "A12345678", "--booking", "3411700999",
            "--facility", "Rikers Island", "--received-at", "2026-03-01 09:00", "--warrant", "judicial", "--warrant-issuer", "Hon. B. Judge",
            "--warrant-date", "2026-02-27", "--release-at", "2026-03-06 10:00", "--agency", "NYPD", "--arrest-date", "2026-02-21",
            "--reason", "intake keyed from the wrong sheet", "--user", "clara", "--format", "json"])
        try expectOK(update)
        let json = try JSONSerialization.jsonObject(with: Data(update.stdout.utf8)) as? [String: Any]
        let fields = Set(((json?["changes"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String })
        #expect(fields == ["dateOfBirth", "nysid", "aNumber", "booking", "facility", "receivedAt", "warrantType", "warrantIssuer",
                           "warrantDate", "scheduledReleaseAt", "agency", "arrestDate"])
        let row = try office.cli.sqlite("""
            SELECT p.date_of_birth, p.nysid, p.a_number, d.a_number, c.booking_number, c.facility, d.facility, d.received_at, d.received_on,
                   d.warrant_type, d.warrant_issuer, d.warrant_date, c.scheduled_release_at, c.agency, d.agency, c.arrest_date
            FROM detainers d JOIN persons p ON p.id = d.person_id JOIN custody_cases c ON c.id = d.custody_case_id;
            """).stdout
        #expect(row == "1985-03-02|87654321B|A012345678|A012345678|3411700999|Rikers Island|Rikers Island|2026-03-01T14:00:00Z|2026-03-01|judicial|Hon. B. Judge|2026-02-27|2026-03-06T15:00:00Z|NYPD|NYPD|2026-02-21\n")
        #expect(try office.cli.sqlite("SELECT count(*), count(DISTINCT reason) FROM corrections;").stdout == "12|1\n")
        #expect(try office.cli.sqlite("SELECT json_extract(input_json, '$.agency') FROM evaluations ORDER BY id DESC LIMIT 1;").stdout == "NYPD\n")
        try expectOK(office.cli.run("check"))
    }

    @Test func aCorrectionNeedsAReasonAndARealChange() throws {
        let office = try Office()
        let id = try office.intake()
        let before = try office.snapshot()
        let noReason = try office.cli.run("update", "\(id)", "--name", "Someone Else", "--user", "clara")
        #expect(noReason.status == 65 && noReason.stderr.contains("reason"))
        let same = try office.cli.run("update", "\(id)", "--name", "José Nuñez", "--agency", "DOC", "--reason", "re-keyed", "--user", "clara")
        #expect(same.status == 65 && same.stderr.contains("nothing changes"), "\(same.stderr)")
        let nothing = try office.cli.run("update", "\(id)", "--reason", "re-keyed", "--user", "clara")
        #expect(nothing.status == 65)
        let badRule = try office.cli.run("update", "\(id)", "--warrant", "judicial", "--reason", "r", "--user", "clara")
        #expect(badRule.status == 65 && badRule.stderr.contains("issuer"))
        #expect(try office.snapshot() == before)
        #expect(try office.cli.sqlite("SELECT count(*) FROM corrections;").stdout == "0\n")
    }

    @Test func factUpdatesAndTheirNotesAppearInTheTimeline() throws {
        let office = try Office()
        let id = try office.intake()
        try expectOK(office.cli.run("update", "\(id)", "--release-at", "2026-03-04 10:00", "--note", "from court", "--user", "clara"))
        let show = try office.cli.run("show", "\(id)")
        #expect(show.stdout.contains("correction: scheduledReleaseAt 2026-03-05 10:00 EST → 2026-03-04 10:00 EST — from court  [clara]"), "\(show.stdout)")
        #expect(show.stdout.contains("evaluation #2 (detainer)"))
    }

    @Test func aClosedDetainerKeepsTheFactsItsDecisionRestedOnButItsNameCanBeFixed() throws {
        let office = try Office()
        let id = try office.intake()
        try expectOK(office.cli.run("status", "\(id)", "--to", "lifted", "--user", "clara"))
        let release = try office.cli.run("update", "\(id)", "--release-at", "2026-03-04 10:00", "--reason", "r", "--user", "clara")
        #expect(release.status == 65 && release.stderr.contains("lifted"))
        let name = try office.cli.run("update", "\(id)", "--name", "Jose Nunez", "--reason", "spelling on the ICE form", "--user", "clara")
        try expectOK(name)
        #expect(name.stdout.contains("not re-evaluated"))
        #expect(try office.cli.sqlite("SELECT count(*) FROM evaluations;").stdout == "1\n")
    }

    @Test func aNoOpConvictionUpdateIsRefused() throws {
        let office = try Office()
        try office.intake(nysid: "12345678K")
        try expectOK(office.cli.run("conviction", "add", "12345678K", "--statute", "PL 120.05", "--convicted-on", "2022-03-02",
                                    "--felony-class", "D", "--user", "clara"))
        let before = try office.snapshot()
        let none = try office.cli.run("conviction", "update", "1", "--user", "clara")
        #expect(none.status == 65 && none.stderr.contains("nothing changes"), "\(none.stderr)")
        let same = try office.cli.run("conviction", "update", "1", "--felony-class", "D", "--user", "clara")
        #expect(same.status == 65)
        #expect(try office.snapshot() == before)
        try expectOK(office.cli.run("conviction", "update", "1", "--felony-class", "C", "--user", "clara"))
    }

    @Test func aReleaseIsRecordedWhenItHappenedEvenBeforeTheReviewWasEntered() throws {
        let office = try Office(now: "2026-03-02T15:00:00Z")
        let id = try office.intake()
        var cli = office.cli
        cli.environment["DETAINER_NOW"] = "2026-03-03T15:00:00Z"
        try expectOK(cli.run("review", "\(id)", "--approve", "--confirm-no-search", "--user", "sam"))
        // A second detainer, honored on 2026-03-03 although its person had left on 2026-03-02.
        let second = try office.intake(["--warrant", "judicial", "--warrant-issuer", "Hon. J", "--tsdb-match", "yes", "--booking", "B2"],
                                       name: "Ana Ruiz", nysid: "11111111A")
        try expectOK(cli.run("review", "\(second)", "--approve", "--confirm-no-search", "--user", "sam"))
        cli.environment["DETAINER_NOW"] = "2026-03-04T15:00:00Z"
        let future = try cli.run("status", "\(second)", "--to", "released", "--at", "2026-03-05 09:00", "--user", "clara")
        #expect(future.status == 65 && future.stderr.contains("2026-03-05 09:00 EST") && !future.stderr.contains("T14:00:00Z"))
        let early = try cli.run("status", "\(second)", "--to", "released", "--at", "2026-03-02 12:00", "--note", "released by the court", "--user", "clara")
        try expectOK(early)
        #expect(try office.status(of: second) == "released")
        #expect(try cli.sqlite("SELECT occurred_at, recorded_at FROM status_events WHERE detainer_id = \(second) AND to_status = 'released';").stdout
                == "2026-03-02T17:00:00Z|2026-03-04T15:00:00Z\n")
        let show = try cli.run("show", "\(second)")
        let lines = show.stdout.split(separator: "\n").map(String.init)
        let releaseLine = try #require(lines.firstIndex { $0.contains("→ Released") })
        let reviewLine = try #require(lines.firstIndex { $0.contains("review: approve → HONOR") })
        #expect(releaseLine < reviewLine, "the release happened first and is shown first")
        #expect(lines[releaseLine].contains("recorded later: 2026-03-04 10:00 EST"))
        // Before the detainer was received is still refused, in New York time.
        let tooEarly = try cli.run("status", "\(id)", "--to", "enteredInError", "--at", "2026-03-01 09:00", "--note", "dup", "--user", "clara")
        #expect(tooEarly.status == 65 && tooEarly.stderr.contains("EST"))
        try expectOK(cli.run("check"))
    }
}
