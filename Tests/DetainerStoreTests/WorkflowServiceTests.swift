import DetainerDomain
@testable import DetainerStore
import SQLite
import Testing
import TestSupport

/// The office's workflow in process, through the services the CLI and the web call, on a
/// temporary training database (no built binary): intake → evaluate → review → status → contact,
/// and every refused write leaves the database exactly as it was (no audit row, no status change).
@Suite struct WorkflowServiceTests {
    let dir = TemporaryDirectory()

    struct Office {
        let db: DetainerDatabase
        let clerk: Actor
        let supervisor: Actor
        var intake: IntakeService { IntakeService(db) }
        var reviews: ReviewService { ReviewService(db) }
        var statuses: StatusService { StatusService(db) }
    }

    func office() throws -> Office {
        let db = try dir.database(now: "2026-03-02T15:00:00Z")
        let admin = try db.accounts.authorize("admin", for: .manageUsers)
        try db.accounts.addUser(name: "clara", role: .clerk, by: admin)
        try db.accounts.addUser(name: "sam", role: .supervisor, by: admin)
        return Office(db: db, clerk: try db.accounts.authorize("clara", for: .intake), supervisor: try db.accounts.authorize("sam", for: .review))
    }

    /// A judicial warrant and a TSDB match: permitted. `tsdb: nil` leaves the match unknown
    /// (needsReview); `warrant: "administrative"` makes it a decline.
    func request(_ booking: String, warrant: String = "judicial", tsdb: Bool? = true) -> IntakeRequest {
        IntakeRequest(person: .init(name: "Ana Ruiz", dateOfBirth: "1985-02-03", nysid: "12345678K"),
                      custody: .init(agency: "DOC", bookingNumber: booking, arrestDate: "2026-02-20", scheduledReleaseAt: "2026-03-05T15:00:00Z"),
                      detainer: .init(warrant: .init(type: warrant, issuer: warrant == "judicial" ? "Hon. J" : nil), terroristScreeningMatch: tsdb))
    }

    /// Everything a write could leave behind.
    struct Snapshot: Equatable {
        let rows: [Int64]
        let status: String?
    }

    func snapshot(_ db: DetainerDatabase, _ id: Int64) throws -> Snapshot {
        let tables = ["audit_log", "detainers", "evaluations", "reviews", "status_events", "ice_communications", "persons", "custody_cases"]
        return Snapshot(rows: try tables.map { try db.connection.scalarInt("SELECT count(*) FROM \($0)") ?? -1 },
                        status: try db.connection.scalarText("SELECT status FROM detainers WHERE id = ?", id))
    }

    @Test func intakeEvaluateApproveContactTransfer() throws {
        let o = try office()
        let intake = try o.intake.intake(request("B1"), by: o.clerk)
        #expect(intake.evaluation.report.outcome == .permitted)
        #expect(try o.db.connection.scalarText("SELECT status FROM detainers WHERE id = ?", intake.detainerID) == "pendingReview")

        let again = try o.reviews.reevaluate(detainerID: intake.detainerID, by: o.clerk)
        #expect(again.sequence == 2)
        #expect(again.report.outcome == .permitted)

        let review = try o.reviews.review(detainerID: intake.detainerID, .approve(reason: nil), confirmedWithoutSearch: true, by: o.supervisor)
        #expect(review.decision == .honor)
        #expect(!review.isOverride)
        #expect(review.basis == "TSDB_MATCH")
        #expect(try o.db.connection.scalarText("SELECT action FROM reviews WHERE id = ?", review.reviewID) == "approve")
        #expect(try o.db.connection.scalarText("SELECT decision_basis FROM detainers WHERE id = ?", intake.detainerID) == "TSDB_MATCH")

        let contact = try o.statuses.recordContact(detainerID: intake.detainerID,
                                                   ContactRequest(direction: .outgoing, kind: .releaseNotification, summary: "Told ICE the release time"),
                                                   by: o.clerk)
        #expect(contact.evaluation == nil)

        let change = try o.statuses.changeStatus(detainerID: intake.detainerID, to: .transferred, at: nil, note: "ICE took custody", by: o.clerk)
        #expect(change.from == .honored && change.to == .transferred && !change.afterDeadline)
        #expect(try o.db.connection.scalarText("SELECT closed_on FROM detainers WHERE id = ?", intake.detainerID) == "2026-03-02")
        #expect(try o.db.connection.scalarText("SELECT released_at FROM custody_cases WHERE id = ?", intake.custodyCaseID) == "2026-03-02T15:00:00Z")
        // One audit entry per write: intake, evaluate, review, contact, status.
        let actions = try o.db.connection.prepare("SELECT action FROM audit_log WHERE entity = 'detainer' AND entity_id = ? ORDER BY id")
        try actions.bind(intake.detainerID, at: 1)
        #expect(try actions.map { $0.string(0) ?? "" } == ["detainer.intake", "detainer.evaluate", "detainer.review", "contact.add", "detainer.status"])
        #expect(try o.db.integrity.healthCheck().ok)
    }

