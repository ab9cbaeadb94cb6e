/// What a detainer no longer accepts once it is closed (declined, transferred, released, lifted
/// or entered in error). Its decision rested on the facts as they then stood, so those facts stay
/// as decided: a correction of a fact the law reads, or a warrant arriving late, is refused, and
/// nothing re-runs the engine on it (a wrong record is marked `enteredInError` and logged again).
/// While it is open — honored included, where a changed fact can make the hold unlawful — every
/// such change is taken and re-evaluated.
public enum ClosedDetainerRule {
    /// Whether a change of the facts re-runs the law engine on a detainer in `status`.
    public static func reevaluates(_ status: DetainerStatus) -> Bool { status.isOpen }

    /// The first correction a detainer in `status` refuses, or nil when all may be made.
    public static func refusedCorrection(_ changes: [FieldChange], status: DetainerStatus) -> FieldChange? {
        status.isOpen ? nil : changes.first(where: { $0.field.feedsTheLaw })
    }

    /// Whether a warrant ICE presents now still changes a detainer in `status`.
    public static func acceptsWarrant(_ status: DetainerStatus) -> Bool { status.isOpen }
}
