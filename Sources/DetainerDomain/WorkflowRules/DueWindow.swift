/// Where an open detainer's countdown stands against "now", for the dashboards and the deadline
/// digest (issue 25 §2). Elapsed time, not wall-clock time: "the next 24 hours" is 86,400
/// seconds whatever a daylight-saving change does to New York's clocks in between.
public enum DueWindow: String, Sendable, Hashable, CaseIterable, Codable {
    /// Past its countdown (release or hold deadline), or awaiting a decision after the person's
    /// scheduled release: act now.
    case past
    /// Due within the window (`hours` from now, the instant itself included).
    case dueSoon
    /// Due later, or with nothing to count down to.
    case later

    /// The window the dashboards and `detainer digest` use unless told otherwise.
    public static let standardHours = 24

    public static func of(countdown: UTCInstant?, reviewPastRelease: Bool, now: UTCInstant, hours: Int = standardHours) -> DueWindow {
        if reviewPastRelease { return .past }
        guard let countdown else { return .later }
        let left = countdown.secondsSinceEpoch - now.secondsSinceEpoch
        if left < 0 { return .past }
        return left <= Int64(hours) * 3600 ? .dueSoon : .later
    }
}
