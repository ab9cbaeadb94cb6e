import DetainerDomain
import DetainerJSON
import Foundation
import SQLite

// `ReviewRequest` is the domain's (DetainerDomain/Input/ReviewAndStatusRequests.swift).

public struct ReviewResult: Sendable {
    public let detainerID: Int64
    public let reviewID: Int64
    public let decision: Decision
    public let isOverride: Bool
    public let engineOutcome: Outcome
    public let basis: String
}

/// An act that takes effect only when a second person approves it (issue 23 §3, `FourEyesRule`):
/// the front ends answer it by recording a proposal (`ProposalService.propose`).
public struct SecondPersonRequired: Error, Equatable, CustomStringConvertible {
    /// "detainer 12", "user sam".
    public let subject: String
    public let act: String

    public var description: String {
        "\(act) (\(subject)) needs a second person: propose it with a reason, and another \(subject.hasPrefix("user") ? "admin" : "supervisor") approves it (`detainer proposal approve`)"
    }
}

extension ReviewService {
    /// Records a review. `confirmedWithoutSearch`: the reviewer confirms reviewing although no
    /// criminal-history search is on record (`ReviewPolicy.reviewWithoutHistorySearchNeedsConfirmation`).
    /// Honoring past the hold deadline is refused with `LateHonorWarning` unless
    /// `confirmedAfterDeadline` says the supervisor has read why and confirms.
    public func review(detainerID: Int64, _ request: ReviewRequest, confirmedWithoutSearch: Bool = false,
                       confirmedAfterDeadline: Bool = false, by actor: Actor) throws -> ReviewResult {
        let reason = try Self.validatedReason(request)
        return try audited(actor: actor, action: "detainer.review", entity: "detainer") { context in
            let late = try lateHonor(detainerID: detainerID, request, in: context)
            if let late, !confirmedAfterDeadline { throw LateHonorWarning(detainerID: detainerID, why: late) }
            let result = try record(detainerID: detainerID, request, reason: reason, approvedProposal: nil, confirmedWithoutSearch: confirmedWithoutSearch, in: context)
            // The audit row says the supervisor confirmed an honor after the deadline.
            if late != nil { context.details["confirmedAfterHoldDeadline"] = .bool(true) }
            return result
        }
    }

    static func validatedReason(_ request: ReviewRequest) throws -> String? {
        var v = FieldValidator()
        let reason: String?
        switch request {
        case .approve(let text): reason = v.text(text, "reason", maxLength: FieldLimits.note, allowNewlines: true)
        case .decide(_, let text): reason = v.text(text, "reason", maxLength: FieldLimits.note, required: request.choice.requiresReason, allowNewlines: true)
        }
        try v.finish()
        return reason
    }

    /// What a review would decide now, without writing: the current evaluation, its outcome and
    /// the policy's verdict (or why it is refused).
    func verdict(detainerID: Int64, _ request: ReviewRequest, in context: WriteContext) throws -> (evaluationID: Int64, outcome: Outcome, verdict: ReviewVerdict) {
        let db = context.db
        let current = try currentStatus(of: detainerID, in: db)
        guard ReviewPolicy.isReviewable(current.status) else {
            throw InputError(field: "id", "detainer \(detainerID) is \(current.status.rawValue); only detainers pending review can be reviewed")
        }
        // A decision cannot predate the detainer (issue 13 §4), nor the status it ends.
        if context.now < current.receivedAt || context.now < current.statusAt {
            throw InputError(field: "at", "a decision now (\(context.now.iso8601)) would be dated before the detainer was received or last changed (\(max(current.receivedAt, current.statusAt).iso8601)); check the clock")
        }
        let row = try db.prepare("""
            SELECT e.id, e.outcome, e.reasons FROM detainers AS d JOIN evaluations AS e ON e.id = d.evaluation_id WHERE d.id = ?
            """)
        try row.bind(detainerID, at: 1)
        guard let evaluation = try row.first({ ($0.int64(0), $0.string(1) ?? "", $0.string(2) ?? "") }) else {
            throw InputError(field: "id", "detainer \(detainerID) has no evaluation; run `detainer evaluate \(detainerID)` first")
        }
        guard let outcome = Outcome(rawValue: evaluation.1) else {
            throw StoreError.badStoredValue(table: "evaluations", column: "outcome", rowID: evaluation.0, value: "\"\(evaluation.1.prefix(80))\"")
        }
        let reasons: [ReasonCode]
        do { reasons = try StrictJSON.decode([ReasonCode].self, from: Data(evaluation.2.utf8)) } catch {
            throw StoreError.badStoredValue(table: "evaluations", column: "reasons", rowID: evaluation.0, value: "\"\(evaluation.2.prefix(80))\"")
        }
        switch ReviewPolicy.decide(request.choice, outcome: outcome, reasons: reasons) {
        case .success(let value): return (evaluation.0, outcome, value)
        case .failure(.engineUndecided(let reasons)):
            throw InputError(field: "approve", "the engine could not decide (\(reasons.map(\.plainClause).joined(separator: "; "))): there is no outcome to approve; decide honor or decline yourself, with a reason")
        case .failure(.honorForbidden(let reasons)):
            throw InputError(field: "decide", "honoring is forbidden: the law engine's outcome is decline (\(reasons.map(\.plainClause).joined(separator: "; "))). If a fact is wrong, correct it and evaluate detainer \(detainerID) again")
        }
    }

