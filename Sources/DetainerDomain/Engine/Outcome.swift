/// What the agency may do with the detainer.
public enum Outcome: String, Sendable, Hashable, CaseIterable, Codable {
    /// Honor it (hold, or notify ICE of release for DOC/NYPD): judicial warrant and a qualifying
    /// conviction or TSDB match.
    case permitted
    /// Do not hold and do not notify.
    case decline
    /// NYPD only (§14-154(b)(2)): hold up to 48 hours excluding weekends and holidays, then release
    /// without notice unless a judicial warrant arrives.
    case holdPendingWarrant
    /// A fact the law needs is missing or ambiguous and could change the outcome.
    case needsReview
}
