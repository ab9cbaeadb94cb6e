/// What a detainer's countdown runs to, for every place a person reads one (the queue, the
/// detainer page, `show`, the dashboards and the digest).
///
/// A detainer the law does not let the office honor has no lawful hold: when the engine's latest
/// outcome is `decline` (honoring it is forbidden, `ReviewPolicy`) or a supervisor declined it,
/// the person is to be released on time, so its countdown runs to the scheduled release, never
/// to release + 48 hours (issue 25 §2). Every other detainer races its hold deadline.
public struct Countdown: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The 48-business-hour hold deadline (8 CFR 287.7(d), or §14-154(b)(2) for an NYPD hold).
        case holdDeadline
        /// No lawful hold: release at the scheduled time.
        case releaseOnTime

        /// How a person reads the kind: "Hold deadline", "Release on time".
        public var label: String {
            switch self {
            case .holdDeadline: "Hold deadline"
            case .releaseOnTime: "Release on time"
            }
        }
    }

    public let kind: Kind
    public let at: UTCInstant

    public init(kind: Kind, at: UTCInstant) {
        self.kind = kind
        self.at = at
    }

    /// Seconds until `at` (negative once it has passed).
    public func secondsLeft(now: UTCInstant) -> Int64 { at.secondsSinceEpoch - now.secondsSinceEpoch }

    /// True when the detainer has no lawful hold: the engine says decline, or it was declined.
    public static func hasNoLawfulHold(status: DetainerStatus, outcome: Outcome?) -> Bool {
        outcome == .decline || status == .declined
    }

    /// The countdown of a detainer, or nil when it has none: no release time known (and no hold
    /// deadline), or closed by something other than a decline (transferred, released, lifted,
    /// entered in error: nothing is left to count down to).
    public static func of(status: DetainerStatus, outcome: Outcome?, holdDeadline: UTCInstant?, scheduledRelease: UTCInstant?) -> Countdown? {
        if hasNoLawfulHold(status: status, outcome: outcome) {
            return scheduledRelease.map { Countdown(kind: .releaseOnTime, at: $0) }
        }
        guard status.isOpen else { return nil }
        return holdDeadline.map { Countdown(kind: .holdDeadline, at: $0) }
    }
}
