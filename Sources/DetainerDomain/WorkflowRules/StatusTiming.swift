/// When a status change may be dated earlier than the status it replaces.
public enum StatusTiming {
    /// Leaving city custody is a fact of the world, not a step of the office's workflow: a person
    /// released by a court before the supervisor's review was entered was released then, and the
    /// record must say so rather than pretend the release followed the review. Every other move
    /// is an act of the office and cannot predate the act it follows.
    public static func mayPrecedeCurrentStatus(_ status: DetainerStatus) -> Bool {
        status == .released
    }
}
