import DetainerDomain
import DetainerStore

enum DeadlineText {
    /// "LATE: transferred 9h 36m after the hold deadline" for `show`, or nil when not late.
    static func endedLate(status: DetainerStatus, at: UTCInstant, deadline: UTCInstant?) -> String? {
        let seconds = Deadlines.secondsLate(status: status, at: at, holdDeadline: deadline)
        guard seconds > 0 else { return nil }
        return "LATE: \(status.rawValue) \(TimeLeft.describe(seconds)) after the hold deadline (held longer than the law allows)"
    }
}
