import DetainerDomain
@testable import DetainerStore
import SQLite
import Testing
import TestSupport

/// Issue 23 §3: the acts that hurt most take two people. One proposes (nothing else changes);
/// another supervisor approves (the act is made in their name, linked to the proposal); the
/// proposer can never approve their own; both names, times and reasons stay on the record.
@Suite struct FourEyesTests {
    let dir = TemporaryDirectory()

    struct Office {
        let db: DetainerDatabase
        let clerk: Actor, sam: Actor, tess: Actor
    }

    func office() throws -> Office {
        let db = try dir.database(now: "2026-03-02T15:00:00Z")
        let admin = try db.accounts.authorize("admin", for: .manageUsers)
        try db.accounts.addUser(name: "clara", role: .clerk, by: admin)
        try db.accounts.addUser(name: "sam", role: .supervisor, by: admin)
        try db.accounts.addUser(name: "tess", role: .supervisor, by: admin)
        return Office(db: db, clerk: try db.accounts.authorize("clara", for: .intake), sam: try db.accounts.authorize("sam", for: .review),
                      tess: try db.accounts.authorize("tess", for: .review))
    }

    func intake(_ o: Office, booking: String, tsdb: Bool?) throws -> Int64 {
        try IntakeService(o.db).intake(IntakeRequest(
            person: .init(name: "Ana Ruiz", dateOfBirth: "1985-02-03", nysid: "12345678K"),
            custody: .init(agency: "DOC", bookingNumber: booking, arrestDate: "2026-02-20", scheduledReleaseAt: "2026-03-05T15:00:00Z"),
            detainer: .init(warrant: .init(type: "judicial", issuer: "Hon. J"), terroristScreeningMatch: tsdb)), by: o.clerk).detainerID
    }

    func count(_ o: Office, _ sql: String) throws -> Int64 { try o.db.connection.scalarInt(sql) ?? -1 }

    @Test func honoringAgainstTheEngineWaitsForASecondSupervisor() throws {
        let o = try office()
        let id = try intake(o, booking: "B1", tsdb: nil)   // needsReview
        let reviews = ReviewService(o.db), proposals = ProposalService(o.db)
        let audit = try count(o, "SELECT count(*) FROM audit_log")
        #expect(throws: SecondPersonRequired.self) { try reviews.review(detainerID: id, .decide(.honor, reason: "ICE says TSDB"), confirmedWithoutSearch: true, by: o.sam) }
        #expect(try count(o, "SELECT count(*) FROM audit_log") == audit)   // refused alone: nothing written

        let proposal = try proposals.propose(detainerID: id, .review(.honor, reason: "ICE says TSDB"), by: o.sam)
        #expect(proposal.state == .pending && proposal.proposedBy == "sam")
        #expect(try o.db.connection.scalarText("SELECT status FROM detainers WHERE id = ?", id) == "pendingReview")
        #expect(try proposals.pending().map(\.id) == [proposal.id])
        // A second open proposal on the same detainer, and the proposer's own approval, are refused.
        #expect(throws: InputError.self) { try proposals.propose(detainerID: id, .review(.honor, reason: "again"), by: o.tess) }
        let own = #expect(throws: PermissionDenied.self) { try proposals.approve(proposalID: proposal.id, note: nil, by: o.sam) }
        #expect(own?.message.contains("second person") == true)
        #expect(throws: PermissionDenied.self) { try proposals.approve(proposalID: proposal.id, note: nil, by: o.clerk) }

        let (approved, effect) = try proposals.approve(proposalID: proposal.id, note: "Checked the TSDB notice", by: o.tess)
        #expect(approved.state == .approved && approved.decidedBy == "tess" && approved.proposedBy == "sam")
        guard case .review(let review) = effect else { Issue.record("expected a review"); return }
        #expect(review.decision == .honor && review.isOverride)
        #expect(try o.db.connection.scalarText("SELECT status FROM detainers WHERE id = ?", id) == "honored")
        #expect(try o.db.connection.scalarText("SELECT u.name FROM reviews AS r JOIN users AS u ON u.id = r.actor_id WHERE r.detainer_id = \(id)") == "tess")
        #expect(try count(o, "SELECT effect_id FROM proposals WHERE id = \(proposal.id)") == review.reviewID)
        #expect(throws: InputError.self) { try proposals.approve(proposalID: proposal.id, note: nil, by: o.tess) }   // already approved
        let detail = try o.db.queries.detail(detainerID: id)
        #expect(detail.proposals.map(\.state) == [.approved])
        #expect(try o.db.integrity.healthCheck().ok)
    }

