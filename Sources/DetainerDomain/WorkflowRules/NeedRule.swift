/// When a detainer needs each kind of action, as data: a status it is in, what the engine's latest
/// outcome must (or must not) be, and whether the hold deadline must have passed. `Deadlines.needs`
/// applies these rules to one detainer; the store's queue turns the same rules into SQL so a page
/// can read only the rows it shows (and a test checks that both give the same answer).
public struct NeedRule: Sendable {
    /// What the engine's latest outcome must be for the rule to apply. A detainer with no
    /// evaluation (nil outcome) passes `.any` and `.noneOf`, and fails `.oneOf`.
    public enum OutcomeTest: Sendable {
        case any
        case oneOf([Outcome])
        case noneOf([Outcome])

        public func admits(_ outcome: Outcome?) -> Bool {
            switch self {
            case .any: true
            case .oneOf(let outcomes): outcome.map(outcomes.contains) ?? false
            case .noneOf(let outcomes): outcome.map { !outcomes.contains($0) } ?? true
            }
        }
    }

    public let need: ActionNeed
    /// The statuses in which the need can arise (all of them open).
    public let statuses: [DetainerStatus]
    public let outcome: OutcomeTest
    /// True when the need is that the hold deadline has passed (a detainer without a deadline
    /// never has it).
    public let pastDeadline: Bool
    /// True when the need lasts only until the hold deadline (a detainer without a deadline always
    /// has it): an NYPD hold waits for a warrant only while the hold may run (issue 24 §3).
    public var beforeDeadline = false

    public func applies(status: DetainerStatus, outcome: Outcome?, holdDeadline: UTCInstant?, now: UTCInstant) -> Bool {
        statuses.contains(status) && self.outcome.admits(outcome)
            && (!pastDeadline || Deadlines.isPast(holdDeadline, at: now))
            && (!beforeDeadline || !Deadlines.isPast(holdDeadline, at: now))
    }

    /// Every rule, in the order `Deadlines.needs` lists the needs (what to do, then `overdue`).
    public static let all: [NeedRule] = [
        // Not yet decided: a supervisor must review it, whatever the engine said.
        NeedRule(need: .review, statuses: [.received, .pendingReview], outcome: .any, pastDeadline: false),
        // Honored and the engine still allows it (or has not said otherwise): ICE must take custody.
        NeedRule(need: .transfer, statuses: [.honored, .held], outcome: .noneOf([.decline, .holdPendingWarrant]), pastDeadline: false),
        // An NYPD hold the engine allows only until ICE shows a judicial warrant (§14-154(b)(2)),
        // whether or not it has been reviewed yet — and only until its deadline.
        NeedRule(need: .warrant, statuses: [.received, .pendingReview, .honored, .held], outcome: .oneOf([.holdPendingWarrant]), pastDeadline: false,
                 beforeDeadline: true),
        // Honored, but the latest evaluation says decline: the law no longer allows the hold.
        NeedRule(need: .attention, statuses: [.honored, .held], outcome: .oneOf([.decline]), pastDeadline: false),
        // Still open after its hold deadline.
        NeedRule(need: .overdue, statuses: DetainerStatus.allCases.filter(\.isOpen), outcome: .any, pastDeadline: true),
        // An NYPD hold past its deadline without a judicial warrant in time: release now
        // (§14-154(b)(2)); it has left the holds waiting for a warrant.
        NeedRule(need: .release, statuses: [.received, .pendingReview, .honored], outcome: .oneOf([.holdPendingWarrant]), pastDeadline: true),
    ]
}
