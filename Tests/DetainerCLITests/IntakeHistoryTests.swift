import Foundation
import Testing

/// Issue 25 §1: an intake carries the criminal-history search, so the first evaluation reads it.
@Suite struct IntakeHistoryTests {
    static let withJudicialWarrant = ["--warrant", "judicial", "--warrant-issuer", "Hon. A. Judge (E.D.N.Y.)", "--warrant-date", "2026-02-25",
                                      "--received-at", "2026-03-01T15:00:00Z"]

    @Test func intakeJSONRecordsConvictionsAndChargesBeforeTheFirstEvaluation() throws {
        let office = try Office()
        let file = office.cli.directory.path("intake.json")
        let json = """
            {"person": {"name": "Ana Pérez", "dateOfBirth": "1985-02-03"},
             "custody": {"agency": "DOC", "arrestDate": "2026-02-20", "scheduledReleaseAt": "2026-03-05T15:00:00Z"},
             "detainer": {"receivedAt": "2026-03-01T15:00:00Z", "warrant": {"type": "judicial", "issuer": "Hon. A. Judge (E.D.N.Y.)", "date": "2026-02-25"}},
             "convictions": [{"statute": "PL 160.15", "felonyClass": "B", "convictedOn": "2022-03-02", "sentencedOn": "2022-04-13"}],
             "pendingCharges": [{"statute": "PL 155.25", "chargedOn": "2026-02-20"}]}
            """
        try Data(json.utf8).write(to: URL(fileURLWithPath: file))
        let result = try office.cli.run("intake", "--json", file, "--pending-charge", "PL 221.05", "--user", "clara")
        try expectOK(result)
        #expect(result.stdout.contains("Criminal history recorded with it: 1 conviction(s) (1), 2 pending charge(s) (1, 2)."))
        // The first evaluation already counts the judgment: no decline for "no convictions recorded".
        #expect(try office.cli.sqlite("SELECT outcome, trigger FROM evaluations WHERE sequence = 1;").stdout == "permitted|intake\n")
        #expect(try office.cli.sqlite("SELECT count(*) FROM evaluations;").stdout == "1\n")
        // The defaults of `conviction add`: facts not given are no, days 0, New York.
        #expect(try office.cli.sqlite("SELECT youthful_offender, sealed, vacated, awaiting_sentence, incarcerated_days, jurisdiction FROM convictions;").stdout
                == "0|0|0|0|0|NY\n")
        #expect(try office.cli.sqlite("SELECT group_concat(statute_raw, ',') FROM pending_charges WHERE custody_case_id = 1;").stdout == "PL 155.25,PL 221.05\n")
        // One transaction, one audit entry naming what it recorded.
        #expect(try office.cli.sqlite("SELECT action, payload ->> '$.details.convictions', payload ->> '$.details.pendingCharges' FROM audit_log WHERE action LIKE 'detainer.%' OR action LIKE 'conviction.%';").stdout
                == "detainer.intake|[1]|[1,2]\n")
    }

    @Test func aBadConvictionInTheIntakeIsNamedAndNothingIsWritten() throws {
        let office = try Office()
        let before = try office.snapshot()
        let file = office.cli.directory.path("intake.json")
        try Data("""
            {"person": {"name": "Ana Pérez"}, "custody": {"agency": "DOC", "arrestDate": "2026-02-20"},
             "convictions": [{"statute": "PL 160.15", "convictedOn": "2022-03-02"}, {"convictedOn": "2022-02-30", "vacated": "maybe"}],
             "pendingCharges": [{"chargedOn": "2026-02-20"}]}
            """.utf8).write(to: URL(fileURLWithPath: file))
        let bad = try office.cli.run("intake", "--json", file, "--user", "clara")
        #expect(bad.status == 65)
        for path in ["convictions[1].statute", "convictions[1].convictedOn", "convictions[1].vacated", "pendingCharges[0].statute"] {
            #expect(bad.stderr.contains(path), "\(path): \(bad.stderr)")
        }
        #expect(try office.snapshot() == before)
    }

    /// With no search on record the queue says so and `review` wants `--confirm-no-search`.
    @Test func theQueueSaysRecordSearchPendingAndReviewAsksForConfirmation() throws {
        let office = try Office()
        let id = try office.intake()
        let queue = try office.cli.run("queue")
        try expectOK(queue)
        #expect(queue.stdout.contains("record search pending"))
        #expect(queue.stdout.contains("1 with the record search pending"))
        let before = try office.snapshot()
        let refused = try office.cli.run("review", "\(id)", "--approve", "--user", "sam")
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("no criminal-history search is on record"), "\(refused.stderr)")
        #expect(try office.snapshot() == before)
        // The search recorded (a pending charge), the review needs no confirmation.
        try expectOK(office.cli.run("charge", "add", "1", "--statute", "PL 155.25", "--user", "clara"))
        #expect(!(try office.cli.run("queue").stdout.contains("record search pending")))
        try expectOK(office.cli.run("review", "\(id)", "--approve", "--user", "sam"))
    }
}
