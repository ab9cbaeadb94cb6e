/// The status machine as a pure check. The allowed moves are `DetainerStatus.allowedNext` (the
/// data; the database keeps a copy in `status_transitions` that `detainer check` compares); this
/// adds who may make them: decisions (`honored`, `declined`) only by a supervisor's review
/// (`ReviewPolicy`), every other move by a status change. The store asks before it writes.
public enum StatusMachine {
    public enum Refusal: Error, Sendable, Equatable {
        /// A decision (`honored`, `declined`) asked for outside a review.
        case decisionNeedsReview
        /// The machine has no such move.
        case notAllowed
    }

    /// Checks a status change (`detainer status`, the status form and API) `from → to`; nil when
    /// it is allowed.
    public static func statusChangeRefusal(from: DetainerStatus, to: DetainerStatus) -> Refusal? {
        if to.isDecision { return .decisionNeedsReview }
        return from.canMove(to: to) ? nil : .notAllowed
    }

    /// Whether a review can decide a detainer in `status`: the machine moves to a decision from
    /// there (only `pendingReview`).
    public static func isReviewable(_ status: DetainerStatus) -> Bool {
        status.allowedNext.contains(where: \.isDecision)
    }

    /// The moves a status change may offer from `status` (decisions are left to review).
    public static func statusChanges(from status: DetainerStatus) -> [DetainerStatus] {
        status.allowedNext.filter { !$0.isDecision }
    }

    /// Marking a record as entered in error must say why (a duplicate of which detainer, what
    /// mistake): the record stays, and the note is what explains it.
    public static func requiresNote(_ to: DetainerStatus) -> Bool { to == .enteredInError }

    /// Whether the move means the person left city custody (the custody case's release time is
    /// set from it): a transfer to ICE or a release. A lift or an error leaves custody as it was.
    public static func leavesCityCustody(_ to: DetainerStatus) -> Bool { to == .transferred || to == .released }
}

extension DetainerStatus {
    /// The statuses in which a detainer still needs action (and governs its custody case).
    public static let open: [DetainerStatus] = allCases.filter(\.isOpen)
}

extension Decision {
    /// The status a review's decision moves the detainer to.
    public var status: DetainerStatus {
        switch self {
        case .honor: .honored
        case .decline: .declined
        }
    }
}
