import Sysexits

// The domain's refusals are returned in `Result`s and worded by the store, field by field; if
// one is ever thrown as it is, it still ends as a refusal (65), never as an internal error.

extension ReviewRefusal: ExitStatusError {
    public var exitStatus: ExitStatus { .dataError }
    public var exitMessage: String {
        switch self {
        case .engineUndecided: "the law engine could not decide this detainer (needs review): decide honor or decline, there is no outcome to approve"
        case .honorForbidden: "the law engine declined this detainer: the law forbids honoring it"
        }
    }
}

extension StatusMachine.Refusal: ExitStatusError {
    public var exitStatus: ExitStatus { .dataError }
    public var refusal: RefusalKind { .conflict }
    public var exitMessage: String {
        switch self {
        case .decisionNeedsReview: "honored and declined are decided by a supervisor's review, not by a status change"
        case .notAllowed: "the detainer's current status does not allow that move"
        }
    }
}

extension WallClockTime.Failure: ExitStatusError {
    public var exitStatus: ExitStatus { .dataError }
    public var exitMessage: String {
        switch self {
        case .malformed: "not a time (give 2026-03-02T09:30 in New York time, or an ISO 8601 instant with its offset)"
        case .ambiguous: "that time happens twice in New York (clocks fall back); give the offset"
        case .nonexistent: "that time does not exist in New York (clocks spring forward)"
        }
    }
}
