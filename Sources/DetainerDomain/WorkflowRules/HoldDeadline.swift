/// The hold deadline of an ICE detainer: 48 hours from the time the person would otherwise have
/// been released, "excluding Saturdays, Sundays, and holidays" (8 CFR 287.7(d); the city code
/// cites "the forty-eight-hour hold period provided in 8 CFR § 287.7" in §9-131(f)(8);
/// Sources/DetainerDomain/Law/README.md §2 "48-hour limit (federal)" and §7b). A Friday 10:00
/// release runs to Tuesday 10:00, not Sunday. Holidays are the observed federal holidays
/// (`FederalHolidays`, law reference §12.7), counted by `BusinessHours` on New York days.
public enum HoldDeadline {
    public static let plainHoldHours: Int64 = 48

    public static func plain(scheduledRelease: UTCInstant) -> UTCInstant {
        BusinessHours.deadline(start: scheduledRelease, hours: Int(plainHoldHours))
    }
}

extension HoldDeadline {
    /// The deadline a detainer is held to after an evaluation: an NYPD warrantless hold
    /// (`holdPendingWarrant`) runs to the engine's 48-business-hour deadline; a `decline` has no
    /// lawful hold (honoring it is forbidden, `ReviewPolicy`), so it runs to the scheduled release
    /// itself (issue 25 §2: "release on time", and past it the detainer is overdue); anything else
    /// to the plain deadline from the scheduled release; none when the release is not known.
    public static func forEvaluation(outcome: Outcome, warrantlessDeadline: UTCInstant?, scheduledRelease: UTCInstant?) -> UTCInstant? {
        switch outcome {
        case .holdPendingWarrant: warrantlessDeadline
        case .decline: scheduledRelease
        case .permitted, .needsReview: scheduledRelease.map(plain(scheduledRelease:))
        }
    }
}
