import DetainerDomain
@testable import DetainerStore
import SQLite
import Testing
import TestSupport

@Suite struct CorrectionStoreTests {
    let dir = TemporaryDirectory()

    func office() throws -> (DetainerDatabase, Actor, Int64) {
        let db = try dir.database()
        let admin = try db.accounts.authorize("admin", for: .manageUsers)
        try db.accounts.addUser(name: "clara", role: .clerk, by: admin)
        let clara = try db.accounts.authorize("clara", for: .intake)
        let request = IntakeRequest(person: .init(name: "Ana Ruiz", nysid: "12345678K"),
                                    custody: .init(agency: "DOP", bookingNumber: "P-100", arrestDate: "2026-02-20",
                                                   scheduledReleaseAt: "2026-03-05T15:00:00Z"))
        let result = try IntakeService(db).intake(request, by: clara)
        return (db, clara, result.detainerID)
    }

    @Test func probationIntakeIsEvaluatedUnderSection9_205() throws {
        let (db, _, id) = try office()
        #expect(try db.connection.scalarText("SELECT agency FROM detainers WHERE id = ?", id) == "DOP")
        let result = try #require(try db.connection.scalarText("SELECT result_json FROM evaluations WHERE detainer_id = ?", id))
        #expect(result.contains("9-205"))
    }

    @Test func correctionsAreLedgeredAuditedAndAppendOnly() throws {
        let (db, clara, id) = try office()
        let result = try IntakeService(db).correct(detainerID: id, [.name: "Ana Ruiz Soto", .tsdbMatch: "no"], reason: "ICE form", by: clara)
        #expect(result.changes.map(\.field) == [.name, .tsdbMatch])
        #expect(result.evaluation != nil)
        #expect(try db.connection.scalarInt("SELECT count(*) FROM corrections WHERE reason = 'ICE form'") == 2)
        let audit = try #require(try db.connection.scalarText("SELECT payload FROM audit_log WHERE action = 'detainer.correct'"))
        #expect(audit.contains("\"corrections\"") && audit.contains("Ana Ruiz Soto"))
        #expect(try db.integrity.healthCheck().ok)
        #expect(throws: (any Error).self) { try db.connection.execute("UPDATE corrections SET reason = 'x'") }
        #expect(throws: (any Error).self) { try db.connection.execute("DELETE FROM corrections") }
        #expect(throws: InputError.self) { try IntakeService(db).correct(detainerID: id, [.name: "Ana Ruiz Soto"], reason: "again", by: clara) }
        #expect(try db.connection.scalarInt("SELECT count(*) FROM corrections") == 2)
        #expect(try db.queries.detail(detainerID: id).corrections.count == 2)
    }

    @Test func aCorrectionCannotTakeAnotherPersonsNYSID() throws {
        let (db, clara, id) = try office()
        _ = try IntakeService(db).intake(IntakeRequest(person: .init(name: "B", nysid: "87654321B"), custody: .init(agency: "DOC", arrestDate: "2026-02-20")), by: clara)
        #expect(throws: (any Error).self) { try IntakeService(db).correct(detainerID: id, [.nysid: "87654321B"], reason: "typo", by: clara) }
        #expect(try db.connection.scalarInt("SELECT count(*) FROM corrections") == 0)
    }
}

@Suite struct QueueStoreTests {
    let dir = TemporaryDirectory()

    @Test func honoredDetainersAwaitingTransferAreQueuedAndLateEndsCounted() throws {
        let db = try dir.database(now: "2026-03-02T15:00:00Z")
        let admin = try db.accounts.authorize("admin", for: .manageUsers)
        try db.accounts.addUser(name: "sam", role: .supervisor, by: admin)
        let sam = try db.accounts.authorize("sam", for: .intake)
        let request = IntakeRequest(person: .init(name: "Ana Ruiz"),
                                    custody: .init(agency: "DOC", arrestDate: "2026-02-20", scheduledReleaseAt: "2026-03-03T15:00:00Z"),
                                    detainer: .init(warrant: .init(type: "judicial", issuer: "Hon. J"), terroristScreeningMatch: true))
        let id = try IntakeService(db).intake(request, by: sam).detainerID
        #expect(try db.queries.queue(QueueFilter()).map(\.needs) == [[.review]])
        _ = try ReviewService(db).review(detainerID: id, .approve(reason: nil), confirmedWithoutSearch: true, by: sam)
        #expect(try db.queries.queue(QueueFilter()).map(\.needs) == [[.transfer]])
        db.clock = .fixed(UTCInstant(parsing: "2026-03-06T15:00:00Z")!)
        #expect(try db.queries.queue(QueueFilter(overdueOnly: true)).map(\.needs) == [[.transfer, .overdue]])
        _ = try StatusService(db).changeStatus(detainerID: id, to: .transferred, at: nil, note: nil, by: sam)
        #expect(try db.queries.queue(QueueFilter()).isEmpty)
        #expect(try ReportService(db).lateEnds(from: CivilDate(parsing: "2026-03-01")!, to: CivilDate(parsing: "2026-03-31")!, includeExternal: false)
                == ["DOC": 1, "all": 1])
    }

    /// A detainer never honored is no hold: its person leaving after the stored deadline (a
    /// decline counts down to the scheduled release) is not a hold that ended late, and the
    /// reports' late-end count leaves it out; an honored one released late in the same month is
    /// counted.
    @Test func onlyHoldsThatEndedLateAreCountedLate() throws {
        let db = try dir.database(now: "2026-03-02T15:00:00Z")
        let admin = try db.accounts.authorize("admin", for: .manageUsers)
        try db.accounts.addUser(name: "sam", role: .supervisor, by: admin)
        let sam = try db.accounts.authorize("sam", for: .intake)
        func intake(_ name: String, warrant: String) throws -> Int64 {
            let request = IntakeRequest(person: .init(name: name),
                                        custody: .init(agency: "DOC", arrestDate: "2026-02-20", scheduledReleaseAt: "2026-03-03T15:00:00Z"),
                                        detainer: .init(warrant: .init(type: warrant, issuer: warrant == "judicial" ? "Hon. J" : nil), terroristScreeningMatch: true))
            return try IntakeService(db).intake(request, by: sam).detainerID
        }
        let pending = try intake("Ana Ruiz", warrant: "none")
        let honored = try intake("Bea Soto", warrant: "judicial")
        _ = try ReviewService(db).review(detainerID: honored, .approve(reason: nil), confirmedWithoutSearch: true, by: sam)
        db.clock = .fixed(UTCInstant(parsing: "2026-03-06T15:00:00Z")!)
        _ = try StatusService(db).changeStatus(detainerID: pending, to: .released, at: nil, note: nil, by: sam)
        _ = try StatusService(db).changeStatus(detainerID: honored, to: .released, at: nil, note: nil, by: sam)
        #expect(try db.connection.scalarInt("SELECT count(*) FROM detainers WHERE status = 'released' AND hold_deadline < status_at") == 2)
        #expect(try ReportService(db).lateEnds(from: CivilDate(parsing: "2026-03-01")!, to: CivilDate(parsing: "2026-03-31")!, includeExternal: false)
                == ["DOC": 1, "all": 1])
    }
}
