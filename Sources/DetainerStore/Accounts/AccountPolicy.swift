/// The project's decisions for web accounts, named so the code and the README cite one place.
public enum AccountPolicy {
    /// bcrypt work factor. 12 costs roughly a quarter of a second per hash on the build machine:
    /// slow for a guesser, tolerable once per sign-in.
    public static let bcryptCost: UInt8 = 12
    /// Passwords shorter than this are refused. Length beats composition rules (NIST SP 800-63B).
    public static let minimumPasswordLength = 12
    /// Passwords with fewer distinct characters than this ("aaaaaaaaaaaa", "abababababab") are refused.
    public static let minimumDistinctPasswordCharacters = 5
    /// bcrypt reads only the first 72 bytes; a longer password would be silently truncated, so
    /// it is refused instead.
    public static let maximumPasswordBytes = 72
    /// Failed sign-ins from one client address before each further attempt waits (`SignInThrottle`).
    public static let freeFailuresPerAddress = 3
    /// The longest an address waits between attempts after many failures.
    public static let maximumAddressDelaySeconds: Int64 = 15 * 60
    /// Failed sign-ins for one account name before its checks are spaced out …
    public static let freeFailuresPerAccount = 3
    /// … to one every this many seconds: the most a flood can delay the real person.
    public static let accountCheckIntervalSeconds: Int64 = 1
    /// A session unused for this long is over.
    public static let idleTimeoutSeconds: Int64 = 15 * 60
    /// A session this old is over however busy it is (issue 23 §4): a stolen cookie stops working
    /// by the end of the working day. Twelve hours covers one long shift.
    public static let absoluteLifetimeSeconds: Int64 = 12 * 3600
    /// `last_seen_at` is written at most this often per session, so a page view is not a disk
    /// write; the idle timeout is therefore exact to within this many seconds.
    public static let lastSeenResolutionSeconds: Int64 = 60
}

extension AccountPolicy {
    /// Roles that must give a second factor (TOTP or a recovery code) at web sign-in on a
    /// production database (issue 23 §4): the people who decide and who grant roles.
    public static let secondFactorRoles: Set<Role> = [.supervisor, .admin]
    /// TOTP codes are accepted this many 30-second steps either side of the server's time
    /// (RFC 6238 §5.2 recommends at most one step of allowed drift).
    public static let totpWindowSteps: Int64 = 1
    /// Recovery codes made at enrolment, each usable once.
    public static let recoveryCodeCount = 10
    /// Whether `role` must give a second factor on a database in `mode`.
    public static func requiresSecondFactor(_ role: Role, mode: DatabaseMode) -> Bool {
        mode == .production && secondFactorRoles.contains(role)
    }
}
