/// A supervisor's final decision on a pending detainer, as a pure rule over the engine's latest
/// outcome and reasons. The store loads those, asks this policy, and persists the answer; the
/// CLI, the web forms and the API all reach the same rule through the review service.
///
/// The rules:
/// - Only a detainer pending review can be reviewed.
/// - Approving accepts the engine's outcome: `permitted` or `holdPendingWarrant` → honor,
///   `decline` → decline. `needsReview` has no outcome to accept, so it must be decided.
/// - Deciding needs a written reason; it may decline what the engine permitted (an override),
///   but never honor what the engine declined: the law forbids that hold, and a wrong fact is
///   corrected and re-evaluated instead.
/// - Any decision other than the engine's, and every decision on `needsReview`, is an override.
public enum ReviewPolicy {
    /// Issue 25 §1: with no criminal-history search on record the engine can only have read "no
    /// convictions recorded", so its decline may rest on a record not yet typed in. A review of
    /// such a detainer (approve or decide, either way) is refused unless the reviewer confirms
    /// reviewing without the search (CLI `--confirm-no-search`, the web form's checkbox, the API's
    /// `confirmNoSearch`); the confirmation is kept in the review's audit entry.
    public static let reviewWithoutHistorySearchNeedsConfirmation = true

    /// Whether a detainer in `status` can be reviewed at all.
    public static func isReviewable(_ status: DetainerStatus) -> Bool { StatusMachine.isReviewable(status) }

    /// The decision the engine's outcome stands for, or nil when the engine could not decide.
    public static func engineDecision(_ outcome: Outcome) -> Decision? {
        switch outcome {
        case .permitted, .holdPendingWarrant: .honor
        case .decline: .decline
        case .needsReview: nil
        }
    }

    /// The decision for `choice` on an evaluation with `outcome` and `reasons` (in the engine's
    /// order), or why it is refused.
    public static func decide(_ choice: ReviewChoice, outcome: Outcome, reasons: [ReasonCode]) -> Result<ReviewVerdict, ReviewRefusal> {
        let engine = engineDecision(outcome)
        let decision: Decision
        switch choice {
        case .approve:
            guard let engine else { return .failure(.engineUndecided(reasons: reasons)) }
            decision = engine
        case .decide(let chosen):
            if chosen == .honor && outcome == .decline { return .failure(.honorForbidden(reasons: reasons)) }
            decision = chosen
        }
        let isOverride = engine != decision
        return .success(ReviewVerdict(decision: decision, isOverride: isOverride,
                                      action: isOverride ? .override : .approve,
                                      basis: basis(of: decision, outcome: outcome, reasons: reasons)))
    }

    /// What the decision rests on, as the stable code the reports count by: for an honor, the
    /// engine's grounds (conviction, TSDB match, both joined by "+"), or `DECIDED_ON_REVIEW`
    /// when the engine gave none; for a decline the engine found, its first reason (warrant
    /// first, then convictions); for a supervisor's decline, override or decided on review.
    public static func basis(of decision: Decision, outcome: Outcome, reasons: [ReasonCode]) -> String {
        if decision == .honor {
            let grounds = [ReasonCode.qualifyingConviction, .tsdbMatch].filter(reasons.contains).map(\.code)
            return grounds.isEmpty ? DecisionBasis.decidedOnReview : grounds.joined(separator: "+")
        }
        if outcome == .decline { return reasons.first?.code ?? DecisionBasis.engineDecline }
        return outcome == .needsReview ? DecisionBasis.decidedOnReview : DecisionBasis.overrideBySupervisor
    }
}

/// What the supervisor asks for (the written reason is the request's own business: required for
/// every `decide`, optional on `approve`).
public enum ReviewChoice: Sendable, Equatable {
    case approve
    case decide(Decision)

    /// A decision of the supervisor's own must say why; accepting the engine's need not.
    public var requiresReason: Bool {
        if case .decide = self { true } else { false }
    }
}

/// How a review is recorded (`reviews.action`).
public enum ReviewAction: String, Sendable, Equatable {
    case approve
    case override
}

public struct ReviewVerdict: Sendable, Equatable {
    public let decision: Decision
    /// The decision is not the engine's (always so on `needsReview`).
    public let isOverride: Bool
    public let action: ReviewAction
    public let basis: String
}

public enum ReviewRefusal: Error, Sendable, Equatable {
    /// Approve on `needsReview`: there is no engine outcome to accept.
    case engineUndecided(reasons: [ReasonCode])
    /// Honor on `decline`: the law forbids the hold.
    case honorForbidden(reasons: [ReasonCode])
}

/// Reason codes a decision can rest on besides the engine's own.
public enum DecisionBasis {
    /// A supervisor declined although the engine found honoring permitted.
    public static let overrideBySupervisor = "OVERRIDE_BY_SUPERVISOR"
    /// A supervisor decided a case the engine could not (needsReview).
    public static let decidedOnReview = "DECIDED_ON_REVIEW"
    /// A decline the engine gave without any reason (does not happen today; kept so the basis is
    /// never empty).
    public static let engineDecline = "DECLINE"
}