    @Test func aLateTransferIsFlagged() throws {
        let o = try office()
        let id = try o.intake.intake(request("B1"), by: o.clerk).detainerID
        _ = try o.reviews.review(detainerID: id, .approve(reason: nil), confirmedWithoutSearch: true, by: o.supervisor)
        // Release Thursday 2026-03-05 10:00 EST + 48 hours without the weekend (8 CFR 287.7(d)) = Monday 2026-03-09 10:00 EDT.
        o.db.clock = .fixed(UTCInstant(parsing: "2026-03-08T15:00:00Z")!)
        #expect(!Deadlines.endedAfterDeadline(status: .transferred, at: o.db.clock.now(), holdDeadline: try o.db.connection.scalarText(
            "SELECT hold_deadline FROM detainers WHERE id = ?", id).flatMap(UTCInstant.init(parsing:))), "Sunday is not past a weekday deadline")
        o.db.clock = .fixed(UTCInstant(parsing: "2026-03-09T15:00:00Z")!)
        let change = try o.statuses.changeStatus(detainerID: id, to: .transferred, at: nil, note: nil, by: o.clerk)
        #expect(change.afterDeadline)
        #expect(try o.db.connection.scalarInt("SELECT after_deadline FROM status_events WHERE detainer_id = ? AND to_status = 'transferred'", id) == 1)
    }

    @Test func overrideNeedsAReasonAndIsRecordedAsOne() throws {
        let o = try office()
        let id = try o.intake.intake(request("B1"), by: o.clerk).detainerID
        let before = try snapshot(o.db, id)
        let missing = #expect(throws: InputErrors.self) {
            try o.reviews.review(detainerID: id, .decide(.decline, reason: ""), confirmedWithoutSearch: true, by: o.supervisor)
        }
        #expect(missing?.issues.first?.path == "reason")
        #expect(try snapshot(o.db, id) == before)

        let review = try o.reviews.review(detainerID: id, .decide(.decline, reason: "ICE's match is doubtful"), confirmedWithoutSearch: true, by: o.supervisor)
        #expect(review.decision == .decline && review.isOverride && review.engineOutcome == .permitted)
        #expect(review.basis == "OVERRIDE_BY_SUPERVISOR")
        #expect(try o.db.connection.scalarText("SELECT action FROM reviews WHERE id = ?", review.reviewID) == "override")
        #expect(try o.db.connection.scalarText("SELECT status FROM detainers WHERE id = ?", id) == "declined")
    }

    @Test func honoringADeclineIsRefusedAndWritesNothing() throws {
        let o = try office()
        let intake = try o.intake.intake(request("B1", warrant: "administrative"), by: o.clerk)
        #expect(intake.evaluation.report.outcome == .decline)
        let before = try snapshot(o.db, intake.detainerID)
        let refused = #expect(throws: InputError.self) {
            try o.reviews.review(detainerID: intake.detainerID, .decide(.honor, reason: "ICE insists"), confirmedWithoutSearch: true, by: o.supervisor)
        }
        #expect(refused?.path == "decide")
        #expect(refused?.message.contains("no judicial warrant was presented") == true, "in words, not the code (issue 25 §3)")
        #expect(try snapshot(o.db, intake.detainerID) == before)

        let review = try o.reviews.review(detainerID: intake.detainerID, .approve(reason: nil), confirmedWithoutSearch: true, by: o.supervisor)
        #expect(review.decision == .decline && !review.isOverride && review.basis == "NO_JUDICIAL_WARRANT")
    }

    @Test func needsReviewCannotBeApprovedOnlyDecided() throws {
        let o = try office()
        let intake = try o.intake.intake(request("B1", tsdb: nil), by: o.clerk)
        #expect(intake.evaluation.report.outcome == .needsReview)
        let before = try snapshot(o.db, intake.detainerID)
        let refused = #expect(throws: InputError.self) {
            try o.reviews.review(detainerID: intake.detainerID, .approve(reason: "looks fine"), confirmedWithoutSearch: true, by: o.supervisor)
        }
        #expect(refused?.path == "approve")
        #expect(try snapshot(o.db, intake.detainerID) == before)

        let review = try o.reviews.review(detainerID: intake.detainerID, .decide(.decline, reason: "No match on record"), confirmedWithoutSearch: true, by: o.supervisor)
        #expect(review.isOverride && review.basis == "DECIDED_ON_REVIEW")
        #expect(try o.db.connection.scalarText("SELECT action FROM reviews WHERE id = ?", review.reviewID) == "override")
        // Reviewed once: a second review is refused, and writes nothing.
        let after = try snapshot(o.db, intake.detainerID)
        let twice = #expect(throws: InputError.self) {
            try o.reviews.review(detainerID: intake.detainerID, .decide(.honor, reason: "again"), confirmedWithoutSearch: true, by: o.supervisor)
        }
        #expect(twice?.path == "id")
        #expect(try snapshot(o.db, intake.detainerID) == after)
    }

    @Test func refusedStatusChangesLeaveNothing() throws {
        let o = try office()
        let id = try o.intake.intake(request("B1"), by: o.clerk).detainerID
        let before = try snapshot(o.db, id)
        #expect(throws: IllegalTransition(detainerID: id, from: .pendingReview, to: .honored)) {
            try o.statuses.changeStatus(detainerID: id, to: .honored, at: nil, note: nil, by: o.clerk)
        }
        #expect(throws: IllegalTransition(detainerID: id, from: .pendingReview, to: .transferred)) {
            try o.statuses.changeStatus(detainerID: id, to: .transferred, at: nil, note: nil, by: o.clerk)
        }
        let noNote = #expect(throws: InputError.self) {
            try o.statuses.changeStatus(detainerID: id, to: .enteredInError, at: nil, note: nil, by: o.clerk)
        }
        #expect(noNote?.path == "note")
        let early = #expect(throws: InputError.self) {
            try o.statuses.changeStatus(detainerID: id, to: .lifted, at: UTCInstant(parsing: "2026-01-01T00:00:00Z"), note: nil, by: o.clerk)
        }
        #expect(early?.path == "at")
        #expect(throws: PermissionDenied.self) { try o.db.accounts.authorize("clara", for: .review) }
        #expect(try snapshot(o.db, id) == before)

        let change = try o.statuses.changeStatus(detainerID: id, to: .enteredInError, at: nil, note: "duplicate of detainer 12", by: o.clerk)
        #expect(change.to == .enteredInError)
        #expect(throws: IllegalTransition.self) {
            try o.statuses.changeStatus(detainerID: id, to: .released, at: nil, note: nil, by: o.clerk)
        }
    }

    @Test func aSecondOpenDetainerOnTheSameCaseIsRefusedUnlessExplained() throws {
        let o = try office()
        let first = try o.intake.intake(request("B1"), by: o.clerk)
        let before = try snapshot(o.db, first.detainerID)
        #expect(throws: DuplicateDetainer(existingID: first.detainerID, status: "pendingReview", custodyCaseID: first.custodyCaseID)) {
            try o.intake.intake(request("B1"), by: o.clerk)
        }
        #expect(try snapshot(o.db, first.detainerID) == before)
        // Another booking is another case.
        let other = try o.intake.intake(request("B2"), by: o.clerk)
        #expect(other.detainerID != first.detainerID)
        // A closed first detainer no longer blocks; an explained second one is recorded with its reason.
        let second = try o.intake.intake(request("B2"), duplicateReason: "ICE re-issued with a judicial warrant", by: o.clerk)
        #expect(try o.db.connection.scalarText("SELECT json_extract(payload, '$.details.duplicateOf') FROM audit_log WHERE entity_id = ? AND action = 'detainer.intake'",
                                               second.detainerID) == String(other.detainerID))
        _ = try o.statuses.changeStatus(detainerID: first.detainerID, to: .lifted, at: nil, note: nil, by: o.clerk)
        #expect(try o.intake.intake(request("B1"), by: o.clerk).detainerID > second.detainerID)
    }

    /// A reason code this binary does not know is an error naming the row, never read as "no
    /// grounds" (which would turn an honor's basis into DECIDED_ON_REVIEW). Written behind the
    /// store's back: the CHECKs only know the column holds a JSON array.
    @Test func anUnreadableStoredReasonStopsTheReview() throws {
        let o = try office()
        let id = try o.intake.intake(request("B1"), by: o.clerk).detainerID
        try o.db.connection.run("""
            INSERT INTO evaluations (detainer_id, sequence, evaluated_at, evaluated_on, rule_version, outcome, reasons, input_json, result_json, trigger, actor_id)
            SELECT detainer_id, sequence + 1, evaluated_at, evaluated_on, rule_version, outcome, '["NO_SUCH_REASON"]', input_json, result_json, trigger, actor_id
            FROM evaluations WHERE detainer_id = ? ORDER BY sequence DESC LIMIT 1
            """, id)
        let evaluationID = o.db.connection.lastInsertRowID
        try o.db.connection.run("UPDATE detainers SET evaluation_id = ? WHERE id = ?", evaluationID, id)
        let before = try snapshot(o.db, id)
        #expect(throws: StoreError.badStoredValue(table: "evaluations", column: "reasons", rowID: evaluationID, value: "\"[\"NO_SUCH_REASON\"]\"")) {
            try o.reviews.review(detainerID: id, .approve(reason: nil), confirmedWithoutSearch: true, by: o.supervisor)
        }
        #expect(try snapshot(o.db, id) == before)
    }
}
