/// The workflow's plain hold deadline: scheduled release plus 48 clock hours, the span an ICE
/// detainer asks for (8 CFR 287.7(d) as summarised in Sources/DetainerDomain/Law/README.md §2, "48-hour limit (federal)"). Kept apart from
/// `BusinessHours.deadline`, which applies only to the NYPD warrantless hold of §14-154(b)(2):
/// this one is a workflow reminder, not a legal computation.
public enum HoldDeadline {
    public static let plainHoldHours: Int64 = 48

    public static func plain(scheduledRelease: UTCInstant) -> UTCInstant {
        scheduledRelease.adding(seconds: plainHoldHours * 3600)
    }
}

extension HoldDeadline {
    /// The deadline a detainer is held to after an evaluation: an NYPD warrantless hold
    /// (`holdPendingWarrant`) runs to the engine's 48-business-hour deadline; anything else to
    /// the plain deadline from the scheduled release, or none when the release is not known.
    public static func forEvaluation(outcome: Outcome, warrantlessDeadline: UTCInstant?, scheduledRelease: UTCInstant?) -> UTCInstant? {
        outcome == .holdPendingWarrant ? warrantlessDeadline : scheduledRelease.map(plain(scheduledRelease:))
    }
}
