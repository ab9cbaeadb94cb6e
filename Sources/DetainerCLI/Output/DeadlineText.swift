import DetainerDomain
import DetainerStore

enum DeadlineText {
    /// "LATE: transferred 9h 36m after the hold deadline" for `show`, or nil when not late.
    static func endedLate(status: String, at: String, deadline: String) -> String? {
        guard let status = DetainerStatus(rawValue: status), let at = UTCInstant(parsing: at) else { return nil }
        let seconds = Deadlines.secondsLate(status: status, at: at, holdDeadline: UTCInstant(parsing: deadline))
        guard seconds > 0 else { return nil }
        return "LATE: \(status.rawValue) \(TimeLeft.describe(seconds)) after the hold deadline (held longer than the law allows)"
    }
}