    /// Issue 25 §2: the honor takes effect when the second supervisor approves, so an approval
    /// after the hold deadline asks the approver to confirm (as a review's honor does), says why,
    /// and writes nothing until confirmed; the audit row records the confirmation.
    @Test func approvingAnHonorAfterTheHoldDeadlineNeedsConfirmation() throws {
        let o = try office()
        let id = try intake(o, booking: "B1", tsdb: nil)   // needsReview
        let proposal = try ProposalService(o.db).propose(detainerID: id, .review(.honor, reason: "ICE says TSDB"), by: o.sam)
        let deadline = try #require(try o.db.connection.scalarText("SELECT hold_deadline FROM detainers WHERE id = ?", id).flatMap(UTCInstant.init(parsing:)))
        #expect(try ProposalService(o.db).pending().first?.honors == true)
        try o.db.close()

        let late = try DetainerDatabase.open(path: dir.path("store.db"), access: .write, clock: .fixed(deadline.adding(seconds: 1)))
        defer { try? late.close() }
        let tess = try late.accounts.authorize("tess", for: .review)
        let audit = try late.connection.scalarInt("SELECT count(*) FROM audit_log")
        let warning = #expect(throws: LateHonorWarning.self) { try ProposalService(late).approve(proposalID: proposal.id, note: nil, by: tess) }
        #expect(warning?.proposalID == proposal.id)
        #expect(warning?.description.contains("Approving proposal \(proposal.id) to honor detainer \(id) needs confirmation") == true)
        #expect(warning?.description.contains("has already passed") == true)
        #expect(try late.connection.scalarInt("SELECT count(*) FROM audit_log") == audit)
        #expect(try late.connection.scalarText("SELECT state FROM proposals WHERE id = ?", proposal.id) == "pending")

        let (approved, _) = try ProposalService(late).approve(proposalID: proposal.id, note: "recorded as done", confirmedAfterDeadline: true, by: tess)
        #expect(approved.state == .approved)
        #expect(try late.connection.scalarText("SELECT status FROM detainers WHERE id = ?", id) == "honored")
        #expect(try late.connection.scalarInt("""
            SELECT count(*) FROM audit_log WHERE action = 'proposal.approve' AND payload ->> '$.details.confirmedAfterHoldDeadline' = 1
              AND payload ->> '$.details.proposal' = \(proposal.id)
            """) == 1)
        #expect(try late.integrity.healthCheck().ok)
    }

    @Test func approvingAfterTheFactsChangedIsRefused() throws {
        let o = try office()
        let id = try intake(o, booking: "B1", tsdb: nil)
        let proposal = try ProposalService(o.db).propose(detainerID: id, .review(.honor, reason: "ICE says TSDB"), by: o.sam)
        _ = try ReviewService(o.db).reevaluate(detainerID: id, by: o.clerk)
        let stale = #expect(throws: InputError.self) { try ProposalService(o.db).approve(proposalID: proposal.id, note: nil, by: o.tess) }
        #expect(stale?.message.contains("re-evaluated") == true)
        #expect(try o.db.connection.scalarText("SELECT status FROM detainers WHERE id = ?", id) == "pendingReview")
        // The proposer withdraws; a supervisor's rejection of another's proposal is a rejection.
        #expect(try ProposalService(o.db).reject(proposalID: proposal.id, note: "facts changed", by: o.sam).state == .withdrawn)
    }

    @Test func actsTheEngineAllowsNeedNoSecondPerson() throws {
        let o = try office()
        let id = try intake(o, booking: "B1", tsdb: true)   // permitted
        #expect(throws: InputError.self) { try ProposalService(o.db).propose(detainerID: id, .review(.honor, reason: "x"), by: o.sam) }
        #expect(try ReviewService(o.db).review(detainerID: id, .approve(reason: nil), confirmedWithoutSearch: true, by: o.sam).decision == .honor)
    }

    @Test func erasingAnActedOnDetainerTakesASupervisorsApproval() throws {
        let o = try office()
        let id = try intake(o, booking: "B1", tsdb: true)
        _ = try ReviewService(o.db).review(detainerID: id, .approve(reason: nil), confirmedWithoutSearch: true, by: o.sam)
        let statuses = StatusService(o.db)
        _ = try statuses.changeStatus(detainerID: id, to: .transferred, at: nil, note: "ICE took custody", by: o.clerk)
        #expect(throws: SecondPersonRequired.self) {
            try statuses.changeStatus(detainerID: id, to: .enteredInError, at: nil, note: "wrong person", by: o.clerk)
        }
        let proposal = try ProposalService(o.db).propose(detainerID: id, .status(.enteredInError, at: nil, note: "wrong person"), by: o.clerk)
        #expect(try o.db.connection.scalarText("SELECT status FROM detainers WHERE id = ?", id) == "transferred")
        // A clerk cannot approve, nor reject someone else's proposal.
        #expect(throws: PermissionDenied.self) { try ProposalService(o.db).approve(proposalID: proposal.id, note: nil, by: o.clerk) }
        let (_, effect) = try ProposalService(o.db).approve(proposalID: proposal.id, note: "confirmed with the booking office", by: o.tess)
        guard case .status(let change) = effect else { Issue.record("expected a status change"); return }
        #expect(change.from == .transferred && change.to == .enteredInError)
        #expect(try o.db.connection.scalarText("SELECT effect_table FROM proposals WHERE id = ?", proposal.id) == "status_events")
        // A pending-review record is still marked in error by one person (a duplicate logged twice).
        let other = try intake(o, booking: "B2", tsdb: true)
        #expect(try statuses.changeStatus(detainerID: other, to: .enteredInError, at: nil, note: "duplicate of \(id)", by: o.clerk).to == .enteredInError)
        #expect(try o.db.integrity.healthCheck().ok)
    }

    @Test func theSchemaRefusesSelfApprovalWrittenBehindTheToolsBack() throws {
        let o = try office()
        let id = try intake(o, booking: "B1", tsdb: nil)
        let proposal = try ProposalService(o.db).propose(detainerID: id, .review(.honor, reason: "x"), by: o.sam)
        #expect(throws: (any Error).self) {
            try o.db.connection.run("""
                UPDATE proposals SET state = 'approved', decided_at = proposed_at, decided_by = proposed_by, effect_table = 'reviews', effect_id = 1 WHERE id = ?
                """, proposal.id)
        }
    }

    @Test func grantingPowerOrReactivatingTakesASecondAdmin() throws {
        let o = try office()
        let admin = try o.db.accounts.authorize("admin", for: .manageUsers)
        // With one active admin there is nobody to ask: the grant goes ahead and says so.
        let alone = try o.db.accounts.addUser(name: "ada", role: .admin, by: admin)
        #expect(alone.role == .admin)
        #expect(try o.db.connection.scalarText("SELECT payload ->> '$.details.fourEyes' FROM audit_log WHERE action = 'user.add' AND entity_id = ?", alone.id)?.contains("only active admin") == true)
        let ada = alone.actor
        // Now two admins: a supervisor, an admin, a role change upwards and a reactivation each need the other.
        #expect(throws: SecondPersonRequired.self) { try o.db.accounts.addUser(name: "vic", role: .supervisor, by: admin) }
        #expect(try o.db.accounts.user(named: "vic") == nil)
        let clerkOK = try o.db.accounts.addUser(name: "carl", role: .clerk, by: admin)   // no power granted: one admin is enough
        #expect(throws: SecondPersonRequired.self) { try o.db.accounts.changeRole(name: "carl", to: .supervisor, by: admin) }
        let proposals = ProposalService(o.db)
        let grant = try proposals.propose(detainerID: nil, .user(.role(name: "carl", role: .supervisor), reason: "new team lead"), by: admin)
        #expect(grant.act == "make carl supervisor" && grant.detainerID == nil)
        #expect(throws: PermissionDenied.self) { try proposals.approve(proposalID: grant.id, note: nil, by: admin) }
        #expect(throws: PermissionDenied.self) { try proposals.approve(proposalID: grant.id, note: nil, by: o.sam) }   // supervisors do not manage accounts
        _ = try proposals.approve(proposalID: grant.id, note: "agreed", by: ada)
        #expect(try o.db.accounts.user(named: "carl")?.role == .supervisor && clerkOK.role == .clerk)

        _ = try o.db.accounts.deactivateUser(name: "carl", by: admin)
        #expect(throws: SecondPersonRequired.self) { try o.db.accounts.reactivateUser(name: "carl", by: admin) }
        let back = try proposals.propose(detainerID: nil, .user(.reactivate(name: "carl"), reason: "back from leave"), by: ada)
        _ = try proposals.approve(proposalID: back.id, note: nil, by: admin)
        #expect(try o.db.accounts.user(named: "carl")?.active == true)

        let add = try proposals.propose(detainerID: nil, .user(.add(name: "vic", role: .admin, osLogin: nil), reason: "second site"), by: admin)
        #expect(throws: InputError.self) {   // one open proposal per account
            try proposals.propose(detainerID: nil, .user(.add(name: "vic", role: .supervisor, osLogin: nil), reason: "x"), by: ada)
        }
        let (_, effect) = try proposals.approve(proposalID: add.id, note: nil, by: ada)
        guard case .user(let vic) = effect else { Issue.record("expected a user"); return }
        #expect(vic.role == .admin && vic.active)
        #expect(try o.db.integrity.healthCheck().ok)
    }
}
