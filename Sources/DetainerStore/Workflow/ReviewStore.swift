import DetainerDomain
import SQLite

/// A supervisor's action on a pending detainer.
public enum ReviewRequest: Sendable {
    /// Accept the engine's outcome (permitted or holdPendingWarrant → honor; decline → decline).
    case approve(reason: String?)
    /// Decide, with a written reason; required for needsReview and for any override.
    case decide(Decision, reason: String)
}

public struct ReviewResult: Sendable {
    public let detainerID: Int64
    public let reviewID: Int64
    public let decision: Decision
    public let isOverride: Bool
    public let engineOutcome: Outcome
    public let basis: String
}

/// Reason codes a decision can rest on besides the engine's own.
public enum DecisionBasis {
    /// A supervisor declined although the engine found honoring permitted.
    public static let overrideBySupervisor = "OVERRIDE_BY_SUPERVISOR"
    /// A supervisor decided a case the engine could not (needsReview).
    public static let decidedOnReview = "DECIDED_ON_REVIEW"
    public static let conviction = "QUALIFYING_CONVICTION"
    public static let terroristScreening = "TSDB_MATCH"
}

extension DetainerDatabase {
    public func review(detainerID: Int64, _ request: ReviewRequest, by actor: Actor) throws -> ReviewResult {
        var v = FieldValidator()
        let reason: String?
        switch request {
        case .approve(let text): reason = v.text(text, "reason", maxLength: FieldLimits.note, allowNewlines: true)
        case .decide(_, let text): reason = v.text(text, "reason", maxLength: FieldLimits.note, required: true, allowNewlines: true)
        }
        try v.finish()
        return try audited(actor: actor, action: "detainer.review", entity: "detainer") { context in
            context.entityID = detainerID
            let db = context.db
            let current = try currentStatus(of: detainerID, in: db)
            guard current.status == .pendingReview else {
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
            guard let evaluation = try row.first({ ($0.int64(0), Outcome(rawValue: $0.string(1) ?? ""), $0.string(2) ?? "[]") }),
                  let outcome = evaluation.1 else {
                throw InputError(field: "id", "detainer \(detainerID) has no evaluation; run `detainer evaluate \(detainerID)` first")
            }
            let reasons = try db.prepare("SELECT value FROM json_each(?)").bindingFirst(evaluation.2).map { $0.string(0) ?? "" }
            let engineDecision: Decision? = switch outcome {
            case .permitted, .holdPendingWarrant: .honor
            case .decline: .decline
            case .needsReview: nil
            }
            let decision: Decision
            switch request {
            case .approve:
                guard let engineDecision else {
                    throw InputError(field: "approve", "the engine could not decide (needsReview: \(reasons.joined(separator: ", "))); decide with --decide honor|decline --reason TEXT")
                }
                decision = engineDecision
            case .decide(let chosen, _):
                if chosen == .honor && outcome == .decline {
                    throw InputError(field: "decide", "honoring is forbidden: the law engine's outcome is decline (\(reasons.joined(separator: ", "))). If a fact is wrong, correct it and re-evaluate (`detainer evaluate \(detainerID)`)")
                }
                decision = chosen
            }
            let isOverride = engineDecision != decision
            let basis: String
            if decision == .honor {
                let grounds = [DecisionBasis.conviction, DecisionBasis.terroristScreening].filter(reasons.contains)
                basis = grounds.isEmpty ? DecisionBasis.decidedOnReview : grounds.joined(separator: "+")
            } else if outcome == .decline {
                basis = reasons.first ?? "DECLINE"
            } else {
                basis = outcome == .needsReview ? DecisionBasis.decidedOnReview : DecisionBasis.overrideBySupervisor
            }
            try db.run("""
                INSERT INTO reviews (detainer_id, evaluation_id, action, decision, reason, reviewed_at, actor_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, detainerID, evaluation.0, isOverride || outcome == .needsReview ? "override" : "approve",
                       decision.rawValue, reason, context.now.iso8601, context.actor.id)
            let reviewID = db.lastInsertRowID
            context.touch("reviews", reviewID)
            try db.run("UPDATE detainers SET decision = ?, decision_basis = ?, decided_at = ?, decided_on = ? WHERE id = ?",
                       decision.rawValue, basis, context.now.iso8601, context.now.newYorkDate.description, detainerID)
            try moveStatus(detainerID: detainerID, from: .pendingReview, to: decision == .honor ? .honored : .declined,
                           at: context.now, note: reason, in: context)
            context.details = ["decision": .string(decision.rawValue), "override": .bool(isOverride),
                               "engineOutcome": .string(outcome.rawValue), "basis": .string(basis), "reviewID": .int(reviewID)]
            return ReviewResult(detainerID: detainerID, reviewID: reviewID, decision: decision, isOverride: isOverride,
                                engineOutcome: outcome, basis: basis)
        }
    }
}

extension Statement {
    /// Binds one value to ?1 and returns the statement, for one-line queries.
    func bindingFirst(_ value: any SQLiteBindable) throws -> Statement {
        try bind(value, at: 1)
        return self
    }
}
