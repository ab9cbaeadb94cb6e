import DetainerDomain

/// What the office must do next on one detainer, in words, most pressing first: the top of the
/// detainer page and of `show --brief` (issue 25 §3). The needs are `Deadlines.needs` (the
/// queue's rules); before a review, a record with no conviction and no criminal-history search
/// attached asks for the search first, so a decline for "no convictions recorded" is not
/// approved before anyone looked (the safe direction: an unknown record is not a clean one).
public struct NextStep: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case release, overdue, recordSearch, review, warrant, transfer, attention
    }

    public let kind: Kind
    public let words: String
}

extension DetainerDetail {
    /// True when nothing shows the person's criminal history was searched: no conviction on
    /// record and no criminal-history search attached (withdrawn documents do not count).
    public var recordSearchPending: Bool {
        convictions.isEmpty && !documents.contains { $0.kind == .criminalHistory && $0.withdrawnAt == nil }
    }

    public func nextSteps(now: UTCInstant) -> [NextStep] {
        let d = detainer
        let needs = Deadlines.needs(status: d.status, outcome: d.outcome, holdDeadline: d.holdDeadline, now: now)
        let deadline = d.holdDeadline?.newYorkText
        var steps: [NextStep] = []
        if needs.contains(.release) {
            steps.append(NextStep(kind: .release, words: "Release now: the NYPD hold's deadline\(deadline.map { " (\($0))" } ?? "") passed without a judicial warrant; release the person without notifying ICE (Admin. Code §14-154(b)(2))."))
        } else if needs.contains(.overdue) {
            steps.append(NextStep(kind: .overdue, words: "Overdue: the hold deadline\(deadline.map { " (\($0))" } ?? "") has passed: release the person or record what happened."))
        }
        if needs.contains(.review) {
            if recordSearchPending {
                steps.append(NextStep(kind: .recordSearch, words: "Record the criminal-history search: add the person's convictions, or attach the search showing none, before the review."))
            }
            steps.append(NextStep(kind: .review, words: d.outcome == .needsReview
                ? "Review: the law engine could not decide; a supervisor decides honor or decline, with a reason."
                : "Review: a supervisor approves the engine's outcome (\(d.outcome?.plainLabel ?? "not evaluated")) or decides otherwise, with a reason."))
        }
        if needs.contains(.warrant) {
            steps.append(NextStep(kind: .warrant, words: "Judicial warrant: the NYPD may hold the person only until \(deadline ?? "the hold deadline") unless ICE presents a judicial warrant."))
        }
        if needs.contains(.transfer) {
            steps.append(NextStep(kind: .transfer, words: "Transfer: honored; ICE must take custody by \(deadline ?? "the hold deadline"), then record the transfer (or the release)."))
        }
        if needs.contains(.attention) {
            steps.append(NextStep(kind: .attention, words: "Release: the detainer was honored, but the latest evaluation says decline, so the law no longer allows the hold."))
        }
        return steps
    }
}
