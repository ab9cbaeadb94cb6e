/// What a detainer still needs from the office, and whether it ended late. Pure rules over the
/// status, the engine's latest outcome and the hold deadline, so the queue, `show`, export and the
/// reports all read the same answer (and tests can state it without a database).
public enum ActionNeed: String, Sendable, Hashable, CaseIterable, Codable {
    /// Awaiting a supervisor's decision (`detainer review`).
    case review
    /// Honored: the person is held for ICE, who must take custody before the hold deadline.
    case transfer
    /// An NYPD hold without a judicial warrant (§14-154(b)(2)): ICE must present one before the
    /// 48-business-hour deadline, or the person is released.
    case warrant
    /// Honored, but the latest evaluation says decline: the law no longer allows the hold.
    case attention
    /// The hold deadline has passed while the detainer is still open: act now (release or record
    /// what happened).
    case overdue
    /// An NYPD hold pending a warrant whose deadline has passed (§14-154(b)(2)): without a judicial
    /// warrant in time the person "shall be released", and ICE is not notified. Release now.
    case release
}

public enum Deadlines {
    /// The needs of a detainer in `status` now; empty when nothing is to be done (closed, or
    /// nothing pending). Order: what to do, then `overdue` last. The rules are `NeedRule.all`.
    public static func needs(status: DetainerStatus, outcome: Outcome?, holdDeadline: UTCInstant?, now: UTCInstant) -> [ActionNeed] {
        NeedRule.all.filter { $0.applies(status: status, outcome: outcome, holdDeadline: holdDeadline, now: now) }.map(\.need)
    }

    /// True when a transfer to ICE or a release from a hold happened after the hold deadline: a
    /// person held longer than the law allows. Lifts and errors are not holds ending; a detainer
    /// closed without a deadline (no release time known) cannot be late.
    public static func endedAfterDeadline(status: DetainerStatus, at: UTCInstant, holdDeadline: UTCInstant?) -> Bool {
        guard status == .transferred || status == .released, let holdDeadline else { return false }
        return at > holdDeadline
    }

    /// True when moving a detainer from `from` to `to` at `at` ends a city hold late: only an
    /// honored or held detainer is a hold (before a decision the person is held on the city's own
    /// case, not for ICE), and it is late when it ends after the deadline.
    public static func holdEndedLate(from: DetainerStatus, to: DetainerStatus, at: UTCInstant, holdDeadline: UTCInstant?) -> Bool {
        (from == .honored || from == .held) && endedAfterDeadline(status: to, at: at, holdDeadline: holdDeadline)
    }

    /// How long past the deadline an end came, in seconds (0 when not late).
    public static func secondsLate(status: DetainerStatus, at: UTCInstant, holdDeadline: UTCInstant?) -> Int64 {
        guard endedAfterDeadline(status: status, at: at, holdDeadline: holdDeadline), let holdDeadline else { return 0 }
        return at.secondsSinceEpoch - holdDeadline.secondsSinceEpoch
    }

    /// True when a release scheduled at `release` is already past at intake time `now`: the hold
    /// deadline counts from it, so the clerk must check the date (or act at once).
    public static func releaseAlreadyPast(_ release: UTCInstant?, now: UTCInstant) -> Bool {
        isPast(release, at: now)
    }

    /// True when a detainer still awaiting a decision (received or pending review) is past the
    /// person's scheduled release: the person is either held with no decision to hold them or
    /// already gone. The queue puts these first, whatever their hold deadline (issue 25 §2).
    public static func reviewPastRelease(status: DetainerStatus, scheduledRelease: UTCInstant?, now: UTCInstant) -> Bool {
        (status == .received || status == .pendingReview) && isPast(scheduledRelease, at: now)
    }

    /// Why honoring now needs the supervisor's explicit confirmation, or nil when it does not:
    /// the hold deadline has already passed, so the person may no longer be held for ICE at all
    /// (8 CFR 287.7(d); §14-154(b)(2) for an NYPD hold) — the honor can only record a notice, or
    /// the person is already held longer than the law allows.
    public static func lateHonorWarning(holdDeadline: UTCInstant?, now: UTCInstant) -> String? {
        guard let holdDeadline, isPast(holdDeadline, at: now) else { return nil }
        return "the hold deadline (\(holdDeadline.newYorkText)) has already passed: the person may not be held for ICE any longer "
            + "(48 hours excluding Saturdays, Sundays and holidays, 8 CFR 287.7(d)); honor only to record what was done, and release the person now if still held"
    }

    static func isPast(_ instant: UTCInstant?, at now: UTCInstant) -> Bool {
        guard let instant else { return false }
        return instant.secondsSinceEpoch < now.secondsSinceEpoch
    }
}
