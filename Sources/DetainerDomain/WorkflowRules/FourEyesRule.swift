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
/// - Granting the supervisor or admin role (a new user or a role change) and reactivating a
///   user: one admin alone must not be able to make a confederate who decides or who manages
///   accounts. Where the office has a single active admin there is no second person to ask;
///   the act then takes effect and its audit entry says four-eyes was unavailable.
public enum FourEyesRule {
    /// Statuses after which marking the record as entered in error needs a second person.
    public static let actedUpon: Set<DetainerStatus> = [.honored, .held, .transferred]

    public static func reviewNeedsSecondPerson(_ verdict: ReviewVerdict) -> Bool {
        verdict.decision == .honor && verdict.isOverride
    }

    /// Roles that decide detainers or manage accounts.
    public static let powerfulRoles: Set<String> = ["supervisor", "admin"]

    /// Whether giving an account `role` (new, or changed to) needs a second admin.
    public static func grantNeedsSecondPerson(role: String) -> Bool { powerfulRoles.contains(role) }

    public static func statusChangeNeedsSecondPerson(from: DetainerStatus, to: DetainerStatus) -> Bool {
        to == .enteredInError && actedUpon.contains(from)
    }
}
