import DetainerDomain
@testable import DetainerStore
import SQLite
import Testing
import TestSupport

/// Issue 25 §1: the criminal-history search is on record once it shows in the data (a conviction,
/// a pending charge, or its printout kept with the detainer); until then the queue says "record
/// search pending" and a review must be confirmed. The intake can carry the search itself.
@Suite struct HistorySearchTests {
    let dir = TemporaryDirectory()

    func office() throws -> (DetainerDatabase, clerk: Actor, supervisor: Actor) {
        let db = try dir.database(now: "2026-03-02T15:00:00Z")
        let admin = try db.accounts.authorize("admin", for: .manageUsers)
        try db.accounts.addUser(name: "clara", role: .clerk, by: admin)
        try db.accounts.addUser(name: "sam", role: .supervisor, by: admin)
        return (db, try db.accounts.authorize("clara", for: .intake), try db.accounts.authorize("sam", for: .review))
    }

    func request(_ booking: String, nysid: String, convictions: [ConvictionInput]? = nil) -> IntakeRequest {
        IntakeRequest(person: .init(name: "Ana Ruiz", dateOfBirth: "1985-02-03", nysid: nysid),
                      custody: .init(agency: "DOC", bookingNumber: booking, arrestDate: "2026-02-20", scheduledReleaseAt: "2026-03-05T15:00:00Z"),
                      detainer: .init(warrant: .init(type: "judicial", issuer: "Hon. J"), terroristScreeningMatch: false),
                      convictions: convictions)
    }

    func pending(_ db: DetainerDatabase, _ id: Int64) throws -> Bool? {
        try db.queries.queue(QueueFilter()).first { $0.detainerID == id }?.searchPending
    }

    @Test func theConfirmationIsTheProjectsDecision() {
        #expect(ReviewPolicy.reviewWithoutHistorySearchNeedsConfirmation)
    }

    @Test func aReviewWithoutTheSearchIsRefusedUntilConfirmedAndTheConfirmationIsAudited() throws {
        let (db, clerk, sam) = try office()
        let id = try IntakeService(db).intake(request("B1", nysid: "12345678K"), by: clerk).detainerID
        #expect(try pending(db, id) == true)
        #expect(try db.queries.detail(detainerID: id).historySearchPending)
        let reviews = try db.connection.scalarInt("SELECT count(*) FROM audit_log")
        #expect(throws: ValidationIssue.self) { try ReviewService(db).review(detainerID: id, .approve(reason: nil), by: sam) }
        #expect(try db.connection.scalarInt("SELECT count(*) FROM audit_log") == reviews)
        let result = try ReviewService(db).review(detainerID: id, .approve(reason: nil), confirmedWithoutSearch: true, by: sam)
        #expect(result.decision == .decline)
        #expect(try db.connection.scalarText("SELECT payload ->> '$.details.confirmedWithoutHistorySearch' FROM audit_log WHERE action = 'detainer.review'") == "1")
    }

    @Test func aPrintoutAConvictionOrAChargeRecordsTheSearch() throws {
        let (db, clerk, sam) = try office()
        let printout = try IntakeService(db).intake(request("B1", nysid: "12345678K"), by: clerk).detainerID
        _ = try DocumentService(db).attach(detainerID: printout, AttachRequest(bytes: Array("%PDF-1.4\n%%EOF\n".utf8), kind: .criminalHistory),
                                           by: try db.accounts.authorize("clara", for: .attachDocuments))
        #expect(try pending(db, printout) == false)
        #expect(try ReviewService(db).review(detainerID: printout, .approve(reason: nil), by: sam).decision == .decline)

        let charged = try IntakeService(db).intake(request("B2", nysid: "87654321B"), by: clerk)
        let history = HistoryService(db)
        _ = try history.addPendingCharge(personID: charged.personID, statute: "PL 155.25", chargedOn: nil, custodyCaseID: nil,
                                         by: try db.accounts.authorize("clara", for: .recordHistory))
        #expect(try pending(db, charged.detainerID) == false)

        // The intake's own convictions: the first evaluation reads them, nothing is pending.
        let judged = try IntakeService(db).intake(request("B3", nysid: "11111111A", convictions: [
            ConvictionInput(statute: "PL 160.15", convictedOn: "2022-03-02", sentencedOn: "2022-04-13", felonyClass: "B"),
        ]), by: clerk)
        #expect(judged.evaluation.report.outcome == .permitted)
        #expect(judged.convictionIDs.count == 1)
        #expect(try pending(db, judged.detainerID) == false)
    }

    /// A reused person's other open detainer is re-evaluated by the intake's convictions, in the
    /// same transaction (one audit entry), and a possible duplicate judgment is warned about.
    @Test func anIntakesConvictionsReevaluateThePersonsOtherOpenDetainers() throws {
        let (db, clerk, _) = try office()
        let first = try IntakeService(db).intake(request("B1", nysid: "12345678K", convictions: [
            ConvictionInput(statute: "PL 120.05", convictedOn: "2021-05-02", sentencedOn: "2021-06-01", felonyClass: "D"),
        ]), by: clerk)
        let audit = try db.connection.scalarInt("SELECT count(*) FROM audit_log") ?? 0
        let second = try IntakeService(db).intake(request("B2", nysid: "12345678K", convictions: [
            ConvictionInput(statute: "PL 160.15", convictedOn: "2022-03-02", sentencedOn: "2022-04-13", felonyClass: "B"),
        ]), by: clerk)
        #expect(second.personReused)
        #expect(second.warnings.contains { $0.hasPrefix("convictions: person \(second.personID) already had 1 conviction(s)") })
        #expect(try db.connection.scalarInt("SELECT count(*) FROM audit_log") == audit + 1)
        #expect(try db.connection.scalarInt("SELECT count(*) FROM evaluations WHERE detainer_id = ?", first.detainerID) == 2)
    }
}
