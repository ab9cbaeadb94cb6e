import DetainerDomain
@testable import DetainerStore
import SQLite
import Testing
import TestSupport

/// Issue 24 §3-§4 in the store: a stored NYPD hold whose deadline passes leaves the holds waiting
/// for a warrant and shows as "release now"; `evaluate ID` after the deadline records the decline;
/// a warrant presented after the detainer joins its warrant history with its time and is weighed
/// with that time. The clock is injected (each step reopens the file at a fixed instant).
@Suite struct HoldsAndWarrantsInTimeTests {
    let dir = TemporaryDirectory()

    func open(at now: String) throws -> DetainerDatabase {
        try DetainerDatabase.open(path: dir.path("store.db"), access: .write, clock: .fixed(UTCInstant(parsing: now)!))
    }

    func setUp() throws -> (DetainerDatabase, Actor) {
        let db = try dir.database(now: "2026-03-02T15:00:00Z")
        let admin = try db.accounts.authorize("admin", for: .manageUsers)
        try db.accounts.addUser(name: "clara", role: .clerk, by: admin)
        return (db, try db.accounts.authorize("clara", for: .intake))
    }

    func intake(_ db: DetainerDatabase, _ clerk: Actor, agency: String, warrant: String, release: String) throws -> Int64 {
        let request = IntakeRequest(
            person: .init(name: "Ana Ruiz", dateOfBirth: "1985-02-03", nysid: "12345678K"),
            custody: .init(agency: agency, bookingNumber: "B1", arrestDate: "2026-02-20", scheduledReleaseAt: release),
            detainer: .init(warrant: .init(type: warrant, issuer: warrant == "judicial" ? "Hon. J" : nil), terroristScreeningMatch: true))
        return try IntakeService(db).intake(request, by: clerk).detainerID
    }

    @Test func aHoldPastItsDeadlineIsReleaseNowAndReevaluatesToDecline() throws {
        let (db, clerk) = try setUp()
        // Released Monday 2026-03-02 12:00 EST: the hold runs 48 business hours, to Wednesday 12:00.
        let id = try intake(db, clerk, agency: "NYPD", warrant: "administrative", release: "2026-03-02T17:00:00Z")
        let before = try db.queries.actionQueue(QueueFilter())
        #expect(before.holdsPendingWarrant.map(\.detainerID) == [id])
        #expect(before.pastDeadline.isEmpty)

        let later = try open(at: "2026-03-05T15:00:00Z")
        let queue = try later.queries.actionQueue(QueueFilter())
        #expect(queue.holdsPendingWarrant.isEmpty, "a hold past its deadline no longer waits for a warrant")
        let item = try #require(queue.pastDeadline.first { $0.detainerID == id })
        #expect(item.releaseNow && item.needs.contains(.release))
        #expect(try later.queries.queueCount(needing: [.warrant], QueueFilter()) == 0)

        let stored = try ReviewService(later).reevaluate(detainerID: id, by: try later.accounts.authorize("clara", for: .evaluate))
        #expect(stored.report.outcome == .decline)
        #expect(stored.report.reasons.contains(.holdDeadlinePassed))
        #expect(stored.report.holdDeadline == UTCInstant(parsing: "2026-03-04T17:00:00Z"))
        #expect(stored.report.holdDeadlinePassed == true)
        let check = try #require(stored.report.checks.first { $0.rule == "warrantlessHold" })
        #expect(check.message.contains("ended at 2026-03-04 12:00 EST") && check.message.contains("shall be released"), "\(check.message)")
        #expect(try later.connection.scalarText("SELECT outcome FROM detainers WHERE id = ?", id) == "decline")
    }

    @Test func aLateWarrantJoinsTheHistoryAndDoesNotMakeADOCDetainerHonorable() throws {
        let (db, clerk) = try setUp()
        let id = try intake(db, clerk, agency: "DOC", warrant: "none", release: "2026-03-09T15:00:00Z")
        #expect(try db.connection.scalarText("SELECT outcome FROM detainers WHERE id = ?", id) == "decline")

        let later = try open(at: "2026-03-08T15:00:00Z")
        let actor = try later.accounts.authorize("clara", for: .recordContact)
        let result = try StatusService(later).recordContact(
            detainerID: id, ContactRequest(direction: .incoming, kind: .warrant, summary: "Judicial warrant presented", warrant: .judicial,
                                           warrantIssuer: "Hon. E (S.D.N.Y.)"), by: actor)
        let evaluation = try #require(result.evaluation)
        #expect(evaluation.report.outcome == .decline)
        #expect(evaluation.report.reasons == [.noJudicialWarrant, .warrantPresentedLate])
        let check = try #require(evaluation.report.checks.first { $0.rule == "judicialWarrant" })
        #expect(check.message.contains("2026-03-08 11:00 EDT") && check.message.contains("after the detainer received on 2026-03-02"))
        // The warrant that came with the detainer is kept; the later one is in the history.
        #expect(try later.connection.scalarText("SELECT warrant_type FROM detainers WHERE id = ?", id) == "none")
        #expect(try later.connection.scalarText("SELECT warrant_type FROM ice_communications WHERE id = ?", result.contactID) == "judicial")
        #expect(evaluation.inputJSON.contains("2026-03-08T15:00:00Z"))

        // A second warrant never replaces the first: the engine still weighs the first one's time.
        let second = try StatusService(later).recordContact(
            detainerID: id, ContactRequest(direction: .incoming, kind: .warrant, summary: "Another copy", warrant: .judicial,
                                           warrantIssuer: "Hon. F"), by: actor)
        #expect(try #require(second.evaluation).inputJSON.contains("2026-03-08T15:00:00Z"))
        #expect(try later.connection.scalarInt("SELECT count(*) FROM ice_communications WHERE detainer_id = ? AND warrant_type = 'judicial'", id) == 2)
    }

    @Test func anNYPDWarrantInsideTheHoldCounts() throws {
        let (db, clerk) = try setUp()
        let id = try intake(db, clerk, agency: "NYPD", warrant: "none", release: "2026-03-02T17:00:00Z")
        let later = try open(at: "2026-03-03T20:00:00Z")  // Tuesday 15:00 EST, before Wednesday 12:00 EST
        let result = try StatusService(later).recordContact(
            detainerID: id, ContactRequest(direction: .incoming, kind: .warrant, summary: "Judicial warrant", warrant: .judicial,
                                           warrantIssuer: "Hon. E"), by: try later.accounts.authorize("clara", for: .recordContact))
        #expect(try #require(result.evaluation).report.outcome == .permitted)
    }
}
