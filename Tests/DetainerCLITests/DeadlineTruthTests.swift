import Foundation
import Testing

/// Issue 25 §2: deadlines that mean what they say, in the terminal. The office's default case is
/// a DOC detainer released Thursday 2026-03-05 10:00 EST (15:00Z); a permitted hold from it runs
/// to Monday 2026-03-09 10:00 EDT (14:00Z), the weekend excluded.
@Suite struct DeadlineTruthTests {
    static let permitted = ["--warrant", "judicial", "--warrant-issuer", "Hon. J", "--tsdb-match", "yes"]

    @Test func aDeclineHasNoHoldDeadlineItIsReleasedOnTime() throws {
        let office = try Office(now: "2026-03-02T15:00:00Z")
        let intake = try office.cli.run("intake", "--user", "clara", "--name", "No Warrant", "--dob", "1985-02-03", "--agency", "DOC",
                                        "--arrest-date", "2026-02-20", "--release-at", "2026-03-05T15:00:00Z")
        try expectOK(intake)
        #expect(intake.stdout.contains("Outcome: decline"), "\(intake.stdout)")
        #expect(intake.stdout.contains("Release on time: 2026-03-05 10:00 EST"), "\(intake.stdout)")
        #expect(!intake.stdout.contains("Hold deadline"), "a decline prints no hold deadline: \(intake.stdout)")
        let show = try office.cli.run("show", "1")
        #expect(show.stdout.contains("Release on time: 2026-03-05 10:00 EST (in 3d 0h)"), "\(show.stdout)")
        #expect(!show.stdout.contains("Hold deadline"))
        // Declined on review, the record still says when the person is to be released.
        try expectOK(office.cli.run("review", "1", "--approve", "--confirm-no-search", "--user", "sam"))
        #expect(try office.cli.run("show", "1").stdout.contains("Release on time: 2026-03-05 10:00 EST"))
    }

    @Test func aPendingReviewPastTheReleaseLeadsTheQueue() throws {
        let office = try Office(now: "2026-03-02T15:00:00Z")
        let honored = try office.intake(Self.permitted + ["--booking", "B1"], name: "Honored Person", nysid: "22222222B")
        try expectOK(office.cli.run("review", "\(honored)", "--approve", "--confirm-no-search", "--user", "sam"))
        // Permitted and not yet reviewed, released five hours after the honored one (so a later
        // hold deadline): once its release passes without a decision it leads the queue.
        let pending = try office.intake(Self.permitted + ["--booking", "B2", "--release-at", "2026-03-05T20:00:00Z"], name: "Pending Person", nysid: "11111111A")
        // A decline released Friday: no lawful hold, its countdown runs to that release.
        let decline = try office.intake(["--booking", "B3", "--release-at", "2026-03-06T15:00:00Z"], name: "Declined Person", nysid: "33333333C")
        let before = CSVLines.parse(try office.cli.run(["queue", "--format", "csv"], env: ["DETAINER_NOW": "2026-03-05T19:00:00Z"]).stdout)
        #expect(before.dropFirst().map { $0[0] } == ["\(decline)", "\(honored)", "\(pending)"], "before the release: deadline order")
        let rows = CSVLines.parse(try office.cli.run(["queue", "--format", "csv"], env: ["DETAINER_NOW": "2026-03-05T20:01:00Z"]).stdout)
        let needs = try #require(rows.first?.firstIndex(of: "needs")), deadline = try #require(rows.first?.firstIndex(of: "hold_deadline"))
        #expect(rows.dropFirst().map { $0[0] } == ["\(pending)", "\(decline)", "\(honored)"], "a decision late past the release is the most urgent row")
        #expect(rows[1][needs] == "PAST-RELEASE review; record search pending")
        #expect(rows[1][deadline] == "2026-03-09T19:00:00Z")
        #expect(rows[2][needs] == "review release-on-time; record search pending")
        #expect(rows[2][deadline] == "2026-03-06T15:00:00Z", "a decline's countdown runs to the release, not 48 hours later")
        #expect(rows[3][needs] == "transfer")
        let table = try office.cli.run(["queue"], env: ["DETAINER_NOW": "2026-03-05T20:01:00Z"])
        #expect(table.stdout.contains("PAST-RELEASE"), "\(table.stdout)")
    }

    @Test func aLateTransferSaysTransferred() throws {
        let office = try Office(now: "2026-03-02T15:00:00Z")
        let id = try office.intake(Self.permitted)
        try expectOK(office.cli.run("review", "\(id)", "--approve", "--confirm-no-search", "--user", "sam"))
        let status = try office.cli.run(["status", "\(id)", "--to", "transferred", "--at", "2026-03-09T23:36:00Z", "--user", "clara"],
                                        env: ["DETAINER_NOW": "2026-03-10T01:00:00Z"])
        try expectOK(status)
        #expect(status.stdout.contains("Transferred AFTER the hold deadline (2026-03-09 10:00 EDT)"), "\(status.stdout)")
        #expect(!status.stdout.contains("without a transfer"))
    }