    /// Records the review inside `context`. Without `approvedProposal`, an act the four-eyes rule
    /// reserves for two people is refused; with it, the approval being written is the second person.
    /// `confirmedWithoutSearch` nil: not asked (a proposal's approval; its proposer was asked).
    func record(detainerID: Int64, _ request: ReviewRequest, reason: String?, approvedProposal: Int64?,
                confirmedWithoutSearch: Bool? = nil, in context: WriteContext) throws -> ReviewResult {
        context.entityID = detainerID
        let db = context.db
        let (evaluationID, outcome, verdict) = try self.verdict(detainerID: detainerID, request, in: context)
        var searchPending = false
        if let confirmedWithoutSearch, ReviewPolicy.reviewWithoutHistorySearchNeedsConfirmation {
            searchPending = try HistorySearch.isPending(detainerID: detainerID, in: db)
            if searchPending && !confirmedWithoutSearch { throw HistorySearch.unconfirmed(detainerID) }
        }
        if approvedProposal == nil, FourEyesRule.reviewNeedsSecondPerson(verdict) {
            throw SecondPersonRequired(subject: "detainer \(detainerID)", act: "honoring against the engine's \(outcome.rawValue)")
        }
        let (decision, isOverride, basis) = (verdict.decision, verdict.isOverride, verdict.basis)
        var review = ReviewRecord()
        review.detainerID = detainerID
        review.evaluationID = evaluationID
        review.action = verdict.action.rawValue
        review.decision = decision
        review.reason = reason
        review.reviewedAt = context.now
        review.actorID = try context.actorID
        let reviewID = try context.insert(&review)
        try DetainerRecord.update(id: detainerID, set: ["decision": decision.rawValue, "decision_basis": basis,
                                                        "decided_at": context.now.iso8601, "decided_on": context.now.newYorkDate.description],
                                  in: context)
        try moveStatus(detainerID: detainerID, from: .pendingReview, to: decision.status,
                       at: context.now, note: reason, in: context)
        context.details = ["decision": .string(decision.rawValue), "override": .bool(isOverride),
                           "engineOutcome": .string(outcome.rawValue), "basis": .string(basis), "reviewID": .int(reviewID)]
        if let approvedProposal { context.details["proposal"] = .int(approvedProposal) }
        if searchPending { context.details["confirmedWithoutHistorySearch"] = .bool(true) }
        return ReviewResult(detainerID: detainerID, reviewID: reviewID, decision: decision, isOverride: isOverride,
                            engineOutcome: outcome, basis: basis)
    }
}

extension Statement {
    /// Binds one value to ?1 and returns the statement, for one-line queries.
    func bindingFirst(_ value: any SQLiteBindable) throws -> Statement {
        try bind(value, at: 1)
        return self
    }
}
