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
