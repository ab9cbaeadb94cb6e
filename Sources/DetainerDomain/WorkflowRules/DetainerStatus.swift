/// Where a detainer stands. The machine (Admin. Code practice as sketched in design.md):
///
///     received → pendingReview → honored | declined
///     honored  → held                        (kept past the time of release, for ICE)
///     honored | held → transferred | released (ICE took custody, or the person left without it)
///     any open status → lifted (ICE withdrew) | released (left custody before a decision)
///     any status → enteredInError             (a duplicate or mistaken record; needs a note)
///
/// `honored` and `declined` are decisions: only a supervisor's review makes them.
public enum DetainerStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case received
    case pendingReview
    case honored
    /// Honored and carried out by a hold: the person is kept past the time they would otherwise
    /// have been released (Admin. Code §9-131(f)(2)). An honored detainer that never reaches
    /// `held` was carried out by notifying ICE of the release only.
    case held
    case declined
    case transferred
    case released
    case lifted
    case enteredInError

    /// Statuses in which the detainer still needs action.
    public var isOpen: Bool { self == .received || self == .pendingReview || self == .honored || self == .held }

    /// Moves allowed from this status.
    public var allowedNext: [DetainerStatus] {
        switch self {
        case .received: return [.pendingReview, .lifted, .released, .enteredInError]
        case .pendingReview: return [.honored, .declined, .lifted, .released, .enteredInError]
        case .honored: return [.held, .transferred, .released, .lifted, .enteredInError]
        case .held: return [.transferred, .released, .lifted, .enteredInError]
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
