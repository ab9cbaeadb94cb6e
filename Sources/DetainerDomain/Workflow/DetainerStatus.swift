/// Where a detainer stands. The machine (Admin. Code practice as sketched in design.md):
///
///     received → pendingReview → honored | declined
///     honored  → transferred | released      (ICE took custody, or the hold ended without it)
///     any open status → lifted (ICE withdrew) | released (left custody before a decision)
///     any status → enteredInError             (a duplicate or mistaken record; needs a note)
///
/// `honored` and `declined` are decisions: only a supervisor's review makes them.
public enum DetainerStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case received
    case pendingReview
    case honored
    case declined
    case transferred
    case released
    case lifted
    case enteredInError

    /// Statuses in which the detainer still needs action.
    public var isOpen: Bool { self == .received || self == .pendingReview || self == .honored }

    /// Moves allowed from this status.
    public var allowedNext: [DetainerStatus] {
        switch self {
        case .received: return [.pendingReview, .lifted, .released, .enteredInError]
        case .pendingReview: return [.honored, .declined, .lifted, .released, .enteredInError]
        case .honored: return [.transferred, .released, .lifted, .enteredInError]
        case .declined, .transferred, .released, .lifted: return [.enteredInError]
        case .enteredInError: return []
        }
    }

    public func canMove(to next: DetainerStatus) -> Bool { allowedNext.contains(next) }

    /// Statuses set only by a supervisor's review, never by `detainer status`.
    public var isDecision: Bool { self == .honored || self == .declined }

    /// Every allowed (from, to) pair, for comparing with the database's copy of the machine.
    public static var transitions: [(from: DetainerStatus, to: DetainerStatus)] {
        allCases.flatMap { from in from.allowedNext.map { (from, $0) } }
    }
}

/// A supervisor's final decision on a detainer.
public enum Decision: String, Sendable, Hashable, CaseIterable, Codable {
    case honor
    case decline
}
