/// The acts that need a second person (issue 23 §3). One person proposes; a second person with
/// the same permission approves, and only then does the act take effect. The rule is pure: the
/// store asks it inside the write and refuses the act alone when it says so.
///
/// - Honoring a detainer the engine did not find honorable on its own (`isOverride` towards
///   honor: a `needsReview` decided as honor). Honoring what the engine permitted, or approving
///   an NYPD hold pending a warrant the engine returned, is the engine's own outcome and is not an
///   override; honoring a `decline` stays forbidden outright (`ReviewPolicy`).
/// - Marking a detainer `enteredInError` after the city acted on it (honored, transferred): the
///   record then leaves every statutory count, so one person alone must not be able to hide a
///   hold or a transfer.
public enum FourEyesRule {
    /// Statuses after which marking the record as entered in error needs a second person.
    public static let actedUpon: Set<DetainerStatus> = [.honored, .transferred]

    public static func reviewNeedsSecondPerson(_ verdict: ReviewVerdict) -> Bool {
        verdict.decision == .honor && verdict.isOverride
    }

    public static func statusChangeNeedsSecondPerson(from: DetainerStatus, to: DetainerStatus) -> Bool {
        to == .enteredInError && actedUpon.contains(from)
    }
}