    @Test func honoringAfterTheHoldDeadlineAsksForConfirmation() throws {
        let office = try Office(now: "2026-03-02T15:00:00Z")
        let id = try office.intake(Self.permitted)
        let late = ["DETAINER_NOW": "2026-03-09T15:00:00Z"]
        let before = try office.snapshot()
        let refused = try office.cli.run(["review", "\(id)", "--approve", "--confirm-no-search", "--user", "sam"], env: late)
        #expect(refused.status == 65, "\(refused.stderr)")
        #expect(refused.stderr.contains("needs confirmation: the hold deadline (2026-03-09 10:00 EDT) has already passed"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--confirm-after-deadline"))
        #expect(try office.snapshot() == before, "a refused honor writes nothing")
        // Before the deadline no confirmation is asked; after it, the flag confirms and the audit says so.
        try expectOK(office.cli.run(["review", "\(id)", "--approve", "--confirm-no-search", "--confirm-after-deadline", "--user", "sam"], env: late))
        #expect(try office.status(of: id) == "honored")
        let audit = try office.cli.sqlite("SELECT payload ->> '$.details.confirmedAfterHoldDeadline' FROM audit_log WHERE action = 'detainer.review';")
        #expect(audit.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
        let onTime = try office.intake(Self.permitted + ["--booking", "B9"], name: "On Time", nysid: "33333333C")
        try expectOK(office.cli.run("review", "\(onTime)", "--approve", "--confirm-no-search", "--user", "sam"))
    }

    /// The second supervisor's approval of a proposal to honor is the honor: after the hold
    /// deadline it asks for the same confirmation and says why, and writes nothing without it.
    @Test func approvingAnHonorProposalAfterTheHoldDeadlineAsksForConfirmation() throws {
        let office = try Office(now: "2026-03-02T15:00:00Z")
        try expectOK(office.cli.run("user", "add", "tess", "--role", "supervisor", "--user", "admin"))
        let id = try office.intake(["--warrant", "judicial", "--warrant-issuer", "Hon. J", "--tsdb-match", "unknown"])
        try expectOK(office.cli.run("review", "\(id)", "--decide", "honor", "--reason", "ICE reports a TSDB match", "--confirm-no-search", "--user", "sam"))
        let late = ["DETAINER_NOW": "2026-03-09T15:00:00Z"]
        let before = try office.snapshot()
        let refused = try office.cli.run(["proposal", "approve", "1", "--user", "tess"], env: late)
        #expect(refused.status == 65, "\(refused)")
        #expect(refused.stderr.contains("Approving proposal 1 to honor detainer \(id) needs confirmation: the hold deadline (2026-03-09 10:00 EDT) has already passed"),
                "\(refused.stderr)")
        #expect(refused.stderr.contains("--confirm-after-deadline"))
        #expect(try office.snapshot() == before, "a refused approval writes nothing")
        #expect(try office.status(of: id) == "pendingReview")

        try expectOK(office.cli.run(["proposal", "approve", "1", "--confirm-after-deadline", "--user", "tess"], env: late))
        #expect(try office.status(of: id) == "honored")
        let audit = try office.cli.sqlite("SELECT payload ->> '$.details.confirmedAfterHoldDeadline' FROM audit_log WHERE action = 'proposal.approve';")
        #expect(audit.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
        try expectOK(office.cli.run(["check"], env: late))
    }

    @Test func theDigestListsWhatIsDueForCron() throws {
        let office = try Office(now: "2026-03-02T15:00:00Z")
        let empty = try office.cli.run("digest", "--only-if-due")
        try expectOK(empty)
        #expect(empty.stdout.isEmpty, "nothing due: nothing for cron to mail")
        let decline = try office.intake(["--booking", "B1"], name: "Due Soon", nysid: "11111111A")
        let honored = try office.intake(Self.permitted + ["--booking", "B2"], name: "Later On", nysid: "22222222B")
        try expectOK(office.cli.run("review", "\(honored)", "--approve", "--confirm-no-search", "--user", "sam"))

        let today = try office.cli.run("digest")
        try expectOK(today)
        #expect(today.stdout.contains("Deadline digest at 2026-03-02 10:00 EST"), "\(today.stdout)")
        #expect(today.stdout.contains("TODAY'S INTAKES (2026-03-02, 2)"))
        #expect(today.stdout.contains("DUE IN THE NEXT 24 HOURS (0)"))

        // Wednesday 11:00 EST: the decline's release (Thursday 10:00 EST) is 23 hours away; the
        // honored hold's deadline (Monday) is not due.
        let soon = try office.cli.run(["digest", "--format", "json"], env: ["DETAINER_NOW": "2026-03-04T16:00:00Z"])
        try expectOK(soon)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(soon.stdout.utf8)) as? [String: Any])
        let dueSoon = try #require(json["dueSoon"] as? [[String: Any]])
        #expect(dueSoon.map { $0["detainerID"] as? Int } == [Int(decline)])
        #expect(dueSoon.first?["countdown"] as? String == "releaseOnTime")
        #expect(dueSoon.first?["due"] as? String == "2026-03-05T15:00:00Z")
        #expect((json["past"] as? [Any])?.isEmpty == true)
        #expect((json["intakesToday"] as? [Any])?.isEmpty == true, "the intakes were on Monday")

        let past = try office.cli.run(["digest", "--only-if-due"], env: ["DETAINER_NOW": "2026-03-05T16:00:00Z"])
        #expect(past.stdout.contains("PAST RELEASE OR DEADLINE: act now (1)"), "\(past.stdout)")
        #expect(past.stdout.contains("#\(decline)  DOC  Due Soon  Pending review  PAST-RELEASE review OVERDUE release-on-time  Release on time 2026-03-05 10:00 EST (OVERDUE by 1h 00m)"))
        // Words for people, not stored names: the digest is mailed to the desk.
        #expect(!past.stdout.contains("pendingReview") && !today.stdout.contains("pendingReview"), "\(today.stdout)")
        #expect(today.stdout.contains("Pending review  received 2026-03-02 10:00 EST  engine: decline"), "\(today.stdout)")
        let bad = try office.cli.run("digest", "--hours", "0")
        #expect(bad.status == 64 && bad.stderr.contains("--hours"), "\(bad.stderr)")
    }
}

/// Splits simple CSV output (no quoted commas in these tests' values) into rows of cells.
enum CSVLines {
    static func parse(_ text: String) -> [[String]] {
        text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }
}
