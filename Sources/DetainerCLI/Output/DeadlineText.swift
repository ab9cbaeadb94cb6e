import DetainerDomain
import DetainerStore

enum DeadlineText {
    /// " (in 5h 02m)" / " (OVERDUE by 1h 10m)" after a countdown `show` prints; nothing for a
    /// closed detainer whose instant has passed (there is nothing left to count down to).
    static func left(_ countdown: Countdown, status: DetainerStatus, now: UTCInstant) -> String {
        let seconds = countdown.secondsLeft(now: now)
        guard status.isOpen || seconds >= 0 else { return "" }
        return seconds < 0 ? " (OVERDUE by \(TimeLeft.describe(-seconds)))" : " (in \(TimeLeft.describe(seconds)))"
    }

    /// The sentence `status` prints when a hold ended after its deadline: a transfer says it was
    /// a transfer (issue 25 §2), a release that it came without one.
    static func lateEnd(to: DetainerStatus, deadline: UTCInstant) -> String {
        to == .transferred
            ? "Transferred AFTER the hold deadline (\(deadline.newYorkText)): held longer than the law allows; recorded as such."
            : "Released AFTER the hold deadline (\(deadline.newYorkText)) without a transfer; recorded as such."
    }

    /// "LATE: transferred 9h 36m after the hold deadline" for `show`, or nil when not late.
    static func endedLate(status: DetainerStatus, at: UTCInstant, deadline: UTCInstant?) -> String? {
        let seconds = Deadlines.secondsLate(status: status, at: at, holdDeadline: deadline)
        guard seconds > 0 else { return nil }
        return "LATE: \(status.rawValue) \(TimeLeft.describe(seconds)) after the hold deadline (held longer than the law allows)"
    }
}
